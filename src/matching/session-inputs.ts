import type { DataSource, EntityManager } from 'typeorm';
import { inputsDigest, JOB_KEY_LENGTH } from '../common/inputs-digest';
import { toIntervals } from '../sessions/availability';
import type { MatchmakingSession } from '../sessions/session.entity';
import { buildSlots } from '../sessions/slots';
import type { ScoringProfile, ScoringSession } from './scoring/scoring-types';
import { mergeWeights } from './scoring/weights';

/** The pure scoring module's view of a session. */
export function toScoringSession(session: MatchmakingSession): ScoringSession {
  return {
    mode: session.mode,
    crossBorderOnly: session.crossBorderOnly,
    sides: session.sides,
    slots: buildSlots(session).map((slot) => ({
      startsAt: slot.startsAt.getTime(),
      endsAt: slot.endsAt.getTime(),
    })),
    weights: mergeWeights(session.weights),
  };
}

/** A digest of everything in a session that scores depend on (see FinishRescoreJob.settings). */
export function scoringSettingsDigest(session: MatchmakingSession): string {
  return inputsDigest(toScoringSession(session), JOB_KEY_LENGTH);
}

interface ProfileRow {
  id: string;
  name: string;
  country: string;
  sectors: string[];
  offers: string[];
  seeks: string[];
  partner_types: string[];
  target_markets: string[];
  languages: string[];
  availability: { from: string; to: string }[];
}

const PROFILE_COLUMNS = `c.id, c.name, c.country, c.sectors, c.offers, c.seeks, c.partner_types,
  c.target_markets, c.languages, p.availability`;

function toProfile(row: ProfileRow): ScoringProfile {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    sectors: row.sectors,
    offers: row.offers,
    seeks: row.seeks,
    partnerTypes: row.partner_types,
    targetMarkets: row.target_markets,
    languages: row.languages,
    availability: toIntervals(row.availability),
  };
}

/**
 * The session's participants as scoring profiles, in company-id order (the positions block jobs
 * refer to). With `joinedBy`, only those that had joined by then: a full rescore's snapshot.
 */
export async function loadProfiles(
  db: DataSource | EntityManager,
  sessionId: string,
  joinedBy?: Date,
): Promise<ScoringProfile[]> {
  const rows = await db.query<ProfileRow[]>(
    `SELECT ${PROFILE_COLUMNS}
       FROM session_participants p JOIN companies c ON c.id = p.company_id
      WHERE p.session_id = $1 AND c.status = 'verified' AND ($2::timestamptz IS NULL OR p.created_at <= $2)
      ORDER BY c.id`,
    [sessionId, joinedBy ?? null],
  );
  return rows.map(toProfile);
}

/** Some participants' profiles (for explaining matches). */
export async function loadProfilesOf(
  db: DataSource | EntityManager,
  sessionId: string,
  companyIds: string[],
): Promise<Map<string, ScoringProfile>> {
  const rows = await db.query<ProfileRow[]>(
    `SELECT ${PROFILE_COLUMNS}
       FROM session_participants p JOIN companies c ON c.id = p.company_id
      WHERE p.session_id = $1 AND c.id = ANY($2::uuid[])`,
    [sessionId, companyIds],
  );
  return new Map(rows.map((row) => [row.id, toProfile(row)]));
}

/** How many of the session's verified firms there are, and how many use each tag (offered or sought). */
export interface SessionRarity {
  companies: number;
  df: Map<string, number>;
}

/**
 * The rarity of some tags in the session, or without `tags` of every tag at once (see
 * TagRarityCache): one pass over the session's verified firms (a 5,000-firm session's matches page
 * waited on two).
 */
export async function loadTagRarity(
  db: DataSource | EntityManager,
  sessionId: string,
  tags?: string[],
): Promise<SessionRarity> {
  const rows = await db.query<{ tag: string | null; n: number }[]>(
    `WITH firms AS MATERIALIZED (
       SELECT c.id, c.offers || c.seeks AS tags
         FROM session_participants p JOIN companies c ON c.id = p.company_id
        WHERE p.session_id = $1 AND c.status = 'verified')
     SELECT NULL AS tag, count(*)::int AS n FROM firms
     UNION ALL
     SELECT tag, count(DISTINCT id)::int AS n FROM firms, unnest(tags) AS tag
      WHERE $2::text[] IS NULL OR tag = ANY($2::text[]) GROUP BY tag`,
    [sessionId, tags ?? null],
  );
  return {
    companies: rows.find((row) => row.tag === null)?.n ?? 0,
    df: new Map(rows.flatMap((row) => (row.tag === null ? [] : [[row.tag, row.n] as const]))),
  };
}
