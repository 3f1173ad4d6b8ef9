import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { fillLists, type FilledLists } from '../bench/list-volume';
import {
  directoryFromWhere,
  directoryPageSql,
  type DirectoryFilter,
} from '../src/companies/directory-sql';
import { messageHistorySql } from '../src/conversations/conversations.service';
import { REQUESTS_OF_COMPANY } from '../src/requests/requests.service';
import { listTotal, totalSql, type RunSql } from '../src/common/list-total';
import { matchesFromWhere, matchesPageSql, type MatchesFilter } from '../src/matching/matches-sql';
import {
  notificationsFromWhere,
  notificationsPageSql,
} from '../src/notifications/notification-list-sql';
import { participantsFromWhere, participantsPageSql } from '../src/sessions/participant-list-sql';
import { scratchDatabase } from './support/scratch-database';

/**
 * The lists people scroll keep their plans at the scale of a large trade fair: on a database of
 * its own, filled with 30,000 companies, a 2,000-firm session with its matches a reader with
 * 20,000 notifications and 20,000 messages (then ANALYZE), the exact statements the services run (their SQL builders)
 * are EXPLAINed: no sequential scan of a big table, the index that serves the order, and totals
 * that stop at the cap instead of counting every row.
 */
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

const BIG_TABLES = [
  'meeting_requests',
  'companies',
  'notifications',
  'match_scores',
  'session_participants',
  'messages',
];

