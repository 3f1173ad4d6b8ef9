import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { eventually, startWorker } from './support/app';
import { unique, useApi, type Account } from './support/client';
import { collect, listen, LiveClients } from './support/live';

const START = Date.UTC(2031, 9, 6, 1, 0);
const CANADA = { country: 'CA', timezone: 'America/Toronto', city: 'Toronto' };
const BASE = { partnerTypes: ['distributor'], languages: ['en'] };

interface Match {
  company: { id: string };
  score: number;
  preference: string | null;
}

interface MatchPage {
  items: Match[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Meeting preferences (SPEC "Firms"): a firm marks the other participants must-meet, interested
 * or not-interested; its matches show the marks and hide the firms it said no thanks to; the
 * scheduler never proposes a pair either side marked not-interested unless both asked or a
 * request was accepted, and places must-meet pairs before the other unrequested ones.
 */
describe('meeting preferences', () => {
  const client = useApi();
  const live = new LiveClients();
  let worker: INestApplicationContext;
  let organiser: Account;
  let hk: Account;
  let ca: Account;
  let stranger: Account;
  let sessionId: string;
  /** The Hong Kong firm, and three Canadian firms in the order the HK firm's matches rank them. */
  let h1: string;
  let ranked: string[];
  /** The Canadian fintech firm (the one sector filter below). */
  let fintech: string;

  const url = (other: string) => `/api/sessions/${sessionId}/preferences/${other}`;
  const mark = (token: string, companyId: string, other: string, preference: string) =>
    client.as(token).put(url(other)).send({ companyId, preference });
  const unmark = (token: string, companyId: string, other: string) =>
    client.as(token).delete(`${url(other)}?companyId=${companyId}`);
  const matches = async (query = '', token = hk.accessToken): Promise<MatchPage> =>
    (
      await client
        .as(token)
        .get(`/api/sessions/${sessionId}/matches?companyId=${h1}${query}`)
        .expect(200)
    ).body as MatchPage;
  /** Runs scheduling through the queue and the worker; the pairs placed, as sorted id pairs. */
  const schedule = async (): Promise<string[]> => {
    await client.runSchedule(organiser.accessToken, sessionId);
    const body = (
      await client.as(organiser.accessToken).get(`/api/sessions/${sessionId}/schedule`).expect(200)
    ).body as { meetings: { companyIds: string[] }[] };
    return body.meetings.map((meeting) => [...meeting.companyIds].sort().join('|'));
  };
  const pair = (x: string, y: string) => [x, y].sort().join('|');

  beforeAll(async () => {
    worker = await startWorker();
    [organiser, hk, ca, stranger] = await Promise.all([
      client.organiser(),
      client.signUp(),
      client.signUp(),
      client.signUp(),
    ]);
    // One meeting each, six slots: the HK firm meets exactly one Canadian firm.
    sessionId = await client.videoSession(organiser.accessToken, START, 60, {
      maxMeetingsPerCompany: 1,
    });
    h1 = (
      await client.verifiedCompany(hk.accessToken, organiser.accessToken, {
        ...BASE,
        name: unique('Harbour Pay'),
        sectors: ['fintech'],
        offers: ['mobile payments', 'nfc payment terminals'],
        seeks: ['distribution in north america'],
        targetMarkets: ['CA'],
      })
    ).id;
    const canadians = [
      {
        ...BASE,
        name: unique('Maple Channel Partners'),
        sectors: ['e-commerce'],
        offers: ['distribution in north america'],
        seeks: ['mobile payments'],
        targetMarkets: ['HK'],
      },
      {
        name: unique('Prairie Fintech'),
        sectors: ['fintech'],
        offers: ['cloud hosting'],
        seeks: ['office space'],
        partnerTypes: ['investment'],
        targetMarkets: [],
        languages: ['en'],
      },
      {
        name: unique('Montreal Games'),
        sectors: ['digital-entertainment'],
        offers: ['game art'],
        seeks: ['voice actors'],
        partnerTypes: ['outsourcing'],
        targetMarkets: [],
        languages: ['fr'],
      },
    ];
    const ids: string[] = [];
    for (const profile of canadians) {
      ids.push(
        (
          await client.verifiedCompany(ca.accessToken, organiser.accessToken, {
            ...CANADA,
            ...profile,
          })
        ).id,
      );
    }
    fintech = ids[1];
    await client.join(hk.accessToken, sessionId, h1);
    for (const id of ids) await client.join(ca.accessToken, sessionId, id);
    // The worker scores each firm as it joins; the ranking once all three are scored.
    const scored = await eventually(async () => {
      const page = await matches();
      return page.total === 3 ? page : undefined;
    }, 20_000);
    ranked = scored.items.map((match) => match.company.id);
    expect(scored.items[0].score).toBeGreaterThan(scored.items[2].score);
  });
  afterEach(() => live.closeAll());
  afterAll(() => worker.close());

  it('sets, replaces and clears a mark, shown with the matches; the firm’s own users hear of it', async () => {
    const base = await listen(client.app);
    const own = collect<{ sessionId: string; companyId: string }>(
      await live.connected(base, hk.accessToken),
      'preference.updated',
    );
    const other = collect(await live.connected(base, ca.accessToken), 'preference.updated');

    const set = await mark(hk.accessToken, h1, ranked[1], 'must-meet').expect(200);
    expect(set.body).toEqual({
      sessionId,
      companyId: h1,
      otherCompanyId: ranked[1],
      preference: 'must-meet',
    });
    await mark(hk.accessToken, h1, ranked[1], 'interested').expect(200);
    const page = await matches();
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(page.items.map((match) => match.preference)).toEqual([null, 'interested', null]);
    await unmark(hk.accessToken, h1, ranked[1]).expect(204);
    await unmark(hk.accessToken, h1, ranked[1]).expect(204);
    expect((await matches()).items.map((match) => match.preference)).toEqual([null, null, null]);

    await eventually(() => Promise.resolve(own.length >= 4 ? true : undefined));
    expect(own[0]).toEqual({ sessionId, companyId: h1 });
    // The other firm never learns what was said about it.
    expect(other).toEqual([]);
  });

  it('hides firms marked not-interested unless asked for, filters and pages', async () => {
    await mark(hk.accessToken, h1, ranked[0], 'not-interested').expect(200);
    await mark(hk.accessToken, h1, ranked[2], 'must-meet').expect(200);
    expect((await matches()).items.map((match) => match.company.id)).toEqual([
      ranked[1],
      ranked[2],
    ]);
    const all = await matches('&includeHidden=true');
    expect(all.total).toBe(3);
    expect(all.items[0]).toMatchObject({
      company: { id: ranked[0] },
      preference: 'not-interested',
    });
    expect((await matches('&preference=not-interested')).items).toHaveLength(1);
    expect((await matches('&preference=must-meet')).items[0].company.id).toBe(ranked[2]);
    expect((await matches('&preference=none')).items[0].company.id).toBe(ranked[1]);
    const sector = await matches('&sector=fintech&includeHidden=true');
    expect(sector.items.map((match) => match.company.id)).toEqual([fintech]);
    expect((await matches('&country=HK')).total).toBe(0);
    const second = await matches('&includeHidden=true&page=2&pageSize=2');
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.items.map((match) => match.company.id)).toEqual([ranked[2]]);
    expect(await matches('&page=9')).toEqual({
      items: [],
      total: 2,
      totalIsEstimate: false,
      nextCursor: null,
      page: 9,
      pageSize: 20,
    });
    // An organiser sees the firm's matches with its marks too.
    expect((await matches('', organiser.accessToken)).total).toBe(2);
  });

  it('schedules must-meet before better-scored firms and never a pair marked not-interested', async () => {
    // Marks of the test before: the best match not-interested, the worst must-meet.
    const placed = await schedule();
    expect(placed).toContain(pair(h1, ranked[2]));
    expect(placed).not.toContain(pair(h1, ranked[0]));

    // Unmarked, the best match wins again: the marks made the difference.
    await unmark(hk.accessToken, h1, ranked[0]).expect(204);
    await unmark(hk.accessToken, h1, ranked[2]).expect(204);
    expect(await schedule()).toContain(pair(h1, ranked[0]));

    // Either side's no thanks counts: the HK firm declines two, the third declines it.
    await mark(hk.accessToken, h1, ranked[0], 'not-interested').expect(200);
    await mark(hk.accessToken, h1, ranked[2], 'not-interested').expect(200);
    await mark(ca.accessToken, ranked[1], h1, 'not-interested').expect(200);
    expect((await schedule()).filter((placedPair) => placedPair.includes(h1))).toEqual([]);
  });

  it('drops a pending request either side said no thanks to, but an accepted request wins', async () => {
    // Still marked from the test before: h1 said no thanks to ranked[0].
    const asked = await client
      .as(hk.accessToken)
      .post(`/api/sessions/${sessionId}/requests`)
      .send({ fromCompanyId: h1, toCompanyId: ranked[0] })
      .expect(201);
    expect(await schedule()).not.toContain(pair(h1, ranked[0]));
    await client
      .as(ca.accessToken)
      .patch(`/api/sessions/${sessionId}/requests/${asked.body.id}`)
      .send({ status: 'accepted' })
      .expect(200);
    expect(await schedule()).toContain(pair(h1, ranked[0]));
  });

  it('refuses bad input naming each field, others’ companies and unknown ids', async () => {
    for (const preference of [null, 1, true, [], {}, 'MUST-MEET', '<script>', 'x'.repeat(5000)]) {
      const bad = await mark(hk.accessToken, h1, ranked[1], preference as string).expect(400);
      expect(Object.keys(bad.body.fields)).toEqual(['preference']);
    }
    for (const companyId of [null, 42, 'not-a-uuid', { id: h1 }]) {
      const bad = await client
        .as(hk.accessToken)
        .put(url(ranked[1]))
        .send({ companyId, preference: 'interested' })
        .expect(400);
      expect(Object.keys(bad.body.fields)).toEqual(['companyId']);
    }
    const extra = await client
      .as(hk.accessToken)
      .put(url(ranked[1]))
      .send({ companyId: h1, preference: 'interested', score: 100 })
      .expect(400);
    expect(Object.keys(extra.body.fields)).toEqual(['score']);
    const self = await mark(hk.accessToken, h1, h1, 'must-meet').expect(400);
    expect(Object.keys(self.body.fields)).toEqual(['otherCompanyId']);
    await client
      .as(hk.accessToken)
      .put(`${url('nope')}`)
      .send({ companyId: h1 })
      .expect(400);
    await client.as(hk.accessToken).delete(url(ranked[1])).expect(400);

    // Another firm's company: 403, for its mark and for reading its matches.
    await mark(ca.accessToken, h1, ranked[1], 'must-meet').expect(403);
    await unmark(stranger.accessToken, h1, ranked[1]).expect(403);
    await client
      .as(stranger.accessToken)
      .get(`/api/sessions/${sessionId}/matches?companyId=${h1}`)
      .expect(403);
    // Unknown ids, and firms that do not take part: 404.
    await mark(hk.accessToken, randomUUID(), ranked[1], 'must-meet').expect(404);
    await mark(hk.accessToken, h1, randomUUID(), 'must-meet').expect(404);
    await client
      .as(hk.accessToken)
      .put(`/api/sessions/${randomUUID()}/preferences/${ranked[1]}`)
      .send({ companyId: h1, preference: 'must-meet' })
      .expect(404);
    const outsider = await client.verifiedCompany(ca.accessToken, organiser.accessToken, CANADA);
    const notIn = await mark(hk.accessToken, h1, outsider.id, 'must-meet').expect(404);
    expect(notIn.body.code).toBe('participant.not_found');
    // Organisers may act for a firm, as elsewhere.
    await mark(organiser.accessToken, h1, ranked[1], 'interested').expect(200);
  });
});
