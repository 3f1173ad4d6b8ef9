import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startApi } from './support/app';
import { useApi, type Account } from './support/client';
import { collect, LiveClients, listen, settle, until } from './support/live';

interface Message {
  id: string;
  conversationId: string;
  companyId: string;
  senderId: string | null;
  text: string;
  sentAt: string;
}

interface Conversation {
  id: string;
  companyIds: string[];
  otherCompany: { id: string; name: string; country: string };
  lastMessage: Message | null;
  unread: number;
  readUpTo: Record<string, string | null>;
}

interface Page {
  items: Message[];
  nextBefore: string | null;
  readUpTo: Record<string, string | null>;
}

/**
 * Messages between two companies (SPEC "Firms"): one conversation per pair whoever writes first,
 * history newest first by cursor, unread counts and read receipts, only the two firms' users
 * (organisers neither), and `message.created` live to both firms' users on every API process.
 */
describe('conversations between two companies', () => {
  const client = useApi();
  const live = new LiveClients();
  let other: NestFastifyApplication;
  let url: string;
  let otherUrl: string;
  let organiser: Account;
  let hk: Account;
  let ca: Account;
  let third: Account;
  let h: string;
  let c: string;
  let t: string;
  let pending: string;
  let conversationId: string;

  const start = (token: string, body: unknown) =>
    client
      .as(token)
      .post('/api/conversations')
      .send(body as object);
  const send = (token: string, id: string, body: unknown) =>
    client
      .as(token)
      .post(`/api/conversations/${id}/messages`)
      .send(body as object);
  const history = async (token: string, query = ''): Promise<Page> =>
    (
      await client
        .as(token)
        .get(`/api/conversations/${conversationId}/messages${query}`)
        .expect(200)
    ).body as Page;
  const list = async (token: string, companyId: string): Promise<Conversation[]> =>
    (await client.as(token).get(`/api/conversations?companyId=${companyId}`).expect(200))
      .body as Conversation[];

  beforeAll(async () => {
    other = await startApi();
    otherUrl = await listen(other);
    url = await listen(client.app);
    [organiser, hk, ca, third] = await Promise.all([
      client.organiser(),
      client.signUp(),
      client.signUp(),
      client.signUp(),
    ]);
    const org = organiser.accessToken;
    h = (await client.verifiedCompany(hk.accessToken, org)).id;
    c = (await client.verifiedCompany(ca.accessToken, org, { country: 'CA' })).id;
    t = (await client.verifiedCompany(third.accessToken, org, { country: 'CA' })).id;
    pending = (await client.company(third.accessToken, { country: 'CA' })).id;
  });
  afterEach(() => live.closeAll());
  afterAll(() => other.close());

  it('starts one conversation per pair, whichever firm writes first', async () => {
    const first = await start(hk.accessToken, {
      fromCompanyId: h,
      toCompanyId: c,
      text: '  Shall we meet at the fair?  ',
    }).expect(201);
    const body = first.body as { conversation: Conversation; message: Message };
    conversationId = body.conversation.id;
    expect(body.message).toMatchObject({
      conversationId,
      companyId: h,
      senderId: hk.user.id,
      text: 'Shall we meet at the fair?',
    });
    expect(body.conversation).toMatchObject({
      companyIds: [h, c].sort(),
      otherCompany: { id: c },
      lastMessage: { id: body.message.id },
      unread: 0,
      readUpTo: { [h]: body.message.id, [c]: null },
    });
    // The other firm writing "first" continues the same conversation.
    const reply = await start(ca.accessToken, { fromCompanyId: c, toCompanyId: h, text: 'Yes!' });
    expect(reply.status).toBe(201);
    expect(reply.body.conversation.id).toBe(conversationId);
  });

  it('never makes two conversations of one pair, even for first messages at once', async () => {
    const pair = (await client.verifiedCompany(ca.accessToken, organiser.accessToken)).id;
    const answers = await Promise.all([
      start(hk.accessToken, { fromCompanyId: h, toCompanyId: pair, text: 'one' }),
      start(ca.accessToken, { fromCompanyId: pair, toCompanyId: h, text: 'two' }),
      start(hk.accessToken, { fromCompanyId: h, toCompanyId: pair, text: 'three' }),
    ]);
    for (const answer of answers) expect(answer.status).toBe(201);
    expect(new Set(answers.map((answer) => answer.body.conversation.id)).size).toBe(1);
    const rows = await client.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM conversations WHERE $1 IN (company_a, company_b) AND $2 IN (company_a, company_b)`,
        [h, pair],
      );
    expect(rows[0].n).toBe(1);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const base = { fromCompanyId: h, toCompanyId: c, text: 'hello' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, text: null }, 'text'],
      [{ ...base, text: 42 }, 'text'],
      [{ ...base, text: '   ' }, 'text'],
      [{ ...base, text: 'x'.repeat(2001) }, 'text'],
      [{ ...base, text: 'a\u0000b' }, 'text'],
      [{ ...base, text: 'a\uD800b' }, 'text'],
      [{ ...base, toCompanyId: null }, 'toCompanyId'],
      [{ ...base, toCompanyId: 7 }, 'toCompanyId'],
      [{ ...base, fromCompanyId: '' }, 'fromCompanyId'],
      [{ ...base, toCompanyId: h }, 'toCompanyId'],
    ];
    for (const [body, field] of cases) {
      const answer = await start(hk.accessToken, body).expect(400);
      expect(Object.keys(answer.body.fields ?? {})).toContain(field);
    }
    await start(hk.accessToken, { ...base, text: 'x'.repeat(2000) }).expect(201);
    for (const [body, field] of [
      [{ companyId: h, text: null }, 'text'],
      [{ companyId: h, text: '' }, 'text'],
      [{ companyId: h, text: 'y'.repeat(2001) }, 'text'],
      [{ companyId: h, text: '\u0000' }, 'text'],
      [{ companyId: 5, text: 'hi' }, 'companyId'],
    ] as const) {
      const answer = await send(hk.accessToken, conversationId, body).expect(400);
      expect(Object.keys(answer.body.fields ?? {})).toContain(field);
    }
    for (const query of ['?limit=0', '?limit=101', '?limit=x', '?before=yesterday']) {
      const answer = await client
        .as(hk.accessToken)
        .get(`/api/conversations/${conversationId}/messages${query}`)
        .expect(400);
      expect(Object.keys(answer.body.fields ?? {})).toContain(query.slice(1).split('=')[0]);
    }
    await client.as(hk.accessToken).get('/api/conversations?companyId=nope').expect(400);
    await client
      .as(hk.accessToken)
      .post(`/api/conversations/${conversationId}/read`)
      .send({ companyId: null })
      .expect(400);
  });

  it('writes only to and from verified companies', async () => {
    const answer = await start(third.accessToken, {
      fromCompanyId: t,
      toCompanyId: pending,
      text: 'hi',
    }).expect(409);
    expect(answer.body.code).toBe('company.not_verified');
    await start(third.accessToken, { fromCompanyId: pending, toCompanyId: h, text: 'hi' }).expect(
      409,
    );
  });

  it('keeps a conversation from a third company and from organisers', async () => {
    const org = organiser.accessToken;
    const thirdToken = third.accessToken;
    // Outside the pair a conversation does not exist: 404, organisers included.
    for (const token of [thirdToken, org]) {
      await client.as(token).get(`/api/conversations/${conversationId}/messages`).expect(404);
      await send(token, conversationId, { companyId: h, text: 'sneaky' }).expect(404);
      await client
        .as(token)
        .post(`/api/conversations/${conversationId}/read`)
        .send({ companyId: h })
        .expect(404);
      // Another company's list is not theirs to read or write from.
      await client.as(token).get(`/api/conversations?companyId=${h}`).expect(403);
      await start(token, { fromCompanyId: h, toCompanyId: c, text: 'as them' }).expect(403);
    }
    // A user of one side may not speak for the other side, nor for a firm outside the pair.
    await send(hk.accessToken, conversationId, { companyId: c, text: 'as them' }).expect(403);
    await send(third.accessToken, conversationId, { companyId: t, text: 'hi' }).expect(404);
    await start(hk.accessToken, { fromCompanyId: c, toCompanyId: h, text: 'as them' }).expect(403);
  });

  it('answers 404 for unknown ids', async () => {
    const unknown = randomUUID();
    const answers = [
      await client.as(hk.accessToken).get(`/api/conversations/${unknown}/messages`),
      await send(hk.accessToken, unknown, { companyId: h, text: 'hi' }),
      await client
        .as(hk.accessToken)
        .post(`/api/conversations/${unknown}/read`)
        .send({ companyId: h }),
      await client.as(hk.accessToken).get(`/api/conversations?companyId=${unknown}`),
      await start(hk.accessToken, { fromCompanyId: h, toCompanyId: unknown, text: 'hi' }),
      await client
        .as(hk.accessToken)
        .get(`/api/conversations/${conversationId}/messages?before=${unknown}`),
    ];
    for (const answer of answers) expect(answer.status).toBe(404);
    expect(answers[0].body.code).toBe('conversation.not_found');
    expect(answers[5].body.code).toBe('message.not_found');
  });

  it('pages back through the history, newest first', async () => {
    const sent: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const token = i % 2 === 0 ? hk.accessToken : ca.accessToken;
      const answer = await send(token, conversationId, {
        companyId: i % 2 === 0 ? h : c,
        text: `page ${i}`,
      }).expect(201);
      sent.push(answer.body.id as string);
    }
    const seen: string[] = [];
    let page = await history(ca.accessToken, '?limit=3');
    for (;;) {
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((message) => message.id));
      if (!page.nextBefore) break;
      page = await history(ca.accessToken, `?limit=3&before=${page.nextBefore}`);
    }
    expect(seen.slice(0, 7)).toEqual([...sent].reverse());
    expect(new Set(seen).size).toBe(seen.length);
    const everything = await history(hk.accessToken, '?limit=100');
    expect(seen).toEqual(everything.items.map((message) => message.id));
    const times = everything.items.map((message) => message.sentAt);
    expect([...times].sort().reverse()).toEqual(times);
    // By instant: only what was sent before it.
    const pivot = everything.items[3];
    const before = await history(hk.accessToken, `?before=${encodeURIComponent(pivot.sentAt)}`);
    expect(before.items.every((message) => message.sentAt < pivot.sentAt)).toBe(true);
    expect(before.items[0]?.id).toBe(everything.items[4].id);
  });

  it('counts the unread and marks them read, with a receipt the other side sees', async () => {
    const fresh = (await client.verifiedCompany(ca.accessToken, organiser.accessToken)).id;
    const first = await start(hk.accessToken, {
      fromCompanyId: h,
      toCompanyId: fresh,
      text: 'one',
    }).expect(201);
    const id = first.body.conversation.id as string;
    const second = await send(hk.accessToken, id, { companyId: h, text: 'two' }).expect(201);
    const theirs = (await list(ca.accessToken, fresh)).find((item) => item.id === id);
    expect(theirs).toMatchObject({
      unread: 2,
      otherCompany: { id: h },
      lastMessage: { id: second.body.id, text: 'two' },
    });
    const ours = (await list(hk.accessToken, h)).find((item) => item.id === id);
    expect(ours).toMatchObject({ unread: 0, readUpTo: { [fresh]: null } });
    // The latest conversation comes first.
    expect((await list(hk.accessToken, h))[0].id).toBe(id);

    const read = await client
      .as(ca.accessToken)
      .post(`/api/conversations/${id}/read`)
      .send({ companyId: fresh })
      .expect(200);
    expect(read.body).toMatchObject({ id, unread: 0, readUpTo: { [fresh]: second.body.id } });
    const receipt = (await list(hk.accessToken, h)).find((item) => item.id === id);
    expect(receipt?.readUpTo[fresh]).toBe(second.body.id);

    await send(hk.accessToken, id, { companyId: h, text: 'three' }).expect(201);
    expect((await list(ca.accessToken, fresh)).find((item) => item.id === id)?.unread).toBe(1);
    // Answering reads what came before it.
    await send(ca.accessToken, id, { companyId: fresh, text: 'four' }).expect(201);
    expect((await list(ca.accessToken, fresh)).find((item) => item.id === id)?.unread).toBe(0);
    expect((await list(hk.accessToken, h)).find((item) => item.id === id)?.unread).toBe(1);
  });

  it('tells the other firm of a message left unread, once, later, and not once read', async () => {
    const db = client.app.get(DataSource);
    const fresh = (await client.verifiedCompany(ca.accessToken, organiser.accessToken)).id;
    let id = '';
    /** The unread emails of this conversation to one user, oldest first. */
    const outbox = async (userId: string) =>
      db.query<{ status: string; not_before: Date; key: string }[]>(
        `SELECT status, not_before, key FROM notification_outbox
          WHERE kind = 'message.unread' AND user_id = $1 AND key LIKE $2
          ORDER BY created_at`,
        [userId, `message-unread.${id}.%`],
      );
    const before = Date.now();
    const first = await start(hk.accessToken, {
      fromCompanyId: h,
      toCompanyId: fresh,
      text: 'Are you at the fair?',
    }).expect(201);
    id = first.body.conversation.id as string;
    await send(hk.accessToken, id, { companyId: h, text: 'Second, same stretch' }).expect(201);
    // One email for the stretch, due in 15 minutes, to the other firm's users only.
    let rows = await outbox(ca.user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('pending');
    expect(new Date(rows[0].not_before).getTime()).toBeGreaterThanOrEqual(before + 14 * 60_000);
    expect(await outbox(hk.user.id)).toEqual([]);
    // Not shown in-app before it is due either.
    const shown = await client.as(ca.accessToken).get('/api/notifications').expect(200);
    expect(JSON.stringify(shown.body)).not.toContain('Are you at the fair?');

    await client
      .as(ca.accessToken)
      .post(`/api/conversations/${id}/read`)
      .send({ companyId: fresh })
      .expect(200);
    rows = await outbox(ca.user.id);
    expect(rows.map((row) => row.status)).toEqual(['withdrawn']);
    // A new stretch of unread messages is told of again.
    await send(hk.accessToken, id, { companyId: h, text: 'Third' }).expect(201);
    rows = await outbox(ca.user.id);
    expect(rows.map((row) => row.status)).toEqual(['withdrawn', 'pending']);
    // Replying reads them: the pending one is withdrawn too.
    await send(ca.accessToken, id, { companyId: fresh, text: 'Yes' }).expect(201);
    rows = await outbox(ca.user.id);
    expect(rows.map((row) => row.status)).toEqual(['withdrawn', 'withdrawn']);

    // A reader who turned these off gets none (the reply above is read first: no stretch waits).
    await client
      .as(hk.accessToken)
      .post(`/api/conversations/${id}/read`)
      .send({ companyId: h })
      .expect(200);
    await client
      .as(hk.accessToken)
      .patch('/api/users/me/settings')
      .send({ notifications: { 'message.unread': 'off' } })
      .expect(200);
    await send(ca.accessToken, id, { companyId: fresh, text: 'Still there?' }).expect(201);
    expect((await outbox(hk.user.id)).map((row) => row.status)).toEqual(['withdrawn']);
    const hidden = await db.query(
      `SELECT 1 FROM notifications
        WHERE kind = 'message.unread' AND user_id = $1 AND params->>'conversationId' = $2
          AND created_at > now()`,
      [hk.user.id, id],
    );
    expect(hidden).toEqual([]);
  });

  it('sends message.created to both firms on either API process, and to nobody else', async () => {
    const hkSocket = await live.connected(url, hk.accessToken);
    const caSocket = await live.connected(otherUrl, ca.accessToken);
    const thirdSocket = await live.connected(otherUrl, third.accessToken);
    const organiserSocket = await live.connected(url, organiser.accessToken);
    type Payload = { conversationId: string; message: Message };
    const heard = [hkSocket, caSocket, thirdSocket, organiserSocket].map((socket) =>
      collect<Payload>(socket, 'message.created'),
    );
    const answer = await send(ca.accessToken, conversationId, {
      companyId: c,
      text: 'live from Toronto',
    }).expect(201);
    await until(() => heard[0].length === 1 && heard[1].length === 1);
    for (const events of heard.slice(0, 2)) {
      expect(events[0]).toEqual({ conversationId, message: answer.body });
    }
    await settle();
    expect(heard[2]).toEqual([]);
    expect(heard[3]).toEqual([]);
  });

  it('sends conversation.read to both firms when one reads, and to nobody else', async () => {
    const hkSocket = await live.connected(url, hk.accessToken);
    const caSocket = await live.connected(otherUrl, ca.accessToken);
    const thirdSocket = await live.connected(otherUrl, third.accessToken);
    const organiserSocket = await live.connected(url, organiser.accessToken);
    type Payload = { conversationId: string; companyId: string; messageId: string };
    const heard = [hkSocket, caSocket, thirdSocket, organiserSocket].map((socket) =>
      collect<Payload>(socket, 'conversation.read'),
    );
    const sent = await send(hk.accessToken, conversationId, {
      companyId: h,
      text: 'Seen this?',
    }).expect(201);
    const read = () =>
      client
        .as(ca.accessToken)
        .post(`/api/conversations/${conversationId}/read`)
        .send({ companyId: c })
        .expect(200);
    await read();
    await until(() => heard[0].length === 1 && heard[1].length === 1);
    for (const events of heard.slice(0, 2)) {
      expect(events).toEqual([{ conversationId, companyId: c, messageId: sent.body.id }]);
    }
    // Reading again moves nothing and tells nobody.
    await read();
    await settle();
    expect(heard[0]).toHaveLength(1);
    expect(heard[2]).toEqual([]);
    expect(heard[3]).toEqual([]);
  });
});