describe('list plans at scale (EXPLAIN)', () => {
  const scratch = scratchDatabase('plans');
  let db: Client;
  let filled: FilledLists;
  const run: RunSql = async <Row>(sql: string, params: readonly unknown[]) =>
    (await db.query(sql, [...params])).rows as Row[];

  async function plan(statement: { sql: string; params: unknown[] }): Promise<PlanNode[]> {
    const { rows } = await db.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
      `EXPLAIN (FORMAT JSON) ${statement.sql}`,
      statement.params,
    );
    return nodesOf(rows[0]['QUERY PLAN'][0].Plan);
  }

  function expectNoSeqScanOfBigTables(nodes: PlanNode[]): void {
    const seqScans = nodes
      .filter((node) => node['Node Type'] === 'Seq Scan')
      .map((node) => node['Relation Name']);
    expect(seqScans.filter((table) => BIG_TABLES.includes(table ?? ''))).toEqual([]);
  }

  const indexesOf = (nodes: PlanNode[]): string[] =>
    nodes.flatMap((node) => (node['Index Name'] ? [node['Index Name']] : []));

  beforeAll(async () => {
    await scratch.create();
    db = new Client({ connectionString: scratch.url });
    await db.connect();
    filled = await fillLists(db, {
      companies: 30_000,
      sessionFirms: 2_000,
      matchesPerFirm: 20,
      notifications: 20_000,
      conversations: 500,
    });
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await scratch.drop();
  });

  describe('the directory', () => {
    const member = (): DirectoryFilter => ({
      organiser: false,
      userId: filled.readerId,
      tsQuery: null,
    });

    it.each([
      ['a member, first page', () => member(), { offset: 0 }],
      [
        'a member, after a cursor deep in the list',
        () => member(),
        { after: ['Silver', randomUUID()] as const },
      ],
      [
        'an organiser, after a cursor',
        () => ({ ...member(), organiser: true }),
        { after: ['Pacific', randomUUID()] as const },
      ],
    ])('%s: a range scan of (name, id), no sort of every firm', async (_label, filter, start) => {
      const nodes = await plan(directoryPageSql(filter(), start, 21));
      expectNoSeqScanOfBigTables(nodes);
      expect(indexesOf(nodes)).toContain('companies_name_id_idx');
      expect(nodes.map((node) => node['Node Type'])).not.toContain('Sort');
    });

    it('a search finds its firms by the GIN index of the search document', async () => {
      const nodes = await plan(
        directoryPageSql({ ...member(), tsQuery: 'harbour:* & pay:*' }, { offset: 0 }, 21),
      );
      expectNoSeqScanOfBigTables(nodes);
      expect(indexesOf(nodes)).toContain('companies_search_document_idx');
    });

    it('counts no more than the cap, then says the total is an estimate', async () => {
      const counted = directoryFromWhere(member());
      const nodes = await plan({ sql: totalSql(counted.sql).capped, params: counted.params });
      expect(nodes.map((node) => node['Node Type'])).toContain('Limit');
      const total = await listTotal(run, counted.sql, counted.params);
      expect(total.totalIsEstimate).toBe(true);
      // The planner's estimate of the member's firms: the verified ones, about 29,400.
      expect(total.total).toBeGreaterThan(20_000);
      expect(total.total).toBeLessThan(40_000);
    });

    it('a small list is counted exactly', async () => {
      const counted = directoryFromWhere({ ...member(), status: 'pending', organiser: true });
      expect(await listTotal(run, counted.sql, counted.params)).toEqual({
        total: 600,
        totalIsEstimate: false,
      });
    });

    it('a list the planner thinks small but is not is counted no further than the cap', async () => {
      // 2,000 firms move to New Zealand, which the statistics (not analysed since) say has none.
      await db.query(
        `UPDATE companies SET country = 'NZ' WHERE id IN (SELECT id FROM companies ORDER BY id DESC LIMIT 2000)`,
      );
      const counted = directoryFromWhere({ ...member(), organiser: true, country: 'NZ' });
      expect(await listTotal(run, counted.sql, counted.params)).toEqual({
        total: 1_001,
        totalIsEstimate: true,
      });
    });
  });

  it('matches: the primary key finds the firm’s ranked rows of the generation', async () => {
    const filter: MatchesFilter = {
      sessionId: filled.sessionId,
      generation: 1,
      companyId: filled.viewerCompanyId,
      country: null,
      minScore: 0,
      sector: null,
      preference: null,
      includeHidden: false,
    };
    for (const start of [{ offset: 0 }, { after: [80, randomUUID()] as const }]) {
      const nodes = await plan(matchesPageSql(filter, start, 21));
      expectNoSeqScanOfBigTables(nodes);
      expect(indexesOf(nodes).some((name) => name.startsWith('PK_'))).toBe(true);
    }
    const counted = matchesFromWhere(filter);
    expect(await listTotal(run, counted.sql, counted.params)).toEqual({
      total: 20,
      totalIsEstimate: false,
    });
  });

  it('participants: the session’s firms by the primary key, estimated past the cap', async () => {
    for (const start of [{ offset: 0 }, { after: ['Maple', randomUUID()] as const }]) {
      expectNoSeqScanOfBigTables(await plan(participantsPageSql(filled.sessionId, start, 21)));
    }
    // 2,000 firms: past the exact count's cap, the planner's estimate, which the statistics make close.
    const counted = participantsFromWhere(filled.sessionId);
    const total = await listTotal(run, counted.sql, counted.params);
    expect(total.totalIsEstimate).toBe(true);
    expect(total.total).toBeGreaterThan(1_500);
    expect(total.total).toBeLessThan(2_500);
  });

  it('notifications: newest first along (user, created_at, id), no sort', async () => {
    const key = [new Date(Date.now() - 30 * 24 * 3600_000).toISOString(), randomUUID()] as const;
    for (const unread of [undefined, 'true'] as const) {
      for (const start of [{ offset: 0 }, { after: key }]) {
        const nodes = await plan(
          notificationsPageSql({ userId: filled.readerId, unread }, start, 21),
        );
        expectNoSeqScanOfBigTables(nodes);
        expect(indexesOf(nodes)).toContain('notifications_user_created_id_idx');
        expect(nodes.map((node) => node['Node Type'])).not.toContain('Sort');
      }
    }
    const counted = notificationsFromWhere({ userId: filled.readerId });
    expect((await listTotal(run, counted.sql, counted.params)).totalIsEstimate).toBe(true);
  });

  it('requests: a firm’s sent and received ones in the session, by both indexes', async () => {
    const where = REQUESTS_OF_COMPANY.replace(':sessionId', '$1').replaceAll(':companyId', '$2');
    const nodes = await plan({
      sql: `SELECT request.id FROM meeting_requests request WHERE ${where} ORDER BY request.created_at DESC`,
      params: [filled.sessionId, filled.viewerCompanyId],
    });
    expectNoSeqScanOfBigTables(nodes);
    expect(indexesOf(nodes)).toEqual(
      expect.arrayContaining(['meeting_requests_from_idx', 'meeting_requests_to_idx']),
    );
  });

  it('messages: a page of history along (conversation, sent_at, id)', async () => {
    const [{ id }] = (await db.query<{ id: string }>('SELECT id FROM conversations LIMIT 1')).rows;
    for (const before of [null, { messageId: randomUUID() }, { instant: new Date() }]) {
      const nodes = await plan(messageHistorySql(id, before, 51));
      expectNoSeqScanOfBigTables(nodes);
      expect(indexesOf(nodes)).toContain('messages_history_idx');
    }
  });
});
