import { DataSource } from 'typeorm';
import { unique, type Account, useApi } from './support/client';

/**
 * Keyset pagination (`?after=`) where people scroll: the next page by cursor is the page that
 * follows, with nothing twice and nothing left out, the last page has no cursor, totals of small
 * lists are exact, and a cursor that is not one of the list's is a 400 naming `after`.
 */
describe('list cursors', () => {
  const client = useApi();
  let db: DataSource;
  let organiser: Account;
  let member: Account;

  beforeAll(async () => {
    db = client.app.get(DataSource);
    [organiser, member] = await Promise.all([client.organiser(), client.signUp()]);
  });

  interface Page<T> {
    items: T[];
    total: number;
    totalIsEstimate: boolean;
    nextCursor: string | null;
    page: number;
    pageSize: number;
  }

  async function readAll<T>(token: string, path: string): Promise<Page<T>[]> {
    const pages: Page<T>[] = [];
    let after: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const url: string = after ? `${path}${separator}after=${after}` : path;
      const response = await client.as(token).get(url).expect(200);
      pages.push(response.body as Page<T>);
      after = (response.body as Page<T>).nextCursor;
    } while (after && pages.length < 20);
    return pages;
  }

  it('reads a searched directory to its end by cursor, each firm once, best match then name', async () => {
    const word = unique('cursorword').replace(/[^a-z0-9]/gi, '');
    const names = Array.from(
      { length: 7 },
      (_, index) => `${word} Firm ${String.fromCharCode(71 - index)}`,
    );
    await db.query(
      `INSERT INTO companies (name, country, city, timezone, employees, status, version, search_document)
       SELECT name, 'HK', 'Hong Kong', 'Asia/Hong_Kong', '10-49', 'verified', 1, to_tsvector('simple', name)
         FROM unnest($1::text[]) AS name`,
      [names],
    );
    const pages = await readAll<{ name: string }>(
      member.accessToken,
      `/api/companies?q=${word}&pageSize=3`,
    );
    expect(pages.map((page) => page.items.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((page) => page.items.map((item) => item.name))).toEqual([...names].sort());
    expect(pages[0]).toMatchObject({ total: 7, totalIsEstimate: false, page: 1, pageSize: 3 });
    expect(pages[2].nextCursor).toBeNull();
  });

  it('the page after a cursor is the page an offset would give', async () => {
    const first = await client
      .as(organiser.accessToken)
      .get('/api/companies?pageSize=2')
      .expect(200);
    const byCursor = await client
      .as(organiser.accessToken)
      .get(`/api/companies?pageSize=2&after=${first.body.nextCursor}`)
      .expect(200);
    const byOffset = await client
      .as(organiser.accessToken)
      .get('/api/companies?pageSize=2&page=2')
      .expect(200);
    expect(byCursor.body.items).toEqual(byOffset.body.items);
    expect(byCursor.body.items).toHaveLength(2);
  });

  it('reads the notification centre newest first by cursor', async () => {
    const { id: userId } = (await client.as(member.accessToken).get('/api/auth/me').expect(200))
      .body.user as { id: string };
    // Five at one instant: the id orders them, and the cursor keeps the instant's microseconds.
    await db.query(
      `INSERT INTO notifications (user_id, kind, params, link, created_at)
       SELECT $1, 'company.verification',
              jsonb_build_object('company', 'Firm ' || n, 'status', 'verified', 'hasReason', 'no', 'reason', ''),
              '/company', CASE WHEN n <= 5 THEN timestamptz '2026-01-01 10:00:00.123456Z'
                               ELSE now() - n * interval '1 minute' END
         FROM generate_series(1, 9) AS n`,
      [userId],
    );
    const pages = await readAll<{ id: string; createdAt: string }>(
      member.accessToken,
      '/api/notifications?pageSize=2',
    );
    const ids = pages.flatMap((page) => page.items.map((item) => item.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(pages[0].total);
    const all = await client
      .as(member.accessToken)
      .get('/api/notifications?pageSize=100')
      .expect(200);
    expect(ids).toEqual(all.body.items.map((item: { id: string }) => item.id));
  });

  it.each([
    ['noise', 'abc'],
    [
      'a cursor of another list',
      Buffer.from(JSON.stringify(['notifications', '2026-01-01', 'x'])).toString('base64url'),
    ],
    [
      'a searched cursor without the search',
      Buffer.from(
        JSON.stringify(['directory-search', 0.5, 'A', '6f1c8c3e-2a4b-4c5d-8e9f-0a1b2c3d4e5f']),
      ).toString('base64url'),
    ],
    ['not base64url', 'a+b/c='],
  ])('a bad cursor (%s) is a 400 naming after', async (_label, after) => {
    const response = await client
      .as(member.accessToken)
      .get(`/api/companies?after=${encodeURIComponent(after)}`)
      .expect(400);
    expect(Object.keys(response.body.fields)).toEqual(['after']);
  });
});
