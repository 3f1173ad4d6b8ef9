import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { Socket } from 'socket.io-client';
import { QUEUES, slotClockJobId } from '../src/jobs/queues';
import type { Redis } from 'ioredis';
import type { LiveSessionState } from '../src/live/live.events';
import { PresenceService } from '../src/live/presence.service';
import { REDIS } from '../src/redis/redis.module';
import { eventually, startApi, startWorker, testConfig } from './support/app';
import { unique, useApi, type Account } from './support/client';
import { collect, LiveClients, listen, request, settle, until } from './support/live';

const MINUTE = 60_000;
const ICE = [{ urls: 'stun:stun.tradematch.test:3478' }];

interface Ack {
  ok: boolean;
  error?: { statusCode: number; message: string; fields?: Record<string, string[]> };
  state?: LiveSessionState;
  announcement?: { text: string };
  [key: string]: unknown;
}

interface PresenceChange {
  user: { userId: string; companies: { id: string }[] };
  online: boolean;
}

/** Every presence change a socket heard, batch by batch, in order. */
function presenceChanges(socket: Socket): PresenceChange[] {
  const changes: PresenceChange[] = [];
  socket.on(
    'presence',
    (batch: { sessionId: string; changes: PresenceChange[]; count: number }) => {
      expect(batch.count).toEqual(expect.any(Number));
      changes.push(...batch.changes);
    },
  );
  return changes;
}

