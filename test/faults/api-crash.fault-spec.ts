import { createFaultEnv, type FaultEnv } from './support/fault-env';
import { adminToken, call, memberInSession, videoSession } from './support/http';
import { RoomClient } from './support/live-client';
import { startApiProcess, type AppProcess } from './support/processes';
import { freePort, waitUntil } from './support/servers';
import { TcpProxy } from './support/tcp-proxy';

jest.setTimeout(180_000);

/**
 * Two API processes behind a round-robin TCP proxy. The process a firm's live connection is on is
 * killed (SIGKILL); the client reconnects through the proxy to the other one, joins its session
 * room again, finds there what was said while it was away, and hears what is said next.
 */
describe('an API process killed under a live room', () => {
  let env: FaultEnv;
  let proxy: TcpProxy;
  const apis = new Map<number, AppProcess>();
  const clients: RoomClient[] = [];

  beforeAll(async () => {
    env = await createFaultEnv();
    const ports = [await freePort(), await freePort()];
    const started = await Promise.all(
      ports.map((port, i) => startApiProcess(`api-${i + 1}`, env.env, port)),
    );
    ports.forEach((port, i) => apis.set(port, env.track(started[i])));
    proxy = await TcpProxy.start([...apis.keys()]);
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await proxy?.close();
    await env?.teardown();
  });

  it('the client carries on through the other process, with what it missed', async () => {
    const base = proxy.url;
    const admin = await adminToken(base);
    const sessionId = await videoSession(base, admin);
    const member = await memberInSession(base, admin, sessionId, 'HK');

    const firm = new RoomClient(base, member.token, sessionId);
    clients.push(firm);
    const first = await firm.joined(1);
    expect((first.presence.page?.users ?? []).map((user) => user.userId)).toContain(member.userId);
    const [firmPort] = proxy.connections.slice(-1);
    const [otherPort] = [...apis.keys()].filter((port) => port !== firmPort);

    // The organiser speaks through the process that stays up.
    const organiser = new RoomClient(`http://127.0.0.1:${otherPort}`, admin, sessionId);
    clients.push(organiser);
    await organiser.joined(1);
    expect((await organiser.announce(sessionId, 'Before the crash')).ok).toBe(true);
    await waitUntil('the firm hears the first announcement', () =>
      firm.announcements.some((item) => item.text === 'Before the crash'),
    );

    await apis.get(firmPort)!.kill();
    await waitUntil('the firm notices the drop', () => firm.disconnects === 1);
    // Said while the firm is away (or just back: either way it must reach it).
    expect((await organiser.announce(sessionId, 'While you were away')).ok).toBe(true);

    const again = await firm.joined(2);
    expect(proxy.connections.slice(-1)).toEqual([otherPort]);
    expect(firm.connects).toBe(2);
    expect(again.session.id).toBe(sessionId);
    expect((again.presence.page?.users ?? []).map((user) => user.userId)).toContain(member.userId);
    await waitUntil('the firm has what it missed', () =>
      firm.seen().includes('While you were away'),
    );

    // In the room again: what is said now arrives live.
    expect((await organiser.announce(sessionId, 'After the crash')).ok).toBe(true);
    await waitUntil('the firm hears the next announcement live', () =>
      firm.announcements.some((item) => item.text === 'After the crash'),
    );
    expect(firm.seen()).toEqual(
      expect.arrayContaining(['Before the crash', 'While you were away', 'After the crash']),
    );
    // HTTP through the same address works on.
    expect((await call(base, 'GET', '/api/health')).status).toBe(200);
  });
});
