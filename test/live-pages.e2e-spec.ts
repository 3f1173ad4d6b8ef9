import type { INestApplicationContext } from '@nestjs/common';
import { startWorker } from './support/app';
import { useApi, type Account } from './support/client';
import { collect, LiveClients, listen, settle, until } from './support/live';

const HOUR = 3_600_000;

/**
 * The events that keep the web app's pages current without a reload: a company's verification,
 * a session's participants and status, matches once scoring finished. Each reaches those it
 * concerns (the firms of the session or company, the organisers) and nobody else.
 */
describe('live events of the pages (/live)', () => {
  const client = useApi();
  const clients = new LiveClients();
  let worker: INestApplicationContext;
  let url: string;
  let organiser: Account;
  let hk: Account;
  let ca: Account;
  let outsider: Account;
  let sessionId: string;
  const firm: Record<string, string> = {};

  beforeAll(async () => {
    url = await listen(client.app);
    worker = await startWorker();
    [organiser, hk, ca, outsider] = await Promise.all([
      client.organiser(),
      client.signUp(),
      client.signUp(),
      client.signUp(),
    ]);
    sessionId = await client.videoSession(organiser.accessToken, Date.now() + 48 * HOUR, 60, {
      status: 'open',
    });
    const canada = { country: 'CA', timezone: 'America/Toronto', city: 'Toronto' };
    firm.hk = (await client.verifiedCompany(hk.accessToken, organiser.accessToken)).id;
    firm.ca = (await client.company(ca.accessToken, canada)).id;
    firm.x = (await client.verifiedCompany(outsider.accessToken, organiser.accessToken)).id;
    await client.join(hk.accessToken, sessionId, firm.hk);
  }, 60_000);

  afterEach(() => clients.closeAll());
  afterAll(() => worker.close());

  it("sends company.updated on a verification to the company's users and the organisers only", async () => {
    const [mine, org, other] = await Promise.all([
      clients.connected(url, ca.accessToken),
      clients.connected(url, organiser.accessToken),
      clients.connected(url, outsider.accessToken),
    ]);
    const heard = collect<{ company: { id: string; status: string } }>(mine, 'company.updated');
    const toOrganiser = collect<{ company: { id: string } }>(org, 'company.updated');
    const overheard = collect(other, 'company.updated');
    await client
      .as(organiser.accessToken)
      .post(`/api/companies/${firm.ca}/verification`)
      .send({ status: 'verified' })
      .expect(200);
    await until(() => heard.length > 0);
    expect(heard[0].company).toMatchObject({ id: firm.ca, status: 'verified' });
    await until(() => toOrganiser.length > 0);
    expect(toOrganiser[0].company.id).toBe(firm.ca);
    await settle();
    expect(overheard).toEqual([]);
  }, 120_000);

  it("sends participants.updated and matches.updated to the session's firms and organisers, not to others", async () => {
    const [org, joined, joining, other] = await Promise.all([
      clients.connected(url, organiser.accessToken),
      clients.connected(url, hk.accessToken),
      clients.connected(url, ca.accessToken),
      clients.connected(url, outsider.accessToken),
    ]);
    const participants = [org, joined, joining, other].map((socket) =>
      collect<{ sessionId: string }>(socket, 'participants.updated'),
    );
    const matches = [joined, joining, other].map((socket) =>
      collect<{ sessionId: string }>(socket, 'matches.updated'),
    );
    await client.join(ca.accessToken, sessionId, firm.ca);
    await until(() => participants.slice(0, 3).every((heard) => heard.length > 0));
    for (const heard of participants.slice(0, 3)) expect(heard[0]).toEqual({ sessionId });
    // The worker scores the new participant: both firms' lists change, and they hear it.
    await until(() => matches.slice(0, 2).every((heard) => heard.length > 0), 20_000);
    expect(matches[0][0]).toEqual({ sessionId });
    await settle();
    expect(participants[3]).toEqual([]);
    expect(matches[2]).toEqual([]);
  }, 30_000);

  it('sends company.updated for a company registered to the organisers, not to others', async () => {
    const [org, other] = await Promise.all([
      clients.connected(url, organiser.accessToken),
      clients.connected(url, outsider.accessToken),
    ]);
    const heard = collect<{ company: { id: string; status: string } }>(org, 'company.updated');
    const overheard = collect(other, 'company.updated');
    const registered = await client.company(ca.accessToken, {
      country: 'CA',
      timezone: 'America/Toronto',
      city: 'Ottawa',
    });
    await until(() => heard.some((event) => event.company.id === registered.id));
    expect(heard.find((event) => event.company.id === registered.id)?.company.status).toBe(
      'pending',
    );
    await settle();
    expect(overheard).toEqual([]);
  });

  it('sends request.created to both firms and the organisers, not to others', async () => {
    const [org, to, other] = await Promise.all([
      clients.connected(url, organiser.accessToken),
      clients.connected(url, ca.accessToken),
      clients.connected(url, outsider.accessToken),
    ]);
    const heard = [org, to, other].map((socket) =>
      collect<{ request: { sessionId: string } }>(socket, 'request.created'),
    );
    await client
      .as(hk.accessToken)
      .post(`/api/sessions/${sessionId}/requests`)
      .send({ fromCompanyId: firm.hk, toCompanyId: firm.ca })
      .expect(201);
    await until(() => heard[0].length > 0 && heard[1].length > 0);
    expect(heard[0][0].request.sessionId).toBe(sessionId);
    await settle();
    expect(heard[2]).toEqual([]);
  });

  it("sends session.updated on a status move to the session's firms and organisers, not to others", async () => {
    const [org, firmSocket, other] = await Promise.all([
      clients.connected(url, organiser.accessToken),
      clients.connected(url, hk.accessToken),
      clients.connected(url, outsider.accessToken),
    ]);
    const heard = [org, firmSocket, other].map((socket) =>
      collect<{ sessionId: string; status: string }>(socket, 'session.updated'),
    );
    // An edit that moves no status says nothing.
    await client
      .as(organiser.accessToken)
      .patch(`/api/sessions/${sessionId}`)
      .send({ description: 'Bring cards' })
      .expect(200);
    await client
      .as(organiser.accessToken)
      .patch(`/api/sessions/${sessionId}`)
      .send({ status: 'closed' })
      .expect(200);
    await until(() => heard[0].length > 0 && heard[1].length > 0);
    expect(heard[0]).toEqual([{ sessionId, status: 'closed' }]);
    expect(heard[1]).toEqual([{ sessionId, status: 'closed' }]);
    await settle();
    expect(heard[2]).toEqual([]);
  });
});
