import type { INestApplicationContext } from '@nestjs/common';
import { delegationInput, type Account, type TestClient } from './client';

/** The callers every route is tried with in the authorization matrix and the fuzz suite. */
export const CALLERS = ['admin', 'organiser', 'owner', 'stranger', 'anonymous'] as const;
export type Caller = (typeof CALLERS)[number];

/**
 * One of everything, so that every route has a real id to act on: accounts of each kind, two
 * verified firms of two countries (the owner's in Hong Kong, the partner's in Canada), a
 * video session both joined with a request between them and a published schedule (a meeting),
 * a delegation with an itinerary item and the owner's application, and a finished job.
 */
export interface World {
  admin: Account;
  organiser: Account;
  /** Owner of `companyId` (Hong Kong). */
  owner: Account;
  /** Owner of `otherCompanyId` (Canada): the owner's counterpart in the session and meeting. */
  partner: Account;
  /** Owner of `strangerCompanyId` (Canada, verified, in no session): a member of another company. */
  stranger: Account;
  companyId: string;
  /** The owner's second company, still `pending`. */
  pendingCompanyId: string;
  otherCompanyId: string;
  strangerCompanyId: string;
  sessionId: string;
  requestId: string;
  meetingId: string;
  delegationId: string;
  itemId: string;
  applicationId: string;
  jobId: string;
  /** A calendar feed key of the owner's agenda. */
  feedKey: string;
}

const START = Date.UTC(2032, 2, 10, 13, 0);

/** Builds the world through the real API (the worker runs the scheduling job). */
export async function buildWorld(
  client: TestClient,
  startWorker: () => Promise<INestApplicationContext>,
): Promise<World> {
  const worker = await startWorker();
  try {
    const [admin, organiser, owner, partner, stranger] = await Promise.all([
      client.admin(),
      client.organiser(),
      client.signUp(),
      client.signUp(),
      client.signUp(),
    ]);
    const org = organiser.accessToken;
    const company = await client.verifiedCompany(owner.accessToken, org);
    const canadian = {
      country: 'CA',
      city: 'Toronto',
      timezone: 'America/Toronto',
      targetMarkets: ['HK'],
    };
    const other = await client.verifiedCompany(partner.accessToken, org, canadian);
    const strangers = await client.verifiedCompany(stranger.accessToken, org, canadian);
    const pending = await client.company(owner.accessToken);
    const sessionId = await client.videoSession(org, START, 60);
    for (const [account, companyId] of [
      [owner, company.id],
      [partner, other.id],
    ] as const) {
      await client
        .as(account.accessToken)
        .post(`/api/sessions/${sessionId}/participants`)
        .send({ companyId })
        .expect(201);
    }
    const requestId = await client.acceptedRequest(
      sessionId,
      { token: owner.accessToken, companyId: company.id },
      { token: partner.accessToken, companyId: other.id },
    );
    const jobId = await client.runSchedule(org, sessionId);
    const schedule = await client.as(org).get(`/api/sessions/${sessionId}/schedule`).expect(200);
    const meetingId = (schedule.body.meetings as { id: string }[])[0].id;

    const delegation = await client
      .as(org)
      .post('/api/delegations')
      .send(delegationInput({ startsOn: '2032-06-07', endsOn: '2032-06-11' }))
      .expect(201);
    const delegationId = delegation.body.id as string;
    const item = await client
      .as(org)
      .post(`/api/delegations/${delegationId}/itinerary`)
      .send({
        kind: 'seminar',
        title: 'Market briefing',
        startsAt: '2032-06-08T07:00:00.000Z',
        endsAt: '2032-06-08T09:00:00.000Z',
      })
      .expect(201);
    const application = await client
      .as(owner.accessToken)
      .post(`/api/delegations/${delegationId}/applications`)
      .send({ companyId: company.id })
      .expect(201);
    const feed = await client
      .as(owner.accessToken)
      .get(`/api/sessions/${sessionId}/agenda/feed?companyId=${company.id}`)
      .expect(200);
    const feedKey = new URL(feed.body.url as string, 'http://x').searchParams.get('key') ?? '';

    return {
      admin,
      organiser,
      owner,
      partner,
      stranger,
      companyId: company.id,
      pendingCompanyId: pending.id,
      otherCompanyId: other.id,
      strangerCompanyId: strangers.id,
      sessionId,
      requestId,
      meetingId,
      delegationId,
      itemId: item.body.id as string,
      applicationId: application.body.id as string,
      jobId,
      feedKey,
    };
  } finally {
    await worker.close();
  }
}

/** The bearer token of a caller (none for anonymous). */
export function tokenOf(world: World, caller: Caller): string | undefined {
  return caller === 'anonymous' ? undefined : world[caller].accessToken;
}

/** An OpenAPI path such as `/api/sessions/{id}/requests/{requestId}`, with the world's ids. */
export type RouteKey = `${'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'} ${string}`;

/** The routes the app itself documents (its OpenAPI document): `GET /api/companies/{id}`, ... */
export function documentedRoutes(document: {
  paths: Record<string, Record<string, unknown>>;
}): RouteKey[] {
  const methods = ['get', 'post', 'patch', 'put', 'delete'];
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => methods.includes(method))
      .map((method) => `${method.toUpperCase()} ${path}` as RouteKey),
  );
}
