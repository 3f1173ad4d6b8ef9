import type { AddressInfo } from 'node:net';
import { io } from 'socket.io-client';
import { unique, useApi, type Account } from './support/client';
import { listen, settle, until } from './support/live';

const HOUR = 3600_000;
const START = Date.UTC(2031, 5, 2, 1, 0);

describe('meeting requests', () => {
  const client = useApi();
  let organiser: Account;
  let a: Account;
  let b: Account;
  let sessionId: string;
  const firm: Record<string, string> = {};

  const session = (overrides: Record<string, unknown> = {}) => ({
    title: unique('Requests session'),
    mode: 'video',
    timezone: 'Asia/Hong_Kong',
    startsAt: new Date(START).toISOString(),
    endsAt: new Date(START + 3 * HOUR).toISOString(),
    slotMinutes: 30,
    maxMeetingsPerCompany: 4,
    requestDeadline: new Date(START - HOUR).toISOString(),
    sides: [['HK'], ['CA']],
    ...overrides,
  });

  async function join(
    token: string,
    id: string,
    companyId: string,
    availability?: { from: string; to: string }[],
  ) {
    await client
      .as(token)
      .post(`/api/sessions/${id}/participants`)
      .send({ companyId, availability })
      .expect(201);
  }

  beforeAll(async () => {
    [organiser, a, b] = await Promise.all([client.organiser(), client.signUp(), client.signUp()]);
    sessionId = (
      await client.as(organiser.accessToken).post('/api/sessions').send(session()).expect(201)
    ).body.id;
    const canada = { country: 'CA', timezone: 'America/Vancouver', city: 'Vancouver' };
    firm.hk = (await client.verifiedCompany(a.accessToken, organiser.accessToken)).id;
    firm.hk2 = (await client.verifiedCompany(a.accessToken, organiser.accessToken)).id;
    firm.ca = (await client.verifiedCompany(b.accessToken, organiser.accessToken, canada)).id;
    firm.caLate = (await client.verifiedCompany(b.accessToken, organiser.accessToken, canada)).id;
    firm.outsider = (await client.verifiedCompany(b.accessToken, organiser.accessToken, canada)).id;
    const early = [
      { from: new Date(START).toISOString(), to: new Date(START + HOUR).toISOString() },
    ];
    const late = [
      {
        from: new Date(START + 2 * HOUR).toISOString(),
        to: new Date(START + 3 * HOUR).toISOString(),
      },
    ];
    await join(a.accessToken, sessionId, firm.hk, early);
    await join(a.accessToken, sessionId, firm.hk2);
    await join(b.accessToken, sessionId, firm.ca);
    await join(b.accessToken, sessionId, firm.caLate, late);
  });

  const ask = (token: string, from: string, to: string, id = sessionId) =>
    client
      .as(token)
      .post(`/api/sessions/${id}/requests`)
      .send({ fromCompanyId: from, toCompanyId: to, message: 'Shall we meet?' });
  const answer = (token: string, requestId: string, status: string) =>
    client.as(token).patch(`/api/sessions/${sessionId}/requests/${requestId}`).send({ status });

  it('creates a request, refuses a duplicate, and marks mutual interest on both sides', async () => {
    const port = await client.app
      .listen({ port: 0, host: '127.0.0.1' })
      .then(() => (client.app.getHttpServer().address() as AddressInfo).port);
    const socket = io(`http://127.0.0.1:${port}/live`, {
      auth: { token: b.accessToken },
      transports: ['websocket'],
    });
    const created: { request: { id: string } }[] = [];
    socket.on('request.created', (payload: { request: { id: string } }) => created.push(payload));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    try {
      const first = await ask(a.accessToken, firm.hk, firm.ca).expect(201);
      expect(first.body).toMatchObject({
        status: 'pending',
        mutual: false,
        fromCompanyId: firm.hk,
        toCompanyId: firm.ca,
        message: 'Shall we meet?',
      });
      expect((await ask(a.accessToken, firm.hk, firm.ca).expect(409)).body.code).toBe(
        'request.duplicate',
      );
      const reverse = await ask(b.accessToken, firm.ca, firm.hk).expect(201);
      expect(reverse.body.mutual).toBe(true);
      const mine = await client
        .as(a.accessToken)
        .get(`/api/sessions/${sessionId}/requests?companyId=${firm.hk}`)
        .expect(200);
      expect(mine.body.sent.map((r: { id: string; mutual: boolean }) => [r.id, r.mutual])).toEqual([
        [first.body.id, true],
      ]);
      expect(mine.body.received.map((r: { id: string }) => r.id)).toEqual([reverse.body.id]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(created.map((event) => event.request.id).sort()).toEqual(
        [first.body.id, reverse.body.id].sort(),
      );
    } finally {
      socket.disconnect();
    }
  });

  it('refuses requests within one side, between ineligible firms, for non-participants and to oneself', async () => {
    const sameSide = await ask(a.accessToken, firm.hk, firm.hk2).expect(409);
    expect(sameSide.body.code).toBe('request.same_side');
    const noCommonTime = await ask(a.accessToken, firm.hk, firm.caLate).expect(409);
    expect(noCommonTime.body).toMatchObject({
      code: 'request.ineligible',
      message: 'The two firms have no available time in common',
    });
    expect((await ask(b.accessToken, firm.outsider, firm.hk).expect(409)).body.code).toBe(
      'request.not_participant',
    );
    expect((await ask(a.accessToken, firm.hk, firm.hk).expect(400)).body.fields).toHaveProperty(
      'toCompanyId',
    );
  });

  it('refuses requests on behalf of a company the caller does not own (403) unless an organiser asks, and bad input (400/404)', async () => {
    expect((await ask(a.accessToken, firm.ca, firm.hk2).expect(403)).body.code).toBe(
      'company.not_yours',
    );
    // Organisers act on any firm's behalf: they ask, and they may cancel what they asked.
    const forFirm = (await ask(organiser.accessToken, firm.hk2, firm.ca).expect(201)).body;
    expect(forFirm).toMatchObject({ fromCompanyId: firm.hk2, status: 'pending' });
    expect(
      (await answer(organiser.accessToken, forFirm.id, 'cancelled').expect(200)).body.status,
    ).toBe('cancelled');
    const bad = await client
      .as(a.accessToken)
      .post(`/api/sessions/${sessionId}/requests`)
      .send({ fromCompanyId: 'x', message: 5 })
      .expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual([
      'fromCompanyId',
      'message',
      'toCompanyId',
    ]);
    await ask(a.accessToken, firm.hk2, '6a1f2a0e-0000-4000-8000-000000000000').expect(404);
    await ask(a.accessToken, firm.hk2, firm.ca, '6a1f2a0e-0000-4000-8000-000000000000').expect(404);
    await client.http
      .post(`/api/sessions/${sessionId}/requests`)
      .send({ fromCompanyId: firm.hk2, toCompanyId: firm.ca })
      .expect(401);
  });

  it('refuses requests after the deadline and outside open, scheduled or live sessions (409)', async () => {
    const past = (
      await client
        .as(organiser.accessToken)
        .post('/api/sessions')
        .send(session({ requestDeadline: '2020-01-01T00:00:00Z' }))
        .expect(201)
    ).body.id;
    await join(a.accessToken, past, firm.hk2);
    await join(b.accessToken, past, firm.ca);
    expect((await ask(a.accessToken, firm.hk2, firm.ca, past).expect(409)).body.code).toBe(
      'request.after_deadline',
    );
    const closed = (
      await client.as(organiser.accessToken).post('/api/sessions').send(session()).expect(201)
    ).body.id;
    await join(a.accessToken, closed, firm.hk2);
    await join(b.accessToken, closed, firm.ca);
    await client
      .as(organiser.accessToken)
      .patch(`/api/sessions/${closed}`)
      .send({ status: 'closed' })
      .expect(200);
    expect((await ask(a.accessToken, firm.hk2, firm.ca, closed).expect(409)).body.code).toBe(
      'session.closed',
    );
  });

  it('lets the receiver accept or decline and the sender cancel, each only theirs', async () => {
    const request = (await ask(a.accessToken, firm.hk2, firm.ca).expect(201)).body;
    expect((await answer(a.accessToken, request.id, 'accepted').expect(403)).body.code).toBe(
      'company.not_yours',
    );
    expect((await answer(b.accessToken, request.id, 'cancelled').expect(403)).body.code).toBe(
      'company.not_yours',
    );

    expect((await answer(b.accessToken, request.id, 'accepted').expect(200)).body).toMatchObject({
      status: 'accepted',
      answeredAt: expect.any(String),
    });
    expect((await answer(b.accessToken, request.id, 'declined').expect(409)).body.code).toBe(
      'request.not_pending',
    );
    expect((await answer(a.accessToken, request.id, 'cancelled').expect(200)).body.status).toBe(
      'cancelled',
    );
    // Once cancelled, the firm may ask again.
    const again = (await ask(a.accessToken, firm.hk2, firm.ca).expect(201)).body;
    // An organiser answers on the receiver's behalf.
    expect(
      (await answer(organiser.accessToken, again.id, 'declined').expect(200)).body.status,
    ).toBe('declined');
    expect((await answer(a.accessToken, again.id, 'cancelled').expect(409)).body.code).toBe(
      'request.not_pending',
    );
    expect((await answer(b.accessToken, again.id, 'maybe').expect(400)).body.fields).toHaveProperty(
      'status',
    );
    await answer(b.accessToken, '6a1f2a0e-0000-4000-8000-000000000000', 'accepted').expect(404);
  });

  it("shows a company's requests to its users and organisers only", async () => {
    await client
      .as(organiser.accessToken)
      .get(`/api/sessions/${sessionId}/requests?companyId=${firm.ca}`)
      .expect(200);
    await client
      .as(a.accessToken)
      .get(`/api/sessions/${sessionId}/requests?companyId=${firm.ca}`)
      .expect(403);
    await client.as(a.accessToken).get(`/api/sessions/${sessionId}/requests`).expect(400);
  });

  describe('a first message and a decline with a reason', () => {
    let hk: string;
    let ca: string;
    let third: Account;
    const messagesOf = async (token: string, companyId: string, other: string) => {
      const list = (
        await client.as(token).get(`/api/conversations?companyId=${companyId}`).expect(200)
      ).body as { id: string; otherCompany: { id: string } }[];
      const conversation = list.find((c) => c.otherCompany.id === other);
      if (!conversation) return [];
      const page = await client
        .as(token)
        .get(`/api/conversations/${conversation.id}/messages`)
        .expect(200);
      return (page.body.items as { companyId: string; text: string }[]).map((m) => [
        m.companyId,
        m.text,
      ]);
    };
    const decline = (token: string, requestId: string, body: Record<string, unknown>) =>
      client.as(token).patch(`/api/sessions/${sessionId}/requests/${requestId}`).send(body);

    beforeAll(async () => {
      third = await client.signUp();
      hk = (await client.verifiedCompany(a.accessToken, organiser.accessToken)).id;
      ca = (await client.verifiedCompany(b.accessToken, organiser.accessToken, { country: 'CA' }))
        .id;
      await join(a.accessToken, sessionId, hk);
      await join(b.accessToken, sessionId, ca);
    });

    it("makes the request's message the first message of the pair's conversation, and a duplicate writes none", async () => {
      // The first test already listens; otherwise listen now.
      const address = client.app.getHttpServer().address() as AddressInfo | null;
      const url = address ? `http://127.0.0.1:${address.port}` : await listen(client.app);
      const socket = io(`${url}/live`, {
        auth: { token: b.accessToken },
        transports: ['websocket'],
      });
      const heard: { message: { text: string } }[] = [];
      socket.on('message.created', (payload: { message: { text: string } }) => heard.push(payload));
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      try {
        await client
          .as(a.accessToken)
          .post(`/api/sessions/${sessionId}/requests`)
          .send({ fromCompanyId: hk, toCompanyId: ca, message: '  Tea at the fair?  ' })
          .expect(201);
        expect(await messagesOf(b.accessToken, ca, hk)).toEqual([[hk, 'Tea at the fair?']]);
        await until(() => heard.length === 1);
        expect(heard[0].message.text).toBe('Tea at the fair?');
        // Refused as a duplicate: nothing of it is written, the message neither.
        const twice = await client
          .as(a.accessToken)
          .post(`/api/sessions/${sessionId}/requests`)
          .send({ fromCompanyId: hk, toCompanyId: ca, message: 'Asking again' })
          .expect(409);
        expect(twice.body.code).toBe('request.duplicate');
        expect(await messagesOf(a.accessToken, hk, ca)).toEqual([[hk, 'Tea at the fair?']]);
        await settle();
        expect(heard).toHaveLength(1);
      } finally {
        socket.disconnect();
      }
    });

    it('refuses a bad reason with 400 naming reason, and writes nothing', async () => {
      const request = (
        await client
          .as(b.accessToken)
          .post(`/api/sessions/${sessionId}/requests`)
          .send({ fromCompanyId: ca, toCompanyId: hk })
          .expect(201)
      ).body;
      for (const body of [
        { status: 'declined', reason: 5 },
        { status: 'declined', reason: ['no'] },
        { status: 'declined', reason: null },
        { status: 'declined', reason: 'x'.repeat(2001) },
        { status: 'accepted', reason: 'Fine by us' },
        { status: 'cancelled', reason: 'Changed our mind' },
      ]) {
        const refused = await decline(a.accessToken, request.id, body).expect(400);
        expect(Object.keys(refused.body.fields)).toEqual(['reason']);
        expect(refused.body.rules.reason.length).toBeGreaterThan(0);
      }
      const list = await client
        .as(b.accessToken)
        .get(`/api/sessions/${sessionId}/requests?companyId=${ca}`)
        .expect(200);
      expect(list.body.sent.find((r: { id: string }) => r.id === request.id)).toMatchObject({
        status: 'pending',
        declineReason: null,
      });
      // A reason of 2,000 characters is the longest taken.
      await decline(a.accessToken, request.id, {
        status: 'declined',
        reason: 'y'.repeat(2000),
      }).expect(200);
    });

    it('keeps a decline reason for the two firms, and sends it as a message', async () => {
      const hk2 = (await client.verifiedCompany(a.accessToken, organiser.accessToken)).id;
      await join(a.accessToken, sessionId, hk2);
      const request = (
        await client
          .as(b.accessToken)
          .post(`/api/sessions/${sessionId}/requests`)
          .send({ fromCompanyId: ca, toCompanyId: hk2, message: 'Meet us?' })
          .expect(201)
      ).body;
      const address = client.app.getHttpServer().address() as AddressInfo | null;
      const url = address ? `http://127.0.0.1:${address.port}` : await listen(client.app);
      type Updated = { request: { id: string; declineReason: string | null } };
      const heard = [b, organiser].map((account) => {
        const socket = io(`${url}/live`, {
          auth: { token: account.accessToken },
          transports: ['websocket'],
        });
        const events: Updated[] = [];
        socket.on('request.updated', (payload: Updated) => events.push(payload));
        return { socket, events };
      });
      await Promise.all(
        heard.map(
          ({ socket }) => new Promise<void>((resolve) => socket.once('connect', () => resolve())),
        ),
      );
      const answered = await decline(a.accessToken, request.id, {
        status: 'declined',
        reason: ' We are fully booked that day. ',
      }).expect(200);
      try {
        await until(() =>
          heard.every(({ events }) => events.some((e) => e.request.id === request.id)),
        );
        const [toSender, toOrganiser] = heard.map(({ events }) =>
          events.filter((e) => e.request.id === request.id),
        );
        // Live too: the sender hears why; the organisers that it was declined, not why.
        expect(toSender.map((e) => e.request.declineReason)).toEqual([
          'We are fully booked that day.',
        ]);
        expect(toOrganiser.map((e) => e.request.declineReason)).toEqual([null]);
      } finally {
        for (const { socket } of heard) socket.disconnect();
      }
      expect(answered.body).toMatchObject({
        status: 'declined',
        declineReason: 'We are fully booked that day.',
      });
      const sent = (
        await client
          .as(b.accessToken)
          .get(`/api/sessions/${sessionId}/requests?companyId=${ca}`)
          .expect(200)
      ).body.sent.find((r: { id: string }) => r.id === request.id);
      expect(sent.declineReason).toBe('We are fully booked that day.');
      expect(await messagesOf(b.accessToken, ca, hk2)).toEqual([
        [hk2, 'We are fully booked that day.'],
        [ca, 'Meet us?'],
      ]);
      // Organisers see that it was declined, not why; a third firm sees nothing.
      const forOrganiser = (
        await client
          .as(organiser.accessToken)
          .get(`/api/sessions/${sessionId}/requests?companyId=${ca}`)
          .expect(200)
      ).body.sent.find((r: { id: string }) => r.id === request.id);
      expect(forOrganiser).toMatchObject({ status: 'declined', declineReason: null });
      await client
        .as(third.accessToken)
        .get(`/api/sessions/${sessionId}/requests?companyId=${ca}`)
        .expect(403);
      // The sender's users are told the reason.
      const told = await client.as(b.accessToken).get('/api/notifications').expect(200);
      const answeredNotice = (told.body.items as { kind: string }[]).find(
        (n) => n.kind === 'request.answered',
      );
      expect(JSON.stringify(answeredNotice)).toContain('We are fully booked that day.');
    });
  });

  describe('a window: when the meeting may take place', () => {
    const MIN = 60_000;
    const END = START + 3 * HOUR;
    const at = (ms: number) => new Date(ms).toISOString();
    /** Minutes from the session's start (slots of 30 minutes from START). */
    const span = (from: number, to: number) => ({
      from: at(START + from * MIN),
      to: at(START + to * MIN),
    });
    let hk: string;
    let ca: string;
    let stranger: Account;
    const patch = (token: string, requestId: string, body: Record<string, unknown>) =>
      client.as(token).patch(`/api/sessions/${sessionId}/requests/${requestId}`).send(body);
    const listOf = async (token: string, companyId: string) =>
      (
        await client
          .as(token)
          .get(`/api/sessions/${sessionId}/requests?companyId=${companyId}`)
          .expect(200)
      ).body as {
        sent: { id: string; window: unknown }[];
        received: { id: string; window: unknown }[];
      };

    beforeAll(async () => {
      stranger = await client.signUp();
      hk = (await client.verifiedCompany(a.accessToken, organiser.accessToken)).id;
      ca = (await client.verifiedCompany(b.accessToken, organiser.accessToken, { country: 'CA' }))
        .id;
      await join(a.accessToken, sessionId, hk);
      await join(b.accessToken, sessionId, ca);
    });

    it('saves the sender’s window, shows it to both firms and live, lets the receiver set it when accepting, and clears it with null', async () => {
      const created = await client
        .as(a.accessToken)
        .post(`/api/sessions/${sessionId}/requests`)
        .send({
          fromCompanyId: hk,
          toCompanyId: ca,
          window: { from: '2031-06-02T09:00:00+08:00', to: at(START + HOUR) },
        })
        .expect(201);
      expect(created.body.window).toEqual(span(0, 60));
      const id = created.body.id as string;
      expect((await listOf(a.accessToken, hk)).sent.find((r) => r.id === id)?.window).toEqual(
        span(0, 60),
      );
      expect((await listOf(b.accessToken, ca)).received.find((r) => r.id === id)?.window).toEqual(
        span(0, 60),
      );
      expect(
        (await listOf(organiser.accessToken, ca)).received.find((r) => r.id === id)?.window,
      ).toEqual(span(0, 60));

      // The sender changes it while it waits; both firms hear it live.
      const address = client.app.getHttpServer().address() as AddressInfo | null;
      const url = address ? `http://127.0.0.1:${address.port}` : await listen(client.app);
      const socket = io(`${url}/live`, {
        auth: { token: b.accessToken },
        transports: ['websocket'],
      });
      const heard: { request: { id: string; window: unknown } }[] = [];
      socket.on('request.updated', (payload: { request: { id: string; window: unknown } }) =>
        heard.push(payload),
      );
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      try {
        expect(
          (await patch(a.accessToken, id, { window: span(0, 120) }).expect(200)).body,
        ).toMatchObject({
          status: 'pending',
          window: span(0, 120),
        });
        await until(() => heard.some((e) => e.request.id === id));
        expect(heard.find((e) => e.request.id === id)?.request.window).toEqual(span(0, 120));
      } finally {
        socket.disconnect();
      }
      // The receiver accepts for the afternoon part only.
      expect(
        (await patch(b.accessToken, id, { status: 'accepted', window: span(60, 180) }).expect(200))
          .body,
      ).toMatchObject({ status: 'accepted', window: span(60, 180) });
      // Accepted again with another window: the window changes, the answer stays.
      expect(
        (await patch(b.accessToken, id, { status: 'accepted', window: span(90, 180) }).expect(200))
          .body,
      ).toMatchObject({ status: 'accepted', window: span(90, 180) });
      // Accepting without a window keeps it; null clears it (either firm, accepted or pending).
      expect(
        (await patch(b.accessToken, id, { status: 'accepted' }).expect(200)).body.window,
      ).toEqual(span(90, 180));
      expect((await patch(a.accessToken, id, { window: null }).expect(200)).body.window).toBeNull();
      expect(
        (await listOf(b.accessToken, ca)).received.find((r) => r.id === id)?.window,
      ).toBeNull();
      // The whole session is a window too.
      expect(
        (await patch(b.accessToken, id, { window: span(0, 180) }).expect(200)).body.window,
      ).toEqual(span(0, 180));
      // Cancelled, the request's window may no longer change.
      await patch(a.accessToken, id, { status: 'cancelled' }).expect(200);
      expect((await patch(a.accessToken, id, { window: span(0, 60) }).expect(409)).body.code).toBe(
        'request.not_pending',
      );
    });

    it('refuses a bad window with 400 naming the field, and writes nothing', async () => {
      const cases: [unknown, string][] = [
        ['morning', 'window'],
        [5, 'window'],
        [[span(0, 60)], 'window'],
        [{ from: null, to: at(START + HOUR) }, 'window.from'],
        [{ from: at(START), to: null }, 'window.to'],
        [{ from: at(START) }, 'window.to'],
        [{ to: at(START + HOUR) }, 'window.from'],
        [{ from: 5, to: at(START + HOUR) }, 'window.from'],
        [{ from: 'soon', to: at(START + HOUR) }, 'window.from'],
        [{ from: at(START), to: '2031-06-02' }, 'window.to'],
        [{ from: at(START + HOUR), to: at(START + HOUR) }, 'window.to'],
        [{ from: at(START + HOUR), to: at(START) }, 'window.to'],
        [{ from: at(START - HOUR), to: at(START + HOUR) }, 'window.from'],
        [{ from: at(START + HOUR), to: at(END + HOUR) }, 'window.to'],
        [span(10, 40), 'window'],
        [{ ...span(0, 60), extra: 1 }, 'window.extra'],
      ];
      for (const [window, field] of cases) {
        const refused = await client
          .as(a.accessToken)
          .post(`/api/sessions/${sessionId}/requests`)
          .send({ fromCompanyId: hk, toCompanyId: ca, window })
          .expect(400);
        expect([JSON.stringify(window), Object.keys(refused.body.fields)]).toEqual([
          JSON.stringify(window),
          [field],
        ]);
        expect(refused.body.rules[field].length).toBeGreaterThan(0);
      }
      expect(
        (await listOf(a.accessToken, hk)).sent.filter(
          (r) => (r as unknown as { status: string }).status === 'pending',
        ),
      ).toEqual([]);
      const id = (
        await client
          .as(a.accessToken)
          .post(`/api/sessions/${sessionId}/requests`)
          .send({ fromCompanyId: hk, toCompanyId: ca, window: span(0, 60) })
          .expect(201)
      ).body.id as string;
      for (const [window, field] of cases) {
        const refused = await patch(b.accessToken, id, { status: 'accepted', window }).expect(400);
        expect([JSON.stringify(window), Object.keys(refused.body.fields)]).toEqual([
          JSON.stringify(window),
          [field],
        ]);
      }
      const withOthers: [Record<string, unknown>, string][] = [
        [{}, 'status'],
        [{ status: 'declined', window: span(0, 60) }, 'window'],
        [{ status: 'cancelled', window: span(0, 60) }, 'window'],
      ];
      for (const [body, field] of withOthers) {
        const refused = await patch(b.accessToken, id, body).expect(400);
        expect(Object.keys(refused.body.fields)).toEqual([field]);
      }
      // Nothing to change is worded as such ("Say what to change."), not as a missing status.
      expect((await patch(b.accessToken, id, {}).expect(400)).body.rules).toEqual({
        status: [{ rule: 'oneChange' }],
      });
      expect((await listOf(b.accessToken, ca)).received.find((r) => r.id === id)).toMatchObject({
        status: 'pending',
        window: span(0, 60),
      });
      await patch(a.accessToken, id, { status: 'cancelled' }).expect(200);
    });

    it('lets only the two firms, and organisers for them, set a window', async () => {
      const id = (
        await client
          .as(b.accessToken)
          .post(`/api/sessions/${sessionId}/requests`)
          .send({ fromCompanyId: ca, toCompanyId: hk })
          .expect(201)
      ).body.id as string;
      const notYours = await patch(stranger.accessToken, id, { window: span(0, 60) }).expect(403);
      expect(notYours.body.code).toBe('company.not_yours');
      // A window outside the session, from a stranger: still 403, nothing learnt about the session.
      await patch(stranger.accessToken, id, { window: span(-600, -540) }).expect(403);
      await patch(stranger.accessToken, id, { status: 'accepted', window: span(0, 60) }).expect(
        403,
      );
      // The sender may not accept, even with a window.
      await patch(b.accessToken, id, { status: 'accepted', window: span(0, 60) }).expect(403);
      // Nor ask on another firm's behalf with one.
      await client
        .as(stranger.accessToken)
        .post(`/api/sessions/${sessionId}/requests`)
        .send({ fromCompanyId: hk, toCompanyId: ca, window: span(0, 60) })
        .expect(403);
      await patch(a.accessToken, '00000000-0000-4000-8000-000000000000', {
        window: span(0, 60),
      }).expect(404);
      expect((await listOf(b.accessToken, ca)).sent.find((r) => r.id === id)?.window).toBeNull();
      // An organiser acts for either firm.
      expect(
        (await patch(organiser.accessToken, id, { window: span(120, 180) }).expect(200)).body
          .window,
      ).toEqual(span(120, 180));
      expect(
        (
          await patch(organiser.accessToken, id, {
            status: 'accepted',
            window: span(60, 180),
          }).expect(200)
        ).body,
      ).toMatchObject({ status: 'accepted', window: span(60, 180) });
    });
  });
});