describe('live matching rooms (/live across two API processes and two workers)', () => {
  const client = useApi({ ICE_SERVERS: JSON.stringify(ICE) });
  const clients = new LiveClients();
  let other: NestFastifyApplication;
  let workers: INestApplicationContext[];
  let url: string;
  let otherUrl: string;
  let organiser: Account;
  let hk: Account; // owns h1, h2
  let ca: Account; // owns c1
  let outsider: Account; // owns a verified company outside the session
  let sessionId: string;
  let startsAt: number;
  const firm: Record<string, string> = {};
  let meeting: { id: string; slotIndex: number; companyIds: string[]; roomId?: string };

  const join = (socket: Socket, id = sessionId) =>
    request<Ack>(socket, 'session:join', { sessionId: id });

  async function joined(baseUrl: string, account: Account): Promise<Socket> {
    const socket = await clients.connected(baseUrl, account.accessToken);
    const ack = await join(socket);
    expect(ack).toMatchObject({ ok: true });
    return socket;
  }

  beforeAll(async () => {
    other = await startApi();
    otherUrl = await listen(other);
    url = await listen(client.app);
    workers = [await startWorker(), await startWorker()];
    [organiser, hk, ca, outsider] = await Promise.all([
      client.organiser(),
      client.signUp(),
      client.signUp(),
      client.signUp(),
    ]);
    // A video session whose first 10-minute slot began a minute ago, drafted so that firms can
    // join before it opens (and at once goes live by itself).
    startsAt = Date.now() - MINUTE;
    sessionId = await client.videoSession(organiser.accessToken, startsAt, 40, {
      title: unique('Live room'),
      status: 'draft',
    });
    const canada = { country: 'CA', timezone: 'America/Toronto', city: 'Toronto' };
    firm.h1 = (await client.verifiedCompany(hk.accessToken, organiser.accessToken)).id;
    firm.h2 = (await client.verifiedCompany(hk.accessToken, organiser.accessToken)).id;
    firm.c1 = (await client.verifiedCompany(ca.accessToken, organiser.accessToken, canada)).id;
    firm.x = (await client.verifiedCompany(outsider.accessToken, organiser.accessToken)).id;
    // Members do not see drafts: the organiser signs the firms up.
    for (const name of ['h1', 'h2', 'c1']) {
      await client
        .as(organiser.accessToken)
        .post(`/api/sessions/${sessionId}/participants`)
        .send({ companyId: firm[name] })
        .expect(201);
    }
  }, 60_000);

  afterEach(async () => {
    clients.closeAll();
    // Presence changes go out in 100 ms batches: let the last ones land before the next test.
    await settle(250);
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    await other.close();
  });

  it('sends slot.started once per slot however many workers run, and queues slot.ending a minute before the end', async () => {
    // Organisers may be in a draft's room; members may not.
    const socket = await joined(url, organiser);
    const started = collect<{
      sessionId: string;
      slot: { index: number };
      next: { index: number };
    }>(socket, 'slot.started');
    // Opened a minute into slot 0, it goes live at once (the worker's go-live job), and the room
    // hears that slot 0 is running.
    await client
      .as(organiser.accessToken)
      .patch(`/api/sessions/${sessionId}`)
      .send({ status: 'open' })
      .expect(200);
    await until(() => started.length > 0);
    await settle(1000);
    expect(started).toEqual([
      {
        sessionId,
        slot: expect.objectContaining({ index: 0 }),
        next: expect.objectContaining({ index: 1 }),
      },
    ]);
    const queue = workers[0].get<Queue>(getQueueToken(QUEUES.sessions));
    const at = (ms: number) => new Date(ms).toISOString();
    const ending = await queue.getJob(
      slotClockJobId({ sessionId, slotIndex: 1, kind: 'ending', at: at(startsAt + 19 * MINUTE) }),
    );
    expect(await ending?.getState()).toBe('delayed');
    expect((ending?.timestamp ?? 0) + (ending?.delay ?? 0)).toBeGreaterThanOrEqual(
      startsAt + 19 * MINUTE - 1000,
    );
    expect((ending?.timestamp ?? 0) + (ending?.delay ?? 0)).toBeLessThanOrEqual(
      startsAt + 19 * MINUTE + 1000,
    );
    // A worker starting later queues the clock of live sessions again: the same job ids, so
    // nothing new is queued and nothing is sent twice.
    const before = await queue.getJobCounts('delayed', 'completed');
    const third = await startWorker();
    await third.close();
    expect(await queue.getJobCounts('delayed', 'completed')).toEqual(before);
    await settle(500);
    expect(started).toHaveLength(1);
    const session = await client.as(hk.accessToken).get(`/api/sessions/${sessionId}`).expect(200);
    expect(session.body.status).toBe('live');
    // A request made and accepted on the day, for the scheduling run of the next test.
    const asked = await client
      .as(hk.accessToken)
      .post(`/api/sessions/${sessionId}/requests`)
      .send({ fromCompanyId: firm.h1, toCompanyId: firm.c1 })
      .expect(201);
    await client
      .as(ca.accessToken)
      .patch(`/api/sessions/${sessionId}/requests/${asked.body.id}`)
      .send({ status: 'accepted' })
      .expect(200);
  });

  it('tells the organisers, and no member, how a scheduling job goes (job.progress)', async () => {
    const watching = await clients.connected(otherUrl, organiser.accessToken);
    const member = await clients.connected(url, hk.accessToken);
    const progress = collect<{
      sessionId: string;
      job: { id: string; state: string; progress: number };
    }>(watching, 'job.progress');
    const toMember = collect(member, 'job.progress');
    const published = collect<{ sessionId: string }>(member, 'schedule.published');
    const outsiderSocket = await clients.connected(url, outsider.accessToken);
    const overheard = collect(outsiderSocket, 'schedule.published');
    const queued = await client
      .as(organiser.accessToken)
      .post(`/api/sessions/${sessionId}/schedule`)
      .expect(202);
    await until(() => progress.some((event) => event.job.state === 'completed'));
    const ours = progress.filter((event) => event.job.id === queued.body.jobId);
    expect(ours.length).toBeGreaterThanOrEqual(2);
    expect(ours.every((event) => event.sessionId === sessionId)).toBe(true);
    expect(ours.at(-1)?.job).toMatchObject({ state: 'completed', progress: 100 });
    expect(toMember).toEqual([]);
    await until(() => published.length > 0);
    expect(published).toEqual([{ sessionId }]);
    expect(overheard).toEqual([]);
    const schedule = await client
      .as(organiser.accessToken)
      .get(`/api/sessions/${sessionId}/schedule`)
      .expect(200);
    // The accepted request is placed (unrequested pairs may fill the rest by score).
    meeting = schedule.body.meetings.find((item: { origin: string }) => item.origin === 'accepted');
    expect(meeting.companyIds.sort()).toEqual([firm.h1, firm.c1].sort());
    expect(meeting.roomId).toEqual(expect.any(String));
  });

  it('tells the organisers how a full rescore goes, block by block, under the job id they were given', async () => {
    const watching = await clients.connected(url, organiser.accessToken);
    const progress = collect<{
      sessionId: string;
      job: { id: string; state: string; progress: number };
    }>(watching, 'job.progress');
    const queued = await client
      .as(organiser.accessToken)
      .post(`/api/sessions/${sessionId}/scoring`)
      .expect(202);
    await until(() =>
      progress.some(
        (event) => event.job.id === queued.body.jobId && event.job.state === 'completed',
      ),
    );
    const ours = progress.filter((event) => event.job.id === queued.body.jobId);
    expect(progress.every((event) => event.job.id === queued.body.jobId)).toBe(true);
    expect(ours.every((event) => event.sessionId === sessionId)).toBe(true);
    expect(ours.at(-1)?.job).toMatchObject({ state: 'completed', progress: 100 });
  });

  it('refuses to join a session the user has no part in, a draft, an unknown id and bad input', async () => {
    const socket = await clients.connected(url, outsider.accessToken);
    expect(await join(socket)).toMatchObject({
      ok: false,
      error: { statusCode: 403, code: 'live.not_in_session' },
    });
    const unknown = '6f1f0c4e-8a7b-4c1d-9e2f-3a4b5c6d7e8f';
    expect(await join(socket, unknown)).toMatchObject({ ok: false, error: { statusCode: 404 } });
    const bad = await request<Ack>(socket, 'session:join', { sessionId: 'nope', extra: 1 });
    expect(bad.error?.statusCode).toBe(400);
    expect(Object.keys(bad.error?.fields ?? {}).sort()).toEqual(['extra', 'sessionId']);
    expect(await request<Ack>(socket, 'session:join', 'a string')).toMatchObject({
      ok: false,
      error: { statusCode: 400, fields: { body: ['must be an object'] } },
    });
    const draft = await client
      .as(organiser.accessToken)
      .post('/api/sessions')
      .send({
        title: unique('Draft room'),
        mode: 'video',
        status: 'draft',
        timezone: 'UTC',
        startsAt: new Date(startsAt + 60 * MINUTE).toISOString(),
        endsAt: new Date(startsAt + 90 * MINUTE).toISOString(),
        slotMinutes: 10,
        maxMeetingsPerCompany: 3,
        requestDeadline: new Date(startsAt + 60 * MINUTE).toISOString(),
      })
      .expect(201);
    const member = await clients.connected(url, hk.accessToken);
    expect(await join(member, draft.body.id)).toMatchObject({ error: { statusCode: 404 } });
    // Refused joins put no one in the room: an announcement there reaches neither.
    const heard = collect(socket, 'announcement');
    const organiserSocket = await joined(url, organiser);
    await request(organiserSocket, 'announce', { sessionId, text: 'Welcome' });
    await settle();
    expect(heard).toEqual([]);
  });

  it('acknowledges a join with the room as it is: presence, slot, own meetings, ICE servers', async () => {
    const organiserSocket = await joined(otherUrl, organiser);
    const socket = await clients.connected(url, hk.accessToken);
    const ack = await join(socket);
    expect(ack.ok).toBe(true);
    const state = ack.state as LiveSessionState;
    expect(state.session).toMatchObject({ id: sessionId, status: 'live', mode: 'video' });
    expect(state.slot.current?.index).toBe(0);
    expect(state.slot.current?.msLeft).toBeGreaterThan(0);
    expect(state.slot.current?.msLeft).toBeLessThanOrEqual(9 * MINUTE);
    expect(state.slot.next?.index).toBe(1);
    expect(state.companyIds.sort()).toEqual([firm.h1, firm.h2].sort());
    expect(state.iceServers).toEqual(ICE);
    expect((state.presence.page?.users ?? []).map((user) => user.userId).sort()).toEqual(
      [organiser.user.id, hk.user.id].sort(),
    );
    const mine = [state.meetings.current, state.meetings.next].find(
      (item) => item?.id === meeting.id,
    );
    expect(mine).toMatchObject({ companyId: firm.h1, other: { id: firm.c1 } });
    // Slot 0 had begun when scheduling ran: the meeting is in a later slot, the caller's next.
    expect(meeting.slotIndex).toBeGreaterThan(0);
    expect(state.meetings).toMatchObject({ current: null, next: { id: meeting.id } });
    expect(state.announcements.map((item) => item.text)).toContain('Welcome');
    organiserSocket.disconnect();
  });

  it('counts a user in two tabs on two processes once, and says when they leave', async () => {
    const watcher = await joined(url, ca);
    const presence = presenceChanges(watcher);
    const tab1 = await joined(url, hk);
    const tab2 = await joined(otherUrl, hk);
    await settle();
    const online = presence.filter((event) => event.user.userId === hk.user.id);
    expect(online.map((event) => event.online)).toEqual([true]);
    expect(online[0].user.companies.map((company) => company.id).sort()).toEqual(
      [firm.h1, firm.h2].sort(),
    );
    tab1.disconnect();
    await settle();
    expect(presence.filter((event) => event.user.userId === hk.user.id)).toHaveLength(1);
    tab2.disconnect();
    await until(() => presence.some((event) => event.user.userId === hk.user.id && !event.online));
    const outsiderSocket = await clients.connected(url, outsider.accessToken);
    const overheard = collect(outsiderSocket, 'presence');
    await joined(url, hk);
    await settle();
    expect(overheard).toEqual([]);
    const ack = await join(watcher);
    expect(
      (ack.state?.presence.page?.users ?? []).filter((user) => user.userId === hk.user.id),
    ).toHaveLength(1);
  });

  it('broadcasts announcements from organisers to the room only, and refuses members and bad text', async () => {
    const organiserSocket = await joined(url, organiser);
    const member = await joined(otherUrl, ca);
    const outsiderSocket = await clients.connected(url, outsider.accessToken);
    const heard = collect<{ text: string; from: { userId: string } }>(member, 'announcement');
    const overheard = collect(outsiderSocket, 'announcement');
    const ack = await request<Ack>(organiserSocket, 'announce', {
      sessionId,
      text: '  Slot 2 starts in five minutes  ',
    });
    expect(ack).toMatchObject({
      ok: true,
      announcement: { text: 'Slot 2 starts in five minutes' },
    });
    await until(() => heard.length > 0);
    expect(heard).toEqual([
      expect.objectContaining({
        text: 'Slot 2 starts in five minutes',
        from: expect.objectContaining({ userId: organiser.user.id }),
      }),
    ]);
    expect(
      await request<Ack>(member, 'announce', { sessionId, text: 'Free drinks' }),
    ).toMatchObject({ ok: false, error: { statusCode: 403 } });
    const tooLong = await request<Ack>(organiserSocket, 'announce', {
      sessionId,
      text: 'x'.repeat(501),
    });
    expect(Object.keys(tooLong.error?.fields ?? {})).toEqual(['text']);
    const blank = await request<Ack>(organiserSocket, 'announce', { sessionId, text: '   ' });
    expect(blank.error?.fields).toEqual({ text: ['must not be blank'] });
    await settle();
    expect(heard).toHaveLength(1);
    expect(overheard).toEqual([]);
  });

  it('relays rtc.signal between the two firms of a video meeting only', async () => {
    const [mine, theirs] = meeting.companyIds.includes(firm.h1) ? [hk, ca] : [ca, hk];
    const caller = await clients.connected(url, mine.accessToken);
    const callee = await clients.connected(otherUrl, theirs.accessToken);
    const outsiderSocket = await clients.connected(url, outsider.accessToken);
    const toCallee = collect<{ meetingId: string; fromCompanyId: string; data: unknown }>(
      callee,
      'rtc.signal',
    );
    const echo = collect(caller, 'rtc.signal');
    const offer = { type: 'offer', sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n' };
    expect(await request(caller, 'rtc.signal', { meetingId: meeting.id, data: offer })).toEqual({
      ok: true,
    });
    await until(() => toCallee.length > 0);
    expect(toCallee).toEqual([
      { meetingId: meeting.id, fromCompanyId: mine === hk ? firm.h1 : firm.c1, data: offer },
    ]);
    expect(
      await request<Ack>(outsiderSocket, 'rtc.signal', { meetingId: meeting.id, data: offer }),
    ).toMatchObject({ ok: false, error: { statusCode: 403 } });
    expect(
      await request<Ack>(caller, 'rtc.signal', {
        meetingId: '6f1f0c4e-8a7b-4c1d-9e2f-3a4b5c6d7e8f',
        data: offer,
      }),
    ).toMatchObject({ ok: false, error: { statusCode: 404 } });
    const huge = await request<Ack>(caller, 'rtc.signal', {
      meetingId: meeting.id,
      data: 'x'.repeat(70 * 1024),
    });
    expect(Object.keys(huge.error?.fields ?? {})).toEqual(['data']);
    await settle();
    expect(toCallee).toHaveLength(1);
    expect(echo).toEqual([]);
  });

  it('gives a client back after a short drop what it missed, without a presence flicker', async () => {
    const watcher = await joined(url, organiser);
    const presence = presenceChanges(watcher);
    const socket = clients.connect(url, ca.accessToken, {
      reconnection: true,
      reconnectionDelay: 300,
      reconnectionDelayMax: 300,
    });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    expect(await join(socket)).toMatchObject({ ok: true });
    const heard = collect<{ text: string }>(socket, 'announcement');
    await settle();
    // The transport drops; while it is down, an organiser on the other process announces.
    const back = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.io.engine.close();
    const organiserSocket = await joined(otherUrl, organiser);
    await request(organiserSocket, 'announce', { sessionId, text: 'Sent while you were away' });
    await back;
    expect(socket.recovered).toBe(true);
    await until(() => heard.length > 0);
    expect(heard.map((event) => event.text)).toEqual(['Sent while you were away']);
    await settle();
    expect(presence.filter((event) => event.user.userId === ca.user.id && !event.online)).toEqual(
      [],
    );
  });

  it('lets the sockets of a process that died expire, and exactly one sweep (by any process) reports them', async () => {
    const presence = client.app.get(PresenceService);
    const ghost = { userId: outsider.user.id, name: 'Ghost', role: 'member', companies: [] };
    // A socket that no process holds any more (its process was killed): its entry is not renewed.
    expect(await presence.join(sessionId, 'ghost-socket', ghost)).toMatchObject({ online: true });
    expect((await presence.list(sessionId)).map((user) => user.userId)).toContain(ghost.userId);
    // The run's other suites share this Redis prefix and may leave entries of their own that
    // expire meanwhile: only this session's count here.
    const sweepHere = async () =>
      (await presence.sweep()).filter((change) => change.sessionId === sessionId);
    expect(await sweepHere()).toEqual([]); // not expired yet
    const redis = client.app.get<Redis>(REDIS);
    const prefix = testConfig().redisPrefix;
    await redis.zadd(`${prefix}:live:presence:${sessionId}:expiry`, Date.now() - 1, 'ghost-socket');
    // Every API process sweeps every 10 s and announces what it removed; only one removes it.
    const swept = await sweepHere();
    expect(swept).toEqual([
      expect.objectContaining({
        sessionId,
        online: false,
        user: expect.objectContaining({ userId: ghost.userId }),
      }),
    ]);
    expect(await sweepHere()).toEqual([]);
    expect((await presence.list(sessionId)).map((user) => user.userId)).not.toContain(ghost.userId);
  });

  it('tells both firms, on any process, when their meeting is cancelled; its call is then refused', async () => {
    const hkSocket = await clients.connected(url, hk.accessToken);
    const caSocket = await clients.connected(otherUrl, ca.accessToken);
    const outsiderSocket = await clients.connected(url, outsider.accessToken);
    const updates = [hkSocket, caSocket, outsiderSocket].map((socket) =>
      collect<{ meeting: { id: string; status: string } }>(socket, 'meeting.updated'),
    );
    await client
      .as(hk.accessToken)
      .patch(`/api/meetings/${meeting.id}`)
      .send({ status: 'cancelled' })
      .expect(200);
    await until(() => updates[0].length > 0 && updates[1].length > 0);
    await settle();
    expect(
      updates.map((list) => list.map((event) => [event.meeting.id, event.meeting.status])),
    ).toEqual([[[meeting.id, 'cancelled']], [[meeting.id, 'cancelled']], []]);
    expect(
      await request<Ack>(hkSocket, 'rtc.signal', {
        meetingId: meeting.id,
        data: { type: 'offer' },
      }),
    ).toMatchObject({ ok: false, error: { statusCode: 409 } });
  });

  it('queues the slot clock of a session live for days a few hours ahead, not every slot', async () => {
    // Three days of 10-minute slots (432 of them) that went live a minute ago.
    const longId = await client.videoSession(
      organiser.accessToken,
      Date.now() - MINUTE,
      3 * 24 * 60,
      { title: unique('Three-day room'), status: 'open' },
    );
    const queue = workers[0].get<Queue>(getQueueToken(QUEUES.sessions));
    const slotIndexes = await eventually(async () => {
      const jobs = (await queue.getJobs(['delayed', 'waiting', 'active', 'completed'])).filter(
        (job) => job.id?.startsWith(`slot-clock.${longId}.`),
      );
      return jobs.length > 0
        ? jobs.map((job) => (job.data as { slotIndex: number }).slotIndex)
        : undefined;
    });
    // The running slot and those starting within six hours: about 37 slots of 432.
    expect(Math.max(...slotIndexes)).toBeLessThanOrEqual(37);
    expect(Math.max(...slotIndexes)).toBeGreaterThanOrEqual(35);
  });
});
