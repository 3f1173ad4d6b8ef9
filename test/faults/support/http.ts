import type { FaultEnv } from './fault-env';
import { ADMIN } from './fault-env';
import { waitUntil } from './servers';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/**
 * Calls the API at `base` over real HTTP. Every call is bounded: a request that does not get an
 * answer within `timeoutMs` fails the test (an API that hangs while a server is away is a bug).
 */
export async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<Reply<T>> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: kept as text.
  }
  return { status: response.status, body: body as T };
}

/** The call's reply, or a thrown error naming the status and body when it is not `expected`. */
export async function expectStatus<T = Record<string, unknown>>(
  expected: number,
  reply: Promise<Reply<T>>,
): Promise<T> {
  const { status, body } = await reply;
  if (status !== expected) {
    throw new Error(`expected ${expected}, got ${status}: ${JSON.stringify(body).slice(0, 500)}`);
  }
  return body;
}

export async function adminToken(base: string): Promise<string> {
  const body = await expectStatus<{ accessToken: string }>(
    200,
    call(base, 'POST', '/api/auth/login', { body: ADMIN }),
  );
  return body.accessToken;
}

export interface JobView {
  id: string;
  state: string;
  progress: number;
  attempts: number;
  failedReason?: string;
}

export async function job(base: string, token: string, jobId: string): Promise<JobView> {
  return expectStatus<JobView>(200, call(base, 'GET', `/api/jobs/${jobId}`, { token }));
}

/** Waits until the job completed (fails at once if it failed). */
export async function jobCompleted(
  base: string,
  token: string,
  jobId: string,
  timeoutMs = 60_000,
): Promise<JobView> {
  let last: JobView | undefined;
  await waitUntil(
    `job ${jobId} completed (last seen: ${JSON.stringify(last)})`,
    async () => {
      last = await job(base, token, jobId);
      if (last.state === 'failed') throw new Error(`job failed: ${last.failedReason}`);
      return last.state === 'completed';
    },
    timeoutMs,
  );
  return last!;
}

/**
 * A video session between Hong Kong and Canadian firms, two hours of 10-minute slots starting
 * tomorrow, requests open until it ends.
 */
export async function videoSession(
  base: string,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const startsAt = new Date(Date.now() + 24 * 3600_000);
  startsAt.setUTCMinutes(0, 0, 0);
  const endsAt = new Date(startsAt.getTime() + 2 * 3600_000).toISOString();
  const body = await expectStatus<{ id: string }>(
    201,
    call(base, 'POST', '/api/sessions', {
      token,
      body: {
        title: `Fault session ${Math.random().toString(36).slice(2, 8)}`,
        mode: 'video',
        timezone: 'Asia/Hong_Kong',
        startsAt: startsAt.toISOString(),
        endsAt,
        slotMinutes: 10,
        maxMeetingsPerCompany: 3,
        requestDeadline: endsAt,
        sides: [['HK'], ['CA']],
        ...overrides,
      },
    }),
  );
  return body.id;
}

const OFFERS = [
  'nfc payment terminals',
  'fraud detection',
  'mobile wallets',
  'card personalisation',
  'cloud hosting',
  'penetration testing',
  'e-commerce platforms',
];
const SEEKS = [
  'distribution in north america',
  'resellers in asia',
  'payment partners',
  'security audits',
  'investors',
  'system integrators',
  'mobile operators',
];
const SECTORS = [
  'smart-cards-payments',
  'information-security',
  'e-commerce',
  'wireless-mobile',
  'fintech',
];

/**
 * `count` verified companies, half Hong Kong and half Canadian, with varied profiles, written
 * straight into PostgreSQL (signing up thousands through the API would take minutes), and made
 * participants of `sessionId`. Returns their ids.
 */
export async function insertParticipants(
  env: FaultEnv,
  sessionId: string,
  count: number,
  label: string,
): Promise<string[]> {
  const rows = await env.query<{ id: string }>(
    `INSERT INTO companies (name, country, city, sectors, offers, seeks, partner_types, target_markets,
                            languages, timezone, employees, status, version, indexed_version)
     SELECT $1 || ' ' || i,
            CASE WHEN i % 2 = 0 THEN 'HK' ELSE 'CA' END,
            CASE WHEN i % 2 = 0 THEN 'Hong Kong' ELSE 'Toronto' END,
            ARRAY[($4::text[])[1 + i % 5], ($4::text[])[1 + (i / 5) % 5]],
            ARRAY[($2::text[])[1 + i % 7], ($2::text[])[1 + (i / 7) % 7]],
            ARRAY[($3::text[])[1 + (i / 3) % 7]],
            ARRAY['distributor'],
            CASE WHEN i % 2 = 0 THEN ARRAY['CA'] ELSE ARRAY['HK'] END,
            ARRAY['en'],
            CASE WHEN i % 2 = 0 THEN 'Asia/Hong_Kong' ELSE 'America/Toronto' END,
            '10-49', 'verified', 1, 1
       FROM generate_series(1, $5::int) AS i
     RETURNING id`,
    [label, OFFERS, SEEKS, SECTORS, count],
  );
  const ids = rows.map((row) => row.id);
  await env.query(
    `INSERT INTO session_participants (session_id, company_id) SELECT $1, unnest($2::uuid[])`,
    [sessionId, ids],
  );
  return ids;
}

/** A firm's user: signed up through the API, owner of a verified company that joined the session. */
export async function memberInSession(
  base: string,
  adminTokenValue: string,
  sessionId: string,
  country: 'HK' | 'CA',
): Promise<{ token: string; companyId: string; userId: string }> {
  const suffix = Math.random().toString(36).slice(2, 8);
  const account = await expectStatus<{ accessToken: string; user: { id: string } }>(
    201,
    call(base, 'POST', '/api/auth/register', {
      body: {
        email: `firm-${suffix}@fault.example`,
        password: 'a-good-long-password',
        name: `Firm ${suffix}`,
      },
    }),
  );
  const token = account.accessToken;
  const company = await expectStatus<{ id: string }>(
    201,
    call(base, 'POST', '/api/companies', {
      token,
      body: {
        name: `Live Firm ${suffix}`,
        country,
        city: country === 'HK' ? 'Hong Kong' : 'Toronto',
        sectors: ['smart-cards-payments'],
        offers: ['nfc payment terminals'],
        seeks: ['distribution in north america'],
        partnerTypes: ['distributor'],
        targetMarkets: [country === 'HK' ? 'CA' : 'HK'],
        languages: ['en'],
        timezone: country === 'HK' ? 'Asia/Hong_Kong' : 'America/Toronto',
        employees: '10-49',
      },
    }),
  );
  await expectStatus(
    200,
    call(base, 'POST', `/api/companies/${company.id}/verification`, {
      token: adminTokenValue,
      body: { status: 'verified' },
    }),
  );
  await expectStatus(
    201,
    call(base, 'POST', `/api/sessions/${sessionId}/participants`, {
      token,
      body: { companyId: company.id },
    }),
  );
  return { token, companyId: company.id, userId: account.user.id };
}
