import { createHmac, timingSafeEqual } from 'node:crypto';
import Fastify from 'fastify';
import { Pool } from 'pg';
import { cutPage, decodeCursor, encodeCursor } from '../src/common/keyset';
import { listTotal, type RunSql } from '../src/common/list-total';
import { directoryFromWhere, directoryPageSql } from '../src/companies/directory-sql';
import type { Company } from '../src/companies/company.entity';
import { toCompanyView } from '../src/companies/company.view';
import { matchesFromWhere, matchesPageSql } from '../src/matching/matches-sql';
import { explainPair } from '../src/matching/scoring/explain-pair';
import {
  loadProfilesOf,
  loadTagRarity,
  toScoringSession,
  type SessionRarity,
} from '../src/matching/session-inputs';
import { RARITY_TTL_MS } from '../src/matching/tag-rarity-cache';
import type { MatchmakingSession } from '../src/sessions/session.entity';

/**
 * The anchor of `bench/lists.ts`: a bare Fastify server on `pg` that answers the directory and
 * the matches pages with the same SQL as the product (the same builders, the same total, the
 * same reads of profiles and tag rarity for the reasons, the same pure explanation), and checks
 * the same HS256 bearer token and user row, with no Nest, no TypeORM, no validation pipe, no
 * logging, no exception filter. Run as its own process: `node lists-bare.js` with DATABASE_URL,
 * JWT_SECRET and PORT.
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const secret = process.env.JWT_SECRET ?? '';
const run: RunSql = async <Row>(sql: string, params: readonly unknown[]) =>
  (await pool.query(sql, [...params])).rows as Row[];
const db = { query: (sql: string, params: unknown[]) => run(sql, params) };

/** The user id of a valid HS256 token, or null. */
function subjectOf(header: string | undefined): string | null {
  const [head, body, signature] = (header ?? '').replace(/^Bearer /, '').split('.');
  if (!head || !body || !signature) return null;
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as {
    sub?: string;
    exp?: number;
  };
  return claims.sub && (claims.exp ?? Infinity) * 1000 > Date.now() ? claims.sub : null;
}

async function userOf(header: string | undefined): Promise<{ id: string; role: string } | null> {
  const id = subjectOf(header);
  if (!id) return null;
  const [user] = await run<{ id: string; role: string; disabled_at: Date | null }>(
    'SELECT id, role, disabled_at FROM users WHERE id = $1',
    [id],
  );
  return user && !user.disabled_at ? user : null;
}

const app = Fastify();

app.get<{ Querystring: { pageSize?: string; page?: string; after?: string } }>(
  '/api/companies',
  async (request, reply) => {
    const user = await userOf(request.headers.authorization);
    if (!user) return reply.code(401).send({ error: 'unauthorized' });
    const pageSize = Number(request.query.pageSize ?? 20);
    const pageNo = Number(request.query.page ?? 1);
    const organiser = user.role !== 'member';
    const filter = { organiser, userId: user.id, tsQuery: null };
    const start = request.query.after
      ? { after: decodeCursor(request.query.after, 'directory', ['text', 'uuid'] as const) }
      : { offset: (pageNo - 1) * pageSize };
    const page = directoryPageSql(filter, start, pageSize + 1);
    const counted = directoryFromWhere(filter);
    const [rows, total] = await Promise.all([
      run<Company>(page.sql, page.params),
      listTotal(run, counted.sql, counted.params),
    ]);
    const cut = cutPage(rows, pageSize, (row) => encodeCursor('directory', [row.name, row.id]));
    return {
      items: cut.rows.map((row) => toCompanyView(row, organiser || row.status !== 'verified')),
      ...total,
      nextCursor: cut.nextCursor,
      page: pageNo,
      pageSize,
    };
  },
);

/** The session's tag rarity, kept as the product keeps it (TagRarityCache): 30 s a generation. */
const rarities = new Map<string, { at: number; generation: number; rarity: SessionRarity }>();
async function rarityOf(sessionId: string, generation: number): Promise<SessionRarity> {
  const kept = rarities.get(sessionId);
  if (kept && kept.generation === generation && Date.now() - kept.at <= RARITY_TTL_MS) {
    return kept.rarity;
  }
  const rarity = await loadTagRarity(db as never, sessionId);
  rarities.set(sessionId, { at: Date.now(), generation, rarity });
  return rarity;
}

interface SessionRow extends MatchmakingSession {
  score_generation: number;
}

app.get<{
  Params: { id: string };
  Querystring: { companyId: string; pageSize?: string; page?: string; after?: string };
}>('/api/sessions/:id/matches', async (request, reply) => {
  const user = await userOf(request.headers.authorization);
  if (!user) return reply.code(401).send({ error: 'unauthorized' });
  const { id: sessionId } = request.params;
  const { companyId } = request.query;
  const pageSize = Number(request.query.pageSize ?? 20);
  const pageNo = Number(request.query.page ?? 1);
  const [session] = await run<SessionRow>(
    `SELECT id, status, mode, cross_border_only AS "crossBorderOnly", sides, weights,
            starts_at AS "startsAt", ends_at AS "endsAt", slot_minutes AS "slotMinutes",
            break_minutes AS "breakMinutes", score_generation FROM sessions WHERE id = $1`,
    [sessionId],
  );
  if (!session) return reply.code(404).send({ error: 'not found' });
  const [company] = await run('SELECT id FROM companies WHERE id = $1', [companyId]);
  const [member] = await run(
    'SELECT 1 FROM company_members WHERE company_id = $1 AND user_id = $2',
    [companyId, user.id],
  );
  if (!company || !member) return reply.code(403).send({ error: 'forbidden' });
  const viewer = (await loadProfilesOf(db as never, sessionId, [companyId])).get(companyId);
  if (!viewer) return reply.code(404).send({ error: 'not found' });
  const filter = {
    sessionId,
    generation: session.score_generation,
    companyId,
    country: null,
    minScore: 0,
    sector: null,
    preference: null,
    includeHidden: false,
  };
  const start = request.query.after
    ? { after: decodeCursor(request.query.after, 'matches', ['number', 'uuid'] as const) }
    : { offset: (pageNo - 1) * pageSize };
  const page = matchesPageSql(filter, start, pageSize + 1);
  const counted = matchesFromWhere(filter);
  const [fetched, total] = await Promise.all([
    run<{ other_id: string; score: number; name: string; preference: string | null }>(
      page.sql,
      page.params,
    ),
    listTotal(run, counted.sql, counted.params),
  ]);
  const { rows, nextCursor } = cutPage(fetched, pageSize, (row) =>
    encodeCursor('matches', [row.score, row.other_id]),
  );
  const others = await loadProfilesOf(
    db as never,
    sessionId,
    rows.map((row) => row.other_id),
  );
  const rarity = await rarityOf(sessionId, session.score_generation);
  const scoring = toScoringSession(session);
  return {
    items: rows.map((row) => {
      const other = others.get(row.other_id);
      return {
        company: row,
        score: row.score,
        reasons: other ? explainPair(viewer, other, scoring, rarity).reasons : [],
        preference: row.preference,
      };
    }),
    ...total,
    nextCursor,
    page: pageNo,
    pageSize,
  };
});

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(
  () => console.log('bare ready'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
