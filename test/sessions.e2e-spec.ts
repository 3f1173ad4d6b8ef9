import type { INestApplicationContext } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { eventually, startWorker } from './support/app';
import { unique, useApi, type Account, sessionInput } from './support/client';

describe('matchmaking sessions', () => {
  const client = useApi();
  let organiser: Account;
  let member: Account;

  beforeAll(async () => {
    [organiser, member] = await Promise.all([client.organiser(), client.signUp()]);
  });

  const createSession = async (overrides: Record<string, unknown> = {}) =>
    (
      await client
        .as(organiser.accessToken)
        .post('/api/sessions')
        .send(sessionInput(overrides))
        .expect(201)
    ).body as {
      id: string;
      status: string;
      [key: string]: unknown;
    };

  describe('sessions and their lifecycle', () => {
    it('creates an open session with its slots, derived from window, slot and break', async () => {
      const session = await createSession({ sides: [['hk'], ['CA']] });
      expect(session).toMatchObject({ status: 'open', sides: [['HK'], ['CA']], breakMinutes: 5 });
      expect(session.weights).toEqual({
        complementarity: 0.4,
        sector: 0.15,
        partnerType: 0.15,
        market: 0.15,
        language: 0.1,
        timeOverlap: 0.05,
      });
      const read = await client
        .as(member.accessToken)
        .get(`/api/sessions/${session.id}`)
        .expect(200);
      expect(read.body.slots).toHaveLength(9); // 4 h of 20-minute slots with 5-minute breaks
      expect(read.body.slots[1]).toEqual({
        index: 1,
        startsAt: '2031-03-10T01:25:00.000Z',
        endsAt: '2031-03-10T01:45:00.000Z',
      });
    });

    it('keeps drafts from members (404 and out of the list) and shows them to organisers', async () => {
      const draft = await createSession({ status: 'draft' });
      await client.as(member.accessToken).get(`/api/sessions/${draft.id}`).expect(404);
      await client.as(organiser.accessToken).get(`/api/sessions/${draft.id}`).expect(200);
      const memberList = await client
        .as(member.accessToken)
        .get('/api/sessions?status=draft')
        .expect(200);
      expect(memberList.body.total).toBe(0);
      const organiserList = await client
        .as(organiser.accessToken)
        .get('/api/sessions?status=draft&pageSize=100')
        .expect(200);
      expect(organiserList.body.items.map((s: { id: string }) => s.id)).toContain(draft.id);
    });

    it('refuses members (403), and names bad fields and bad combinations (400)', async () => {
      await client.as(member.accessToken).post('/api/sessions').send(sessionInput()).expect(403);
      const bad = await client
        .as(organiser.accessToken)
        .post('/api/sessions')
        .send(
          sessionInput({
            mode: 'hologram',
            slotMinutes: 2,
            startsAt: '2031-03-10 01:00',
            sides: [['HK']],
            weights: { sector: 3 },
            tables: 0,
          }),
        )
        .expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual([
        'mode',
        'sides',
        'slotMinutes',
        'startsAt',
        'tables',
        'weights.sector',
      ]);
      const combos = await client
        .as(organiser.accessToken)
        .post('/api/sessions')
        .send(
          sessionInput({
            endsAt: '2031-03-10T01:10:00Z',
            requestDeadline: '2031-03-11T00:00:00Z',
            sides: [['HK', 'CA'], ['CA']],
          }),
        )
        .expect(400);
      expect(Object.keys(combos.body.fields).sort()).toEqual([
        'requestDeadline',
        'sides',
        'slotMinutes',
      ]);
      const backwards = await client
        .as(organiser.accessToken)
        .post('/api/sessions')
        .send(sessionInput({ endsAt: '2031-03-09T00:00:00Z' }))
        .expect(400);
      expect(Object.keys(backwards.body.fields)).toContain('endsAt');
      const delegation = await client
        .as(organiser.accessToken)
        .post('/api/sessions')
        .send(sessionInput({ delegationId: '6a1f2a0e-0000-4000-8000-000000000000' }))
        .expect(400);
      expect(delegation.body.fields).toEqual({ delegationId: ['no delegation has this id'] });
    });

    it('moves forward only, and allows edits in draft and open only (409 otherwise)', async () => {
      const session = await createSession({ status: 'draft' });
      const url = `/api/sessions/${session.id}`;
      await client
        .as(organiser.accessToken)
        .patch(url)
        .send({ title: 'Renamed in draft' })
        .expect(200);
      await client.as(organiser.accessToken).patch(url).send({ status: 'live' }).expect(409);
      expect(
        (await client.as(organiser.accessToken).patch(url).send({ status: 'open' }).expect(200))
          .body.status,
      ).toBe('open');
      await client.as(organiser.accessToken).patch(url).send({ slotMinutes: 30 }).expect(200);
      await client.as(organiser.accessToken).patch(url).send({ status: 'scheduled' }).expect(200);
      const edit = await client
        .as(organiser.accessToken)
        .patch(url)
        .send({ slotMinutes: 15 })
        .expect(409);
      expect(edit.body.code).toBe('session.scheduled');
      const back = await client
        .as(organiser.accessToken)
        .patch(url)
        .send({ status: 'open' })
        .expect(409);
      expect(back.body).toMatchObject({ code: 'session.bad_transition' });
      expect(back.body.message).toContain('live or closed');
      await client.as(organiser.accessToken).patch(url).send({ status: 'closed' }).expect(200);
      await client.as(organiser.accessToken).patch(url).send({ status: 'live' }).expect(409);
      await client.as(member.accessToken).patch(url).send({ title: 'x' }).expect(403);
      await client.as(organiser.accessToken).patch(url).send({ status: 'finished' }).expect(400);
    });
  });

  it('lists sessions to come first and closed ones after them, whatever their dates', async () => {
    const mode = 'in-person';
    const early = await createSession({
      mode,
      startsAt: '2030-01-07T01:00:00Z',
      endsAt: '2030-01-07T05:00:00Z',
      requestDeadline: '2030-01-06T00:00:00Z',
    });
    const late = await createSession({ mode });
    await client
      .as(organiser.accessToken)
      .patch(`/api/sessions/${early.id}`)
      .send({ status: 'closed' })
      .expect(200);
    const listed = (
      await client.as(member.accessToken).get(`/api/sessions?mode=${mode}&pageSize=100`).expect(200)
    ).body as { items: { id: string; status: string }[] };
    const ids = listed.items.map((item) => item.id);
    expect(ids).toContain(early.id);
    expect(ids.indexOf(late.id)).toBeLessThan(ids.indexOf(early.id));
    const firstClosed = listed.items.findIndex((item) => item.status === 'closed');
    expect(listed.items.slice(firstClosed).every((item) => item.status === 'closed')).toBe(true);
  });

  describe('participants', () => {
    it('lets owners join their verified company, update availability by joining again, and list', async () => {
      const session = await createSession();
      const owner = await client.signUp();
      const company = await client.verifiedCompany(owner.accessToken, organiser.accessToken);
      const url = `/api/sessions/${session.id}/participants`;
      const before = await client
        .as(owner.accessToken)
        .get(`/api/sessions/${session.id}`)
        .expect(200);
      expect(before.body.yourCompanyIds).toEqual([]);
      const joined = await client
        .as(owner.accessToken)
        .post(url)
        .send({ companyId: company.id })
        .expect(201);
      expect(joined.body).toMatchObject({ companyId: company.id, availability: [] });
      const updated = await client
        .as(owner.accessToken)
        .post(url)
        .send({
          companyId: company.id,
          availability: [{ from: '2031-03-10T09:00:00+08:00', to: '2031-03-10T10:00:00+08:00' }],
        })
        .expect(200);
      expect(updated.body.availability).toEqual([
        { from: '2031-03-10T01:00:00.000Z', to: '2031-03-10T02:00:00.000Z' },
      ]);
      const list = await client.as(member.accessToken).get(url).expect(200);
      expect(list.body).toMatchObject({
        total: 1,
        items: [{ companyId: company.id, name: company.name }],
      });
      // The session tells each caller which of their companies take part, and only theirs.
      const detail = (token: string) =>
        client.as(token).get(`/api/sessions/${session.id}`).expect(200);
      expect((await detail(owner.accessToken)).body.yourCompanyIds).toEqual([company.id]);
      expect((await detail(member.accessToken)).body.yourCompanyIds).toEqual([]);
      expect((await detail(organiser.accessToken)).body.yourCompanyIds).toEqual([]);
    });

    it('refuses availability outside the session (400 naming the window)', async () => {
      const session = await createSession();
      const owner = await client.signUp();
      const company = await client.verifiedCompany(owner.accessToken, organiser.accessToken);
      const response = await client
        .as(owner.accessToken)
        .post(`/api/sessions/${session.id}/participants`)
        .send({
          companyId: company.id,
          availability: [
            { from: '2031-03-10T00:00:00Z', to: '2031-03-10T02:00:00Z' },
            { from: 'soon', to: '2031-03-10T02:00:00Z' },
          ],
        })
        .expect(400);
      expect(Object.keys(response.body.fields)).toEqual(['availability[1].from']);
      const outside = await client
        .as(owner.accessToken)
        .post(`/api/sessions/${session.id}/participants`)
        .send({
          companyId: company.id,
          availability: [{ from: '2031-03-10T00:00:00Z', to: '2031-03-10T02:00:00Z' }],
        })
        .expect(400);
      expect(Object.keys(outside.body.fields)).toEqual(['availability[0]']);
    });

    it("refuses unverified companies (409), others' companies (403), firms of no side (409), closed sessions (409)", async () => {
      const session = await createSession({ sides: [['HK'], ['CA']] });
      const url = `/api/sessions/${session.id}/participants`;
      const owner = await client.signUp();
      const pending = await client.company(owner.accessToken);
      expect(
        (await client.as(owner.accessToken).post(url).send({ companyId: pending.id }).expect(409))
          .body.code,
      ).toBe('company.not_verified');
      const verified = await client.verifiedCompany(owner.accessToken, organiser.accessToken);
      expect(
        (await client.as(member.accessToken).post(url).send({ companyId: verified.id }).expect(403))
          .body.code,
      ).toBe('company.not_yours');
      const german = await client.verifiedCompany(owner.accessToken, organiser.accessToken, {
        country: 'DE',
        timezone: 'Europe/Berlin',
      });
      expect(
        (await client.as(owner.accessToken).post(url).send({ companyId: german.id }).expect(409))
          .body.code,
      ).toBe('participant.no_side');
      // An organiser adds any company.
      await client.as(organiser.accessToken).post(url).send({ companyId: verified.id }).expect(201);
      const closed = await createSession();
      await client
        .as(organiser.accessToken)
        .patch(`/api/sessions/${closed.id}`)
        .send({ status: 'closed' })
        .expect(200);
      await client
        .as(owner.accessToken)
        .post(`/api/sessions/${closed.id}/participants`)
        .send({ companyId: verified.id })
        .expect(409);
      await client.as(owner.accessToken).post(url).send({ companyId: 'nope' }).expect(400);
      await client
        .as(owner.accessToken)
        .post('/api/sessions/6a1f2a0e-0000-4000-8000-000000000000/participants')
        .send({ companyId: verified.id })
        .expect(404);
    });
  });

  describe('scoring through the queue and the worker, and ranked matches', () => {
    let worker: INestApplicationContext;
    let socket: Socket;
    beforeAll(async () => {
      worker = await startWorker();
    });
    afterAll(async () => {
      socket?.disconnect();
      await worker.close();
    });

    it('ranks the complementary partner first with reasons in words, and follows profile edits', async () => {
      const session = await createSession({ sides: [['HK'], ['CA']] });
      const url = `/api/sessions/${session.id}`;
      const hk = await client.signUp();
      const ca = await client.signUp();
      const ca2 = await client.signUp();
      const base = { partnerTypes: ['distributor'], languages: ['en'] };
      const harbour = await client.verifiedCompany(hk.accessToken, organiser.accessToken, {
        ...base,
        name: unique('Harbour Pay'),
        sectors: ['fintech'],
        offers: ['mobile payments', 'nfc payment terminals'],
        seeks: ['distribution in north america'],
        targetMarkets: ['CA'],
      });
      const hkRival = await client.verifiedCompany(hk.accessToken, organiser.accessToken, {
        ...base,
        name: unique('Kowloon Rival'),
        sectors: ['fintech'],
        offers: ['distribution in north america'],
        seeks: ['mobile payments'],
      });
      const canada = { country: 'CA', timezone: 'America/Toronto', city: 'Toronto' };
      const maple = await client.verifiedCompany(ca.accessToken, organiser.accessToken, {
        ...base,
        ...canada,
        name: unique('Maple Channel Partners'),
        sectors: ['e-commerce'],
        offers: ['distribution in north america'],
        seeks: ['mobile payments'],
        targetMarkets: ['HK'],
      });
      const sameSector = await client.verifiedCompany(ca.accessToken, organiser.accessToken, {
        ...canada,
        name: unique('Prairie Fintech'),
        sectors: ['fintech'],
        offers: ['cloud hosting'],
        seeks: ['office space'],
        partnerTypes: ['investment'],
        targetMarkets: [],
        languages: ['en'],
      });
      const unrelated = await client.verifiedCompany(ca2.accessToken, organiser.accessToken, {
        ...canada,
        name: unique('Montreal Games'),
        sectors: ['digital-entertainment'],
        offers: ['game art'],
        seeks: ['voice actors'],
        partnerTypes: ['outsourcing'],
        targetMarkets: [],
        languages: ['fr'],
      });
      for (const [token, company] of [
        [hk, harbour],
        [hk, hkRival],
        [ca, maple],
        [ca, sameSector],
        [ca2, unrelated],
      ] as const) {
        await client
          .as(token.accessToken)
          .post(`${url}/participants`)
          .send({ companyId: company.id })
          .expect(201);
      }

      const port = await client.app
        .listen({ port: 0, host: '127.0.0.1' })
        .then(() => (client.app.getHttpServer().address() as AddressInfo).port);
      socket = io(`http://127.0.0.1:${port}/live`, {
        auth: { token: hk.accessToken },
        transports: ['websocket'],
      });
      const updates: { sessionId: string }[] = [];
      socket.on('matches.updated', (payload: { sessionId: string }) => updates.push(payload));
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));

      const queued = await client.as(organiser.accessToken).post(`${url}/scoring`).expect(202);
      expect(queued.body.jobId).toMatch(/^score-session\./);
      const again = await client.as(organiser.accessToken).post(`${url}/scoring`).expect(202);
      expect(again.body.jobId).toBe(queued.body.jobId);
      await client.as(member.accessToken).post(`${url}/scoring`).expect(403);

      const done = await eventually(async () => {
        const job = await client
          .as(organiser.accessToken)
          .get(`/api/jobs/${queued.body.jobId}`)
          .expect(200);
        return job.body.state === 'completed' ? job.body : undefined;
      }, 20_000);
      expect(done).toMatchObject({ name: 'scoring.finish', result: true, progress: 100 });

      const ranked = async () =>
        (await client.as(hk.accessToken).get(`${url}/matches?companyId=${harbour.id}`).expect(200))
          .body.items as {
          company: { id: string; name: string };
          score: number;
          reasons: { component: string; value: number; text: string }[];
          preference: string | null;
        }[];
      const matches = await ranked();
      expect(matches.map((match) => match.company.id)).toEqual([
        maple.id,
        sameSector.id,
        unrelated.id,
      ]);
      expect(matches[0].score).toBeGreaterThan(matches[1].score);
      expect(matches.map((match) => match.preference)).toEqual([null, null, null]);
      expect(matches[1].score).toBeGreaterThan(matches[2].score);
      const complementarity = matches[0].reasons.find(
        (reason) => reason.component === 'complementarity',
      );
      expect(complementarity?.text).toContain('mobile payments');
      expect(complementarity?.text).toContain(harbour.name);
      expect(matches.map((match) => match.company.id)).not.toContain(hkRival.id);
      await eventually(() =>
        Promise.resolve(
          updates.some((update) => update.sessionId === session.id) ? true : undefined,
        ),
      );

      // An edit is reflected in the ranking without anyone rerunning scoring.
      await client
        .as(ca2.accessToken)
        .patch(`/api/companies/${unrelated.id}`)
        .send({
          sectors: ['fintech'],
          offers: ['distribution in north america', 'retail channels'],
          seeks: ['mobile payments', 'nfc payment terminals'],
          partnerTypes: ['distributor'],
          targetMarkets: ['HK'],
          languages: ['en', 'fr'],
        })
        .expect(200);
      const reranked = await eventually(async () => {
        const list = await ranked();
        return list[0]?.company.id === unrelated.id ? list : undefined;
      }, 20_000);
      expect(reranked.map((match) => match.company.id)).toEqual([
        unrelated.id,
        maple.id,
        sameSector.id,
      ]);

      // A company an organiser rejects leaves every ranking.
      await client
        .as(organiser.accessToken)
        .post(`/api/companies/${sameSector.id}/verification`)
        .send({ status: 'rejected' })
        .expect(200);
      const withoutRejected = await eventually(async () => {
        const list = await ranked();
        return list.length === 2 ? list : undefined;
      }, 20_000);
      expect(withoutRejected.map((match) => match.company.id)).toEqual([unrelated.id, maple.id]);
    });

    it('goes live by itself at its start (a delayed job in the worker)', async () => {
      const start = Date.now() + 1500;
      const session = await createSession({
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 20 * 60_000).toISOString(),
        slotMinutes: 10,
        breakMinutes: 0,
        requestDeadline: new Date(start).toISOString(),
      });
      expect(session.status).toBe('open');
      const live = await eventually(async () => {
        const read = await client
          .as(member.accessToken)
          .get(`/api/sessions/${session.id}`)
          .expect(200);
        return read.body.status === 'live' ? read.body : undefined;
      }, 15_000);
      expect(live.status).toBe('live');
    });

    it('checks who asks and what: 403 for others, 404 for non-participants, 400 for bad queries', async () => {
      const session = await createSession();
      const owner = await client.signUp();
      const company = await client.verifiedCompany(owner.accessToken, organiser.accessToken);
      const url = `/api/sessions/${session.id}/matches`;
      await client.as(owner.accessToken).get(`${url}?companyId=${company.id}`).expect(404);
      await client
        .as(owner.accessToken)
        .post(`/api/sessions/${session.id}/participants`)
        .send({ companyId: company.id })
        .expect(201);
      expect(
        (await client.as(owner.accessToken).get(`${url}?companyId=${company.id}`).expect(200)).body,
      ).toEqual({
        items: [],
        total: 0,
        totalIsEstimate: false,
        nextCursor: null,
        page: 1,
        pageSize: 20,
      });
      await client.as(member.accessToken).get(`${url}?companyId=${company.id}`).expect(403);
      await client.as(organiser.accessToken).get(`${url}?companyId=${company.id}`).expect(200);
      const bad = await client
        .as(owner.accessToken)
        .get(
          `${url}?pageSize=500&page=0&minScore=x&country=Canada&sector=x&preference=maybe&includeHidden=yes`,
        )
        .expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual([
        'companyId',
        'country',
        'includeHidden',
        'minScore',
        'page',
        'pageSize',
        'preference',
        'sector',
      ]);
    });
  });
});
