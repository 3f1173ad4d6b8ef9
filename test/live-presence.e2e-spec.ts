import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import type { LiveSessionState, PresencePage, PresenceUser } from '../src/live/live.events';
import { PresenceService } from '../src/live/presence.service';
import { useApi, type Account } from './support/client';
import { collect, LiveClients, listen, request, settle, until } from './support/live';

const MINUTE = 60_000;

interface Ack {
  ok: boolean;
  error?: {
    statusCode: number;
    code?: string;
    message: string;
    fields?: Record<string, string[]>;
  };
  state?: LiveSessionState;
  page?: PresencePage;
}

/**
 * Presence in a room of any size (issue 19): the join acknowledgement carries the count, the
 * joiner's partners and a first page; `presence:page` pages the rest; a client joining again
 * with `since` is sent what changed only.
 */
describe('live presence: a small join, pages and changes since', () => {
  const client = useApi();
  const clients = new LiveClients();
  let url: string;
  let organiser: Account;
  let hk: Account; // owns h1, which meets c1
  let ca: Account; // owns c1
  let fi: Account; // owns f1: in the session, meets no one
  let outsider: Account;
  let sessionId: string;
  let otherSessionId: string;
  const firm: Record<string, string> = {};
  /** Ghost users entered into the room's presence straight through PresenceService. */
  const ghosts: PresenceUser[] = [];

  const join = (socket: Socket, body: Record<string, unknown> = { sessionId }) =>
    request<Ack>(socket, 'session:join', body);
  const page = (socket: Socket, body: unknown) => request<Ack>(socket, 'presence:page', body);

  async function joined(account: Account, body?: Record<string, unknown>): Promise<Socket> {
    const socket = await clients.connected(url, account.accessToken);
    const ack = await join(socket, body);
    expect(ack).toMatchObject({ ok: true });
    return socket;
  }

  beforeAll(async () => {
    url = await listen(client.app);
    [organiser, hk, ca, fi, outsider] = await Promise.all([
      client.organiser(),
      client.signUp(),
      client.signUp(),
      client.signUp(),
      client.signUp(),
    ]);
    sessionId = await client.videoSession(organiser.accessToken, Date.now() - MINUTE, 60, {
      sides: [['HK', 'FI'], ['CA']],
    });
    otherSessionId = await client.videoSession(organiser.accessToken, Date.now() - MINUTE, 60);
    const canada = { country: 'CA', timezone: 'America/Toronto', city: 'Toronto' };
    const finland = { country: 'FI', timezone: 'Europe/Helsinki', city: 'Helsinki' };
    firm.h1 = (await client.verifiedCompany(hk.accessToken, organiser.accessToken)).id;
    firm.c1 = (await client.verifiedCompany(ca.accessToken, organiser.accessToken, canada)).id;
    firm.f1 = (await client.verifiedCompany(fi.accessToken, organiser.accessToken, finland)).id;
    firm.x = (await client.verifiedCompany(outsider.accessToken, organiser.accessToken)).id;
    for (const [account, name] of [
      [hk, 'h1'],
      [ca, 'c1'],
      [fi, 'f1'],
    ] as const) {
      await client.join(account.accessToken, sessionId, firm[name]);
    }
    await client.join(outsider.accessToken, otherSessionId, firm.x);
    const [a, b] = [firm.h1, firm.c1].sort();
    await client.app.get(DataSource).query(
      `INSERT INTO meetings (session_id, slot_index, company_a, company_b, status, origin)
         VALUES ($1, 2, $2, $3, 'scheduled', 'score')`,
      [sessionId, a, b],
    );
    // 45 more people in the room, and 3 in the other session's, whose sockets no process holds.
    const presence = client.app.get(PresenceService);
    for (let i = 0; i < 45; i += 1) {
      const user: PresenceUser = {
        userId: randomUUID(),
        name: `Visitor ${String(i).padStart(2, '0')}`,
        role: 'member',
        companies: [],
      };
      ghosts.push(user);
      await presence.join(sessionId, `ghost-${i}`, user);
    }
    for (let i = 0; i < 3; i += 1) {
      await presence.join(otherSessionId, `elsewhere-${i}`, {
        userId: randomUUID(),
        name: `Elsewhere ${i}`,
        role: 'member',
        companies: [],
      });
    }
  }, 60_000);

  afterEach(async () => {
    clients.closeAll();
    await settle(250);
  });

  it("acknowledges a join with the count, the partners' presence and a first page only", async () => {
    const caSocket = await joined(ca);
    const fiSocket = await joined(fi);
    const socket = await clients.connected(url, hk.accessToken);
    const ack = await join(socket);
    const presence = ack.state!.presence;
    // 45 ghosts, ca, fi and hk itself.
    expect(presence.count).toBe(48);
    expect(presence.version).toBeGreaterThanOrEqual(48);
    expect(presence.partnerCompanyIds).toEqual([firm.c1]);
    expect(presence.partners.map((user) => user.userId)).toEqual([ca.user.id]);
    expect(presence.changes).toBeNull();
    expect(presence.page?.users).toHaveLength(20);
    expect(presence.page?.next).toEqual(expect.any(String));
    // A firm with no meeting has no partners; the count is the same for everyone.
    const fiAck = await join(fiSocket);
    expect(fiAck.state!.presence).toMatchObject({ partnerCompanyIds: [], partners: [] });
    expect(fiAck.state!.presence.count).toBe(48);
    caSocket.disconnect();
  });

  it('pages the whole room by name, each user once, within the bounds asked', async () => {
    const socket = await joined(hk);
    const seen: PresenceUser[] = [];
    let after: string | null | undefined;
    let pages = 0;
    do {
      const ack = await page(
        socket,
        after ? { sessionId, after, limit: 7 } : { sessionId, limit: 7 },
      );
      expect(ack.error).toBeUndefined();
      expect(ack.page!.users.length).toBeLessThanOrEqual(7);
      seen.push(...ack.page!.users);
      after = ack.page!.next;
      pages += 1;
    } while (after && pages < 20);
    const ids = seen.map((user) => user.userId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual([hk.user.id, ...ghosts.map((user) => user.userId)].sort());
    expect(pages).toBe(Math.ceil(46 / 7));
    // In order of name (regardless of case), as the page cursor runs.
    const names = seen.map((user) => user.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    // Nothing of the other session's room.
    expect(seen.some((user) => user.name.startsWith('Elsewhere'))).toBe(false);
    // 50 unless asked otherwise; 200 at most.
    const first = await page(socket, { sessionId });
    expect(first.page!.users).toHaveLength(46);
    expect(first.page!.next).toBeNull();
  });

  it('refuses bad paging input with a 400 naming each field', async () => {
    const socket = await joined(hk);
    const bad = await page(socket, { sessionId: 'nope', limit: 0, after: 5, extra: true });
    expect(bad).toMatchObject({ ok: false, error: { statusCode: 400 } });
    expect(Object.keys(bad.error!.fields ?? {}).sort()).toEqual([
      'after',
      'extra',
      'limit',
      'sessionId',
    ]);
    expect((await page(socket, { sessionId, limit: 201 })).error?.fields).toHaveProperty('limit');
    expect((await page(socket, { sessionId, limit: 2.5 })).error?.fields).toHaveProperty('limit');
    expect(await page(socket, 'a string')).toMatchObject({
      ok: false,
      error: { statusCode: 400, fields: { body: ['must be an object'] } },
    });
    const since = await join(socket, { sessionId, since: -1 });
    expect(Object.keys(since.error?.fields ?? {})).toEqual(['since']);
  });

  it('refuses every hostile value of a paging or joining field with a 400 naming it, never more', async () => {
    const socket = await joined(hk);
    /** Values no field of these events takes, whatever JSON can carry. */
    const hostile: [string, unknown][] = [
      ['null', null],
      ['true', true],
      ['false', false],
      ['zero', 0],
      ['negative', -1],
      ['negative fraction', -0.5],
      ['fraction', 2.5],
      ['beyond safe integers', 2 ** 53 + 2],
      ['2^64', 2 ** 64],
      ['1e300', 1e300],
      ['largest double', Number.MAX_VALUE],
      ['NaN as text', 'NaN'],
      ['Infinity as text', '-Infinity'],
      ['number as text', '10'],
      ['empty text', ''],
      ['NUL', `${sessionId}\u0000`],
      ['lone NUL', '\u0000'],
      ['lone high surrogate', '\ud800'],
      ['lone low surrogate', 'YQ\udc00'],
      ['20,000 characters', 'Y'.repeat(20_000)],
      ['20,000 characters with NUL', `${'Y'.repeat(20_000)}\u0000`],
      ['empty array', []],
      ['array', [sessionId]],
      ['array of NUL', ['\u0000']],
      ['empty object', {}],
      ['object', { sessionId }],
      ['__proto__ object', JSON.parse('{"__proto__": {"admin": true}}')],
      ['nested __proto__', JSON.parse('{"a": {"__proto__": 1}}')],
      ['constructor', { constructor: { prototype: 1 } }],
    ];
    /** Values that are valid for the field, so not hostile to it: accepted on their own. */
    const valid: Record<string, (value: unknown) => boolean> = {
      sessionId: () => false,
      // A cursor is any base64url text: one that names no user only moves where the page starts.
      after: (value) => typeof value === 'string' && /^[A-Za-z0-9_-]{1,2000}$/.test(value),
      limit: (value) =>
        Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 200,
      since: (value) => Number.isSafeInteger(value) && (value as number) >= 0,
    };
    const cases: { event: string; field: string; base: Record<string, unknown> }[] = [
      { event: 'presence:page', field: 'sessionId', base: {} },
      { event: 'presence:page', field: 'after', base: { sessionId } },
      { event: 'presence:page', field: 'limit', base: { sessionId } },
      { event: 'session:join', field: 'since', base: { sessionId } },
    ];
    const failures: string[] = [];
    for (const { event, field, base } of cases) {
      for (const [label, value] of hostile) {
        const ack = await request<Ack>(socket, event, { ...base, [field]: value });
        if (valid[field](value)) {
          if (!ack.ok) failures.push(`${event} ${field} ${label}: refused ${JSON.stringify(ack)}`);
          continue;
        }
        const named = Object.keys(ack.error?.fields ?? {});
        if (
          ack.ok !== false ||
          ack.error?.statusCode !== 400 ||
          named.length === 0 ||
          !named.every((name) => name === field || /^[.[]/.test(name.slice(field.length)))
        ) {
          failures.push(`${event} ${field} ${label}: ${JSON.stringify(ack).slice(0, 300)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // Whole messages that are no object.
    for (const body of [null, 'text', 42, [sessionId], true]) {
      for (const event of ['presence:page', 'session:join']) {
        expect(await request<Ack>(socket, event, body)).toMatchObject({
          ok: false,
          error: { statusCode: 400, fields: { body: ['must be an object'] } },
        });
      }
    }
    // Ids of the right shape that name no session: not found, or not in the room; never a 500.
    for (const id of [
      '00000000-0000-0000-0000-000000000000',
      'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
    ]) {
      expect((await join(socket, { sessionId: id, since: 0 })).error).toMatchObject({
        statusCode: 404,
      });
      expect((await page(socket, { sessionId: id, after: 'YQ', limit: 200 })).error).toMatchObject({
        statusCode: 403,
        code: 'live.not_in_room',
      });
    }
    // No message at all, or two.
    for (const event of ['presence:page', 'session:join']) {
      const none = (await socket.timeout(5000).emitWithAck(event)) as Ack;
      expect(none).toMatchObject({ ok: false, error: { statusCode: 400 } });
      const two = (await socket
        .timeout(5000)
        .emitWithAck(event, { sessionId }, { sessionId })) as Ack;
      expect(two).toMatchObject({ ok: false, error: { statusCode: 400 } });
    }
    // Still in the room and answering, after all that.
    expect((await page(socket, { sessionId, limit: 1 })).page?.users).toHaveLength(1);
  }, 60_000);

  it('pages only the room asked for, whatever cursor comes with it', async () => {
    const socket = await joined(hk);
    const stranger = await joined(outsider, { sessionId: otherSessionId });
    const inOther = (await page(stranger, { sessionId: otherSessionId })).page!.users;
    expect(inOther.length).toBeGreaterThan(0);
    const otherIds = new Set(inOther.map((user) => user.userId));
    // Every cursor of this session's pages, used on the other session and back.
    let after: string | null | undefined;
    do {
      const ack = await page(
        socket,
        after ? { sessionId, after, limit: 5 } : { sessionId, limit: 5 },
      );
      expect(ack.page!.users.some((user) => otherIds.has(user.userId))).toBe(false);
      after = ack.page!.next;
      if (!after) break;
      const there = await page(stranger, { sessionId: otherSessionId, after });
      expect(there.ok).toBe(true);
      expect(there.page!.users.every((user) => otherIds.has(user.userId))).toBe(true);
      // Not to this session, which the stranger has not joined.
      expect(await page(stranger, { sessionId, after })).toMatchObject({
        ok: false,
        error: { statusCode: 403, code: 'live.not_in_room' },
      });
    } while (after);
    // A cursor of any bytes (base64url of NUL, of broken UTF-8, of the key's separator) is harmless.
    for (const bytes of ['\u0000', '\uffff\uffff', '\u0000' + hk.user.id, 'zzzzzzzz']) {
      const cursor = Buffer.from(bytes).toString('base64url');
      const ack = await page(stranger, { sessionId: otherSessionId, after: cursor });
      expect(ack.ok).toBe(true);
      expect(ack.page!.users.every((user) => otherIds.has(user.userId))).toBe(true);
    }
    expect(await page(stranger, { sessionId: otherSessionId, after: '_-_-' })).toMatchObject({
      ok: true,
    });
  });

  it('takes a session id in capitals as the same room, not a room of its own', async () => {
    const watcher = await joined(fi);
    const loud = await joined(hk, { sessionId: sessionId.toUpperCase() });
    const lowerPage = await page(loud, { sessionId, limit: 200 });
    expect(lowerPage.ok).toBe(true);
    expect(lowerPage.page!.users.map((user) => user.userId)).toContain(fi.user.id);
    const seen = (await page(watcher, { sessionId, limit: 200 })).page!.users;
    expect(seen.map((user) => user.userId)).toContain(hk.user.id);
    expect((await join(watcher)).state!.presence.count).toBe(47);
    expect(
      await request<Ack>(loud, 'session:leave', { sessionId: sessionId.toUpperCase() }),
    ).toMatchObject({
      ok: true,
    });
    expect((await page(loud, { sessionId })).error?.code).toBe('live.not_in_room');
  });

  it('lists a room only to those in it: not to outsiders, nor to members of other sessions', async () => {
    const stranger = await clients.connected(url, outsider.accessToken);
    expect(await join(stranger)).toMatchObject({
      ok: false,
      error: { statusCode: 403, code: 'live.not_in_session' },
    });
    expect(await page(stranger, { sessionId })).toMatchObject({
      ok: false,
      error: { statusCode: 403, code: 'live.not_in_room' },
    });
    // In its own session's room, it sees that room only.
    expect(await join(stranger, { sessionId: otherSessionId })).toMatchObject({ ok: true });
    expect(await page(stranger, { sessionId })).toMatchObject({
      error: { statusCode: 403, code: 'live.not_in_room' },
    });
    const own = await page(stranger, { sessionId: otherSessionId });
    expect(own.page!.users.every((user) => !ghosts.some((g) => g.userId === user.userId))).toBe(
      true,
    );
    // A member connected but not joined is refused too; having left, again.
    const member = await clients.connected(url, fi.accessToken);
    expect((await page(member, { sessionId })).error?.code).toBe('live.not_in_room');
    await join(member);
    expect((await page(member, { sessionId })).ok).toBe(true);
    await request(member, 'session:leave', { sessionId });
    expect((await page(member, { sessionId })).error?.code).toBe('live.not_in_room');
  });

  it('sends a client joining again with `since` only what changed, not the room', async () => {
    const socket = await joined(hk);
    const first = (await join(socket)).state!.presence;
    const presence = client.app.get(PresenceService);
    const newcomer: PresenceUser = {
      userId: randomUUID(),
      name: 'Newcomer',
      role: 'member',
      companies: [],
    };
    await presence.join(sessionId, 'ghost-newcomer', newcomer);
    await presence.leave(sessionId, 'ghost-0');
    const again = (await join(socket, { sessionId, since: first.version })).state!.presence;
    expect(again.page).toBeNull();
    expect(again.version).toBe(first.version + 2);
    expect(again.count).toBe(first.count);
    expect(again.changes).toEqual([
      { user: newcomer, online: true },
      { user: ghosts[0], online: false },
    ]);
    // Up to date: nothing to send.
    const current = (await join(socket, { sessionId, since: again.version })).state!.presence;
    expect(current).toMatchObject({ changes: [], page: null, version: again.version });
    // A version the room never had (Redis lost it, or a client's mistake): the room again.
    const lost = (await join(socket, { sessionId, since: again.version + 1000 })).state!.presence;
    expect(lost).toMatchObject({ changes: null, count: first.count });
    expect(lost.page?.users).toHaveLength(20);
    await presence.join(sessionId, 'ghost-0', ghosts[0]);
    await presence.leave(sessionId, 'ghost-newcomer');
  });

  it('tells the room of arrivals with the count and the version they bring', async () => {
    const watcher = await joined(fi);
    const batches = collect<{
      sessionId: string;
      changes: { user: PresenceUser; online: boolean }[];
      omitted: number;
      count: number;
      version: number;
    }>(watcher, 'presence');
    const { version } = (await join(watcher)).state!.presence;
    await joined(hk);
    await until(() =>
      batches.some((batch) => batch.changes.some((c) => c.user.userId === hk.user.id)),
    );
    const batch = batches.find((item) => item.changes.some((c) => c.user.userId === hk.user.id))!;
    expect(batch).toMatchObject({ sessionId, omitted: 0, count: 47 });
    expect(batch.version).toBeGreaterThan(version);
  });
});
