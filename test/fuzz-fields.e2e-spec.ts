import fc from 'fast-check';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { HttpExceptionFilter } from '../src/common/http-exception.filter';
import { newSecretToken } from '../src/common/secret-token';
import { encodeCursor } from '../src/common/keyset';
import { signUnsubscribeKey } from '../src/notifications/unsubscribe-key';
import { accountLink, invitationLink } from './support/account-mail';
import { startWorker, testConfig } from './support/app';
import { sentFollowUp } from './support/follow-ups';
import { companyInput, delegationInput, PASSWORD, unique, useApi } from './support/client';
import { changedTables, tableSnapshotter, type TableSnapshot } from './support/db-snapshot';
import { errorShapeProblem, rawRequest, safeEncode, type Answer } from './support/http';
import { LiveClients, listen } from './support/live';
import {
  exampleOf,
  fieldPaths,
  formatPath,
  jsonBodySchema,
  withField,
  type FieldPath,
  type OpenApiDocument,
  type OpenApiOperation,
} from './support/openapi';
import { queueLengths, queuesIdle } from './support/queue-lengths';
import { buildWorld, documentedRoutes, type RouteKey, type World } from './support/world';

/**
 * Field by field: every route of the app's OpenAPI document and every live event starts from a
 * valid body (its schema's examples and the world's real ids, with the overrides of `BASES`), and
 * one field at a time (nested ones and array items too) is set to each of `HOSTILE` (every JSON
 * type, null, NUL bytes, lone surrogates, huge, negative and fractional numbers, far dates, long
 * strings, deep and long arrays) or left out; query and path parameters likewise. On every
 * answer: never a 5xx; a 4xx in the error shape, a 400 naming the field; no body over 1 MiB;
 * nothing stored on a refusal (every table fingerprinted before and after, with the queues idle);
 * a stored session that can still be read and whose weights are whole; no queue over 1,000 jobs
 * (the real worker runs in this process). Findings are collected and the suite fails with the
 * distinct ones. `FUZZ_SEED` replays the random extra runs, `FUZZ_RUNS` sets how many,
 * `FUZZ_REPORT=<file>` writes the findings there too.
 */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const EXTRA_RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const MAX_RESPONSE_BYTES = 1024 * 1024;
const MAX_QUEUE_LENGTH = 1000;
/** Slots beyond which a session's `GET` is certain to pass MAX_RESPONSE_BYTES: not read, reported. */
const MAX_SLOTS_READ = 100_000;
const HOUR = 3_600_000;

/** A value for one field: its JSON text, sent as is (so `-0` and lone surrogates survive). */
interface Hostile {
  kind: string;
  /** Undefined: the field is left out. */
  json: string | undefined;
}

const FAR_DATES = ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z'];
const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

/** The fixed list every field gets, in this order. */
const HOSTILE: Hostile[] = [
  { kind: 'missing', json: undefined },
  { kind: 'null', json: 'null' },
  { kind: 'true', json: 'true' },
  { kind: 'false', json: 'false' },
  { kind: '0', json: '0' },
  { kind: '-0', json: '-0' },
  { kind: '-1', json: '-1' },
  { kind: '0.5', json: '0.5' },
  { kind: '1e308', json: '1e308' },
  { kind: '-1e308', json: '-1e308' },
  { kind: '2**53+1', json: '9007199254740993' },
  { kind: 'empty string', json: '""' },
  { kind: 'NUL', json: JSON.stringify('a\u0000b') },
  { kind: 'lone high surrogate', json: '"a\\ud800b"' },
  { kind: 'lone low surrogate', json: '"a\\udc00b"' },
  { kind: '100k chars', json: JSON.stringify('x'.repeat(100_000)) },
  { kind: 'number string', json: '"12"' },
  { kind: '{}', json: '{}' },
  { kind: 'object', json: '{"a":"b"}' },
  { kind: '[]', json: '[]' },
  { kind: '[[]]', json: '[[]]' },
  { kind: '[null]', json: '[null]' },
  { kind: '[NUL]', json: JSON.stringify(['a\u0000b']) },
  { kind: 'deep array', json: deep(40) },
  { kind: '10k items', json: JSON.stringify(Array.from({ length: 10_000 }, (_, i) => `x${i}`)) },
  { kind: 'date 0001', json: JSON.stringify(FAR_DATES[0]) },
  { kind: 'date 1970', json: '"1970-01-01T00:00:00Z"' },
  { kind: 'date 9999', json: JSON.stringify(FAR_DATES[1]) },
  { kind: 'date 2030', json: '"2030-01-01T00:00:00Z"' },
];

/** Values that are wrong for any field by themselves: a 400 must name the field (or its parent). */
const NAMED_KINDS = new Set([
  'null',
  'NUL',
  'lone high surrogate',
  'lone low surrogate',
  '100k chars',
  '[[]]',
  '[null]',
  '[NUL]',
  'deep array',
  '10k items',
]);

/** Query and path values, already encoded: raw escapes included (a lone surrogate's bytes). */
const HOSTILE_QUERY: Hostile[] = [
  { kind: 'missing', json: undefined },
  { kind: 'empty', json: '' },
  { kind: '%00', json: '%00' },
  { kind: 'a%00b', json: 'a%00b' },
  { kind: 'lone surrogate bytes', json: '%ED%A0%80' },
  { kind: 'lone surrogate', json: safeEncode('a\ud800b') },
  { kind: 'overlong NUL', json: '%C0%80' },
  { kind: 'byte FF', json: '%FF' },
  { kind: 'broken escape', json: '%zz' },
  { kind: '-1', json: '-1' },
  { kind: '-0', json: '-0' },
  { kind: '0.5', json: '0.5' },
  { kind: '1e308', json: '1e308' },
  { kind: '2**53+1', json: '9007199254740993' },
  { kind: 'null', json: 'null' },
  { kind: 'true', json: 'true' },
  { kind: '10k chars', json: 'x'.repeat(10_000) },
  { kind: 'date 1970', json: '1970-01-01T00%3A00%3A00Z' },
  { kind: 'unicode', json: safeEncode('ＡＢＣ🙂') },
];

/** A query parameter given twice, or as an object: `?x=a&x=b`, `?x[a]=b`. */
const REPEATED_QUERY = ['twice', 'bracketed'] as const;

type Caller = 'admin' | 'organiser' | 'owner' | 'partner' | 'anonymous';

/** What a route is tried with: who calls, its path ids, a valid body and query. */
interface Base {
  caller: Caller;
  params?: Record<string, string>;
  body?: Record<string, unknown>;
  query?: Record<string, string>;
}

/** The records of this suite's own that routes act on (rebuilt after a write changes them). */
interface Targets {
  sessionId: string;
  companyId: string;
  delegationId: string;
  userId: string;
}

describe('fuzz, field by field: every field of every route and live event', () => {
  const client = useApi();
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let world: World;
  let document: OpenApiDocument;
  let routes: RouteKey[];
  let baseUrl: string;
  let redis: Redis;
  let snapshot: () => Promise<TableSnapshot>;
  let targets: Targets;
  /** Session windows of years are accepted (seen by the probe): far dates would build millions of slots. */
  let unboundedWindows = false;
  const findings = new Map<string, string>();
  /** The error filter, watched: the real cause of a 500, which the answer hides as it should. */
  let toBody: jest.SpiedFunction<HttpExceptionFilter['toBody']>;
  const causeOf = (answer: Answer): string | undefined => {
    const id = String((answer.headers['x-request-id'] as string | undefined) ?? '');
    const call = toBody.mock.calls.findLast(([, correlationId]) => correlationId === id);
    if (!call) return undefined;
    const error = call[0] as Error | undefined;
    return `${error?.name}: ${error?.message}`;
  };
  const crashes: unknown[] = [];
  const onCrash = (error: unknown) => crashes.push(error);
  let cases = 0;
  /** Milliseconds spent per route, for the log: where the suite's time goes. */
  const timings = new Map<string, number>();
  /** Bases the app refused as they were (some by design: feedback before a meeting began). */
  const refusedBases: string[] = [];
  /** The fingerprints after the last refusal: still current while nothing was written since. */
  let lastSnapshot: TableSnapshot | undefined;

  const token = (caller: Caller) =>
    caller === 'anonymous' ? undefined : world[caller].accessToken;

  /** A record of one distinct problem: route, field, value kind, status, what went wrong. */
  const finding = (
    where: { method: string; route: string; field: string; kind: string },
    status: number | string,
    problem: string,
  ) => {
    const line = `${where.method} ${where.route} | ${where.field} | ${where.kind} | ${status} | ${problem}`;
    if (!findings.has(line)) findings.set(line, line);
  };

  /** Session window and steps of the suite's sessions: 6-hour steps keep a 1970 start readable. */
  const sessionBody = (): Record<string, unknown> => {
    const start = Math.ceil((Date.now() + 2 * 24 * HOUR) / HOUR) * HOUR;
    return {
      title: unique('Fuzz session'),
      description: 'Hong Kong and Canadian ICT firms, by video.',
      mode: 'video',
      timezone: 'Asia/Hong_Kong',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 12 * HOUR).toISOString(),
      slotMinutes: 240,
      breakMinutes: 120,
      maxMeetingsPerCompany: 2,
      crossBorderOnly: true,
      sides: [['HK'], ['CA']],
      tables: 4,
      requestDeadline: new Date(start - HOUR).toISOString(),
      followUpMonths: [3, 6],
      weights: {
        complementarity: 0.3,
        sector: 0.2,
        partnerType: 0.1,
        market: 0.2,
        language: 0.1,
        timeOverlap: 0.1,
      },
    };
  };
  const delegationBody = (): Record<string, unknown> =>
    delegationInput({
      title: unique('Fuzz mission'),
      startsOn: '2032-06-07',
      endsOn: '2032-06-11',
    });

  /** A new account's link of `purpose` (to the address it names): the token. */
  const freshLink = async (purpose: 'password-reset' | 'email-verification' | 'email-change') => {
    const account = await client.signUp();
    const email = purpose === 'email-change' ? `${unique('new')}@example.org` : account.user.email;
    return accountLink(client.app, account.user.id, purpose, email);
  };

  /** A verified Hong Kong company of the owner's, new each time. */
  const freshCompany = async () =>
    (await client.verifiedCompany(world.owner.accessToken, world.organiser.accessToken)).id;

  /** The suite's own records, all of them or the one a success has changed. */
  const rebuildTargets = async (only?: keyof Targets): Promise<Targets> => {
    lastSnapshot = undefined;
    const organiser = client.as(world.organiser.accessToken);
    const make: Record<keyof Targets, () => Promise<string>> = {
      sessionId: async () =>
        (await organiser.post('/api/sessions').send(sessionBody()).expect(201)).body.id as string,
      companyId: async () => (await client.company(world.owner.accessToken)).id,
      delegationId: async () =>
        (await organiser.post('/api/delegations').send(delegationBody()).expect(201)).body
          .id as string,
      userId: async () => (await client.signUp()).user.id,
    };
    const rebuilt = { ...targets };
    for (const key of Object.keys(make) as (keyof Targets)[]) {
      if (only === undefined || only === key) rebuilt[key] = await make[key]();
    }
    return rebuilt;
  };

  /** After a success on `route`: its target is built again when the success used it up. */
  const rebuildAfter = async (route: RouteKey) => {
    const target = REBUILD[route];
    if (target) targets = await rebuildTargets(target);
  };

  /** The owner's firm's conversation with the partner's firm, made on first use. */
  let conversationId: string | undefined;
  const conversation = async (): Promise<string> => {
    conversationId ??= (
      await client
        .as(world.owner.accessToken)
        .post('/api/conversations')
        .send({ fromCompanyId: world.companyId, toCompanyId: world.otherCompanyId, text: 'Hi' })
        .expect(201)
    ).body.conversation.id as string;
    return conversationId;
  };

  /** A seminar a week ahead, new each time (a base's success may fill or change it). */
  const seminarBody = (): Record<string, unknown> => {
    const startsAt = Date.now() + 7 * 24 * HOUR;
    return {
      title: unique('Fuzz seminar'),
      kind: 'seminar',
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 3 * HOUR).toISOString(),
      timezone: 'Asia/Hong_Kong',
      venue: 'HKCEC Room S421',
      videoUrl: 'https://meet.example.org/fuzz',
      capacity: 40,
      partnerId: null,
      agreementId: null,
      description: 'Smart cards and e-payment.',
    };
  };
  const seminar = async (): Promise<string> =>
    (
      await client
        .as(world.organiser.accessToken)
        .post('/api/seminars')
        .send(seminarBody())
        .expect(201)
    ).body.id as string;
  /** The owner's seat at a new seminar: the seminar, the registration and its code. */
  const seat = async (): Promise<{ seminarId: string; id: string; code: string }> => {
    const seminarId = await seminar();
    const taken = await client
      .as(world.owner.accessToken)
      .post(`/api/seminars/${seminarId}/registrations`)
      .send({ companyId: world.companyId })
      .expect(201);
    return { seminarId, id: taken.body.id as string, code: taken.body.checkInCode as string };
  };
  /** A sent follow-up survey of the owner's firm (a closed session of its own), made once. */
  let sentSurvey: Awaited<ReturnType<typeof sentFollowUp>> | undefined;
  const followUp = async () =>
    (sentSurvey ??= await sentFollowUp(
      client,
      world.organiser.accessToken,
      world.companyId,
      world.otherCompanyId,
    ));
  /** A partner economy (Iceland) with one agreement, made on first use by the organiser. */
  let partnerLink: { partnerId: string; agreementId: string } | undefined;
  const partner = async (): Promise<{ partnerId: string; agreementId: string }> => {
    if (!partnerLink) {
      const org = client.as(world.organiser.accessToken);
      const partnerId = (
        await org.post('/api/partners').send({ country: 'IS', name: 'Iceland' }).expect(201)
      ).body.id as string;
      const agreementId = (
        await org
          .post(`/api/partners/${partnerId}/agreements`)
          .send({ title: 'Fuzz MOU', signedOn: '2020-01-01', expiresOn: '2030-01-01' })
          .expect(201)
      ).body.id as string;
      partnerLink = { partnerId, agreementId };
    }
    return partnerLink;
  };
  /** Countries for partner economies the fuzz creates: one per country, so each gets its own. */
  const fuzzCountries =
    'AD AE AF AG AL AM AO AT AZ BA BB BD BE BF BG BH BI BJ BN BO BS BT BW BY BZ CD CF CG CI CM CO CR CU CV CY CZ DJ DK DM DO DZ EC EE EG ER ES ET FJ GA GD GE GH GM GN GQ GR GT GW GY HN HR HT HU IQ IR JM JO KE KG KH KM KN KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MK ML MM MN MR MT MU MV MW MZ NA NE NG NI NP NR OM PA PE PG PK PL PT PW PY QA RO RS RU RW SA SB SC SD SE SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TJ TL TM TN TO TR TT TV TZ UA UG UY UZ VA VC VE VU WS YE ZM ZW'.split(
      ' ',
    );
  let fuzzCountry = 0;

  /** A post on the opportunities board by the owner's firm (or the partner's), new each time. */
  const opportunity = async (by: 'owner' | 'partner' = 'owner'): Promise<string> =>
    (
      await client
        .as(world[by].accessToken)
        .post('/api/opportunities')
        .send({
          kind: 'offer',
          title: unique('Fuzz terminals'),
          description: 'Payment terminals for Canadian retail.',
          sectors: ['smart-cards-payments'],
          countries: ['CA'],
          companyId: by === 'owner' ? world.companyId : world.otherCompanyId,
        })
        .expect(201)
    ).body.id as string;

  /**
   * The valid base of every route with a body or a query: the one table of hand-written bases.
   * A route missing here is still fuzzed, from its schema's examples alone, as the owner.
   */
  const BASES: Partial<Record<RouteKey, () => Base | Promise<Base>>> = {
    'POST /api/users': () => ({
      caller: 'admin',
      body: { email: `${unique('fuzz')}@example.org`, password: PASSWORD, role: 'organiser' },
    }),
    'PATCH /api/users/{id}': () => ({
      caller: 'admin',
      params: { id: targets.userId },
      body: { disabled: false },
    }),
    'GET /api/users': () => ({ caller: 'admin', query: { q: 'fuzz', role: 'member' } }),
    'POST /api/auth/login': () => ({
      caller: 'anonymous',
      body: { email: world.owner.user.email, password: PASSWORD },
    }),
    'POST /api/auth/register': () => ({
      caller: 'anonymous',
      body: {
        email: `${unique('fuzz')}@example.org`,
        password: PASSWORD,
        language: 'zh-Hant',
        timezone: 'Asia/Hong_Kong',
      },
    }),
    'PATCH /api/users/me/settings': () => ({
      caller: 'owner',
      body: {
        language: 'en',
        timezone: 'America/Toronto',
        reminders: [1440, 15],
        notifications: { 'request.received': 'email', announcement: 'in-app' },
      },
    }),
    'GET /api/notifications': () => ({
      caller: 'owner',
      query: {
        unread: 'true',
        page: '1',
        pageSize: '10',
        after: encodeCursor('notifications', ['2032-06-08T07:00:00Z', world.companyId]),
      },
    }),
    // No cursor in the base: a `q` makes the order the search's, where a cursor of the name order
    // is rightly refused (400 naming `after`, not the fuzzed `q`).
    'GET /api/companies': () => ({
      caller: 'owner',
      query: { page: '1', pageSize: '10', country: 'CA' },
    }),
    'GET /api/sessions/{id}/participants': () => ({
      caller: 'owner',
      params: { id: world.sessionId },
      query: {
        page: '1',
        pageSize: '10',
        after: encodeCursor('participants', ['Fuzz', world.companyId]),
      },
    }),
    'POST /api/notifications/read': () => ({ caller: 'owner', body: { all: true } }),
    'GET /api/unsubscribe': () => ({
      caller: 'anonymous',
      query: {
        key: signUnsubscribeKey(testConfig().jwtSecret, world.owner.user.id, 'announcement'),
      },
    }),
    'POST /api/unsubscribe': () => ({
      caller: 'anonymous',
      query: {
        key: signUnsubscribeKey(testConfig().jwtSecret, world.owner.user.id, 'announcement'),
      },
    }),
    'GET /api/follow-ups/{key}': async () => ({
      caller: 'anonymous',
      params: { key: (await followUp()).key },
    }),
    'POST /api/follow-ups/{key}': async () => {
      const { key, meetingId } = await followUp();
      return {
        caller: 'anonymous',
        params: { key },
        body: {
          answers: [
            { meetingId, outcome: 'agreement-signed', valueBand: '100k-1m', note: 'Signed' },
          ],
        },
      };
    },
    'GET /api/sessions/{id}/follow-ups': async () => ({
      caller: 'organiser',
      params: { id: (await followUp()).sessionId },
    }),
    'POST /api/auth/password-reset': () => ({
      caller: 'anonymous',
      body: { email: `${unique('fuzz-forgot')}@example.org` },
    }),
    'POST /api/auth/password-reset/confirm': async () => ({
      caller: 'anonymous',
      body: { token: await freshLink('password-reset'), password: 'a-new-long-password' },
    }),
    // A right password would sign the partner out of the suite: the wrong one is tried.
    'POST /api/auth/password': () => ({
      caller: 'partner',
      body: { currentPassword: 'not-the-password', newPassword: 'a-new-long-password' },
    }),
    'POST /api/auth/email-verification/confirm': async () => ({
      caller: 'anonymous',
      body: { token: await freshLink('email-verification') },
    }),
    // Not the partner, whose wrong passwords above lock their password checks for 15 minutes.
    'POST /api/auth/email': () => ({
      caller: 'organiser',
      body: { email: `${unique('fuzz-moved')}@example.org`, currentPassword: PASSWORD },
    }),
    'POST /api/auth/email/confirm': async () => ({
      caller: 'anonymous',
      body: { token: await freshLink('email-change') },
    }),
    'POST /api/companies/{id}/invitations': () => ({
      caller: 'owner',
      params: { id: targets.companyId },
      body: { email: `${unique('fuzz-invited')}@example.org`, role: 'member' },
    }),
    'PATCH /api/companies/{id}/members/{userId}': () => ({
      caller: 'owner',
      params: { id: targets.companyId, userId: world.owner.user.id },
      body: { role: 'owner' },
    }),
    'DELETE /api/companies/{id}/members/{userId}': () => ({
      caller: 'owner',
      params: { id: targets.companyId, userId: world.partner.user.id },
    }),
    'DELETE /api/companies/{id}/invitations/{invitationId}': async () => {
      const email = `${unique('fuzz-withdrawn')}@example.org`;
      await invitationLink(client.app, targets.companyId, email);
      const [{ id }] = await client.app
        .get(DataSource)
        .query<{ id: string }[]>(
          'SELECT id FROM company_invitations WHERE company_id = $1 AND email = $2',
          [targets.companyId, email],
        );
      return { caller: 'owner', params: { id: targets.companyId, invitationId: id } };
    },
    'POST /api/invitations/accept': async () => ({
      caller: 'owner',
      body: {
        token: await invitationLink(
          client.app,
          (await client.company(world.partner.accessToken)).id,
          `${unique('fuzz-i')}@example.org`,
        ),
      },
    }),
    'POST /api/companies': () => ({ caller: 'owner', body: companyInput() }),
    'PATCH /api/companies/{id}': () => ({
      caller: 'owner',
      params: { id: targets.companyId },
      body: companyInput(),
    }),
    'POST /api/companies/{id}/verification': () => ({
      caller: 'organiser',
      params: { id: targets.companyId },
      body: { status: 'verified' },
    }),
    'POST /api/delegations': () => ({ caller: 'organiser', body: delegationBody() }),
    'PATCH /api/delegations/{id}': () => ({
      caller: 'organiser',
      params: { id: targets.delegationId },
      body: delegationBody(),
    }),
    'POST /api/delegations/{id}/itinerary': () => ({
      caller: 'organiser',
      params: { id: targets.delegationId },
      body: {
        kind: 'seminar',
        title: 'Market briefing',
        location: 'Otakaari 1, Espoo',
        startsAt: '2032-06-08T07:00:00.000Z',
        endsAt: '2032-06-08T09:00:00.000Z',
      },
    }),
    'DELETE /api/delegations/{id}/itinerary/{itemId}': () => ({
      caller: 'organiser',
      params: { id: world.delegationId, itemId: world.itemId },
    }),
    'POST /api/delegations/{id}/applications': async () => ({
      caller: 'owner',
      params: { id: targets.delegationId },
      body: { companyId: await freshCompany() },
    }),
    'PATCH /api/delegations/{id}/applications/{applicationId}': () => ({
      caller: 'organiser',
      params: { id: world.delegationId, applicationId: world.applicationId },
      body: { status: 'accepted' },
    }),
    'POST /api/sessions': () => ({ caller: 'organiser', body: sessionBody() }),
    'PATCH /api/sessions/{id}': () => {
      const { title: _title, ...body } = sessionBody();
      return { caller: 'organiser', params: { id: targets.sessionId }, body };
    },
    'POST /api/sessions/{id}/participants': async () => {
      const start = Date.parse(sessionBody().startsAt as string);
      return {
        caller: 'owner',
        params: { id: targets.sessionId },
        body: {
          companyId: await freshCompany(),
          availability: [
            { from: new Date(start).toISOString(), to: new Date(start + 6 * HOUR).toISOString() },
          ],
        },
      };
    },
    'PATCH /api/sessions/{id}/participants/{companyId}': () => ({
      caller: 'owner',
      params: { id: world.sessionId, companyId: world.companyId },
      body: { availability: [] },
    }),
    'DELETE /api/sessions/{id}/participants/{companyId}': async () => {
      const leaving = await freshCompany();
      await client.join(world.owner.accessToken, world.sessionId, leaving);
      return { caller: 'owner', params: { id: world.sessionId, companyId: leaving } };
    },
    'POST /api/sessions/{id}/invitations': () => ({
      caller: 'organiser',
      params: { id: targets.sessionId },
      body: { email: `${unique('fuzz-firm')}@example.org`, companyName: 'Northwind Wireless' },
    }),
    'GET /api/sessions/{id}/invitations': () => ({
      caller: 'organiser',
      params: { id: targets.sessionId },
    }),
    'POST /api/session-invitations/accept': async () => {
      const { token, hash } = newSecretToken();
      await client.app.get(DataSource).query(
        `INSERT INTO session_invitations (session_id, email, token_hash, expires_at)
         VALUES ($1, $2, $3, now() + interval '1 day')`,
        [targets.sessionId, `${unique('fuzz-s')}@example.org`, hash],
      );
      return { caller: 'owner', body: { token } };
    },
    // With a window: the whole session (which holds its slots).
    'POST /api/sessions/{id}/requests': async () => {
      const from = await freshCompany();
      await client.join(world.owner.accessToken, world.sessionId, from);
      const session = await client
        .as(world.owner.accessToken)
        .get(`/api/sessions/${world.sessionId}`)
        .expect(200);
      return {
        caller: 'owner',
        params: { id: world.sessionId },
        body: {
          fromCompanyId: from,
          toCompanyId: world.otherCompanyId,
          message: 'We would like to discuss distribution in Ontario.',
          window: { from: session.body.startsAt, to: session.body.endsAt },
        },
      };
    },
    // A fresh pending request each time, declined with a reason (which is sent as a message).
    'PATCH /api/sessions/{id}/requests/{requestId}': async () => {
      const from = await freshCompany();
      await client.join(world.owner.accessToken, world.sessionId, from);
      const request = await client
        .as(world.owner.accessToken)
        .post(`/api/sessions/${world.sessionId}/requests`)
        .send({ fromCompanyId: from, toCompanyId: world.otherCompanyId })
        .expect(201);
      return {
        caller: 'partner',
        params: { id: world.sessionId, requestId: request.body.id },
        body: { status: 'declined', reason: 'We are fully booked that day.' },
      };
    },
    'GET /api/sessions/{id}/matches': () => ({
      caller: 'owner',
      query: {
        companyId: world.companyId,
        page: '1',
        pageSize: '5',
        minScore: '0',
        country: 'CA',
        sector: 'fintech',
        preference: 'interested',
        includeHidden: 'true',
        after: encodeCursor('matches', [50, world.otherCompanyId]),
      },
    }),
    'GET /api/conversations': () => ({ caller: 'owner', query: { companyId: world.companyId } }),
    'POST /api/conversations': () => ({
      caller: 'owner',
      body: { fromCompanyId: world.companyId, toCompanyId: world.otherCompanyId, text: 'Hello' },
    }),
    'GET /api/conversations/{id}/messages': async () => ({
      caller: 'owner',
      params: { id: await conversation() },
      query: { limit: '5', before: '2032-06-08T07:00:00Z' },
    }),
    'POST /api/conversations/{id}/messages': async () => ({
      caller: 'partner',
      params: { id: await conversation() },
      body: { companyId: world.otherCompanyId, text: 'Hello back' },
    }),
    'POST /api/conversations/{id}/read': async () => ({
      caller: 'owner',
      params: { id: await conversation() },
      body: { companyId: world.companyId },
    }),
    'POST /api/partners': () => ({
      caller: 'organiser',
      body: {
        country: fuzzCountries[fuzzCountry++ % fuzzCountries.length],
        name: 'Partner economy',
        agencies: ['Ministry of Trade'],
        priorityAreas: ['e-commerce'],
        notes: 'Cooperation since 1998.',
      },
    }),
    'GET /api/partners/{id}': async () => ({
      caller: 'owner',
      params: { id: (await partner()).partnerId },
    }),
    'PATCH /api/partners/{id}': async () => ({
      caller: 'organiser',
      params: { id: (await partner()).partnerId },
      body: {
        name: 'Iceland',
        agencies: ['Ministry of Industries'],
        priorityAreas: ['e-government'],
        notes: null,
      },
    }),
    'POST /api/partners/{id}/agreements': async () => ({
      caller: 'organiser',
      params: { id: (await partner()).partnerId },
      body: {
        title: 'MOU on ICT cooperation',
        signedOn: '1998-05-18',
        expiresOn: '2003-05-17',
        counterpart: 'Ministry of Industries',
        priorityAreas: ['e-commerce'],
        forms: ['seminars'],
        documentUrl: 'https://example.is/mou.pdf',
        status: 'active',
      },
    }),
    'GET /api/partners/{id}/activities': async () => ({
      caller: 'organiser',
      params: { id: (await partner()).partnerId },
      query: { year: '2030' },
    }),
    'PATCH /api/agreements/{id}': async () => ({
      caller: 'organiser',
      params: { id: (await partner()).agreementId },
      body: {
        title: 'MOU on ICT cooperation',
        signedOn: '2020-01-01',
        expiresOn: '2030-01-01',
        documentUrl: null,
        status: 'active',
      },
    }),
    'POST /api/opportunities': () => ({
      caller: 'owner',
      body: {
        kind: 'offer',
        title: 'NFC terminals for Canadian retail',
        description: 'Certified terminals, with after-sales service.',
        sectors: ['smart-cards-payments'],
        countries: ['CA'],
        partnerTypes: ['distributor'],
        deadline: new Date(Date.now() + 30 * 24 * HOUR).toISOString(),
        link: 'https://example.hk/terminals',
        companyId: world.companyId,
        // The schema's example names a partner economy, which only organisers' posts have.
        partnerCountry: null,
      },
    }),
    'GET /api/opportunities': () => ({
      caller: 'owner',
      query: {
        companyId: world.companyId,
        q: 'terminals',
        kind: 'offer',
        sector: 'smart-cards-payments',
        country: 'CA',
        page: '1',
        pageSize: '5',
      },
    }),
    'GET /api/opportunities/{id}': async () => ({
      caller: 'owner',
      params: { id: await opportunity() },
      query: { companyId: world.companyId },
    }),
    'PATCH /api/opportunities/{id}': async () => ({
      caller: 'owner',
      params: { id: await opportunity() },
      body: {
        title: 'NFC terminals for all of Canada',
        deadline: null,
        link: null,
        partnerCountry: null,
      },
    }),
    'DELETE /api/opportunities/{id}': async () => ({
      caller: 'owner',
      params: { id: await opportunity() },
    }),
    'POST /api/opportunities/{id}/interest': async () => ({
      caller: 'owner',
      params: { id: await opportunity('partner') },
      body: { companyId: world.companyId, message: 'We would like to talk.' },
    }),
    'GET /api/opportunities/{id}/interest': async () => ({
      caller: 'owner',
      params: { id: await opportunity() },
      query: { format: 'json' },
    }),
    'POST /api/seminars': () => ({ caller: 'organiser', body: seminarBody() }),
    'GET /api/seminars': () => ({
      caller: 'organiser',
      query: { when: 'upcoming', page: '1', pageSize: '5' },
    }),
    'GET /api/seminars/{id}': async () => ({ caller: 'owner', params: { id: await seminar() } }),
    'PATCH /api/seminars/{id}': async () => ({
      caller: 'organiser',
      params: { id: await seminar() },
      body: seminarBody(),
    }),
    'POST /api/seminars/{id}/registrations': async () => ({
      caller: 'owner',
      params: { id: await seminar() },
      body: { companyId: world.companyId },
    }),
    'GET /api/seminars/{id}/registrations': async () => ({
      caller: 'owner',
      params: { id: (await seat()).seminarId },
    }),
    'PATCH /api/seminars/{id}/registrations/{registrationId}': async () => {
      const taken = await seat();
      return {
        caller: 'owner',
        params: { id: taken.seminarId, registrationId: taken.id },
        body: { status: 'withdrawn' },
      };
    },
    'POST /api/seminars/{id}/check-in': async () => {
      const taken = await seat();
      return { caller: 'organiser', params: { id: taken.seminarId }, body: { code: taken.code } };
    },
    'GET /api/seminars/{id}/attendance.csv': async () => ({
      caller: 'organiser',
      params: { id: (await seat()).seminarId },
    }),
    // A partner economy to filter by: XZ, made once and found again on later runs.
    'GET /api/programme/report': async () => {
      const [partner] = await client.app.get(DataSource).query<{ id: string }[]>(
        `INSERT INTO partners (country, name) VALUES ('XZ', 'Fuzz economy')
         ON CONFLICT (country) DO UPDATE SET name = partners.name RETURNING id`,
      );
      return {
        caller: 'organiser',
        query: { year: '2031', partnerId: partner.id, format: 'json' },
      };
    },
    'PUT /api/sessions/{id}/preferences/{otherCompanyId}': () => ({
      caller: 'owner',
      params: { id: world.sessionId, otherCompanyId: world.otherCompanyId },
      body: { companyId: world.companyId, preference: 'must-meet' },
    }),
    'DELETE /api/sessions/{id}/preferences/{otherCompanyId}': () => ({
      caller: 'owner',
      params: { id: world.sessionId, otherCompanyId: world.otherCompanyId },
      query: { companyId: world.companyId },
    }),
    'GET /api/sessions/{id}/requests': () => ({
      caller: 'owner',
      query: { companyId: world.companyId },
    }),
    'GET /api/sessions/{id}/agenda': () => ({
      caller: 'owner',
      query: { companyId: world.companyId, timezone: 'America/Toronto' },
    }),
    'GET /api/sessions/{id}/agenda/feed': () => ({
      caller: 'owner',
      query: { companyId: world.companyId, timezone: 'America/Toronto' },
    }),
    'GET /api/sessions/{id}/agenda/gaps': () => ({
      caller: 'owner',
      query: { companyId: world.companyId, timezone: 'America/Toronto' },
    }),
    'GET /api/sessions/{id}/agenda.ics': () => ({
      caller: 'owner',
      query: { companyId: world.companyId, timezone: 'America/Toronto' },
    }),
    'GET /api/calendar/agenda.ics': () => ({
      caller: 'anonymous',
      query: { key: world.feedKey },
    }),
    'GET /api/sessions/{id}/report': () => ({
      caller: 'organiser',
      query: { format: 'json' },
    }),
    'GET /api/sessions/{id}/meetings.csv': () => ({ caller: 'organiser' }),
    'PATCH /api/meetings/{id}': () => ({
      caller: 'organiser',
      params: { id: world.meetingId },
      body: { fixed: true },
    }),
    'POST /api/sessions/{id}/schedule': () => ({
      caller: 'organiser',
      params: { id: world.sessionId },
      body: { draft: true },
    }),
    'GET /api/sessions/{id}/schedule/draft': () => ({ caller: 'organiser' }),
    'DELETE /api/sessions/{id}/schedule/draft': () => ({ caller: 'organiser' }),
    'POST /api/sessions/{id}/schedule/draft/publish': () => ({
      caller: 'organiser',
      params: { id: world.sessionId },
      body: { draftId: world.meetingId },
    }),
    // The world's pair meets already (409): every field still gets its 400 first.
    'POST /api/sessions/{id}/meetings': () => ({
      caller: 'organiser',
      params: { id: world.sessionId },
      body: { companyIds: [world.companyId, world.otherCompanyId], slotIndex: 0 },
    }),
    'POST /api/meetings/{id}/feedback': () => ({
      caller: 'owner',
      params: { id: world.meetingId },
      body: { rating: 4, outcome: 'follow-up', comment: 'Useful', companyId: world.companyId },
    }),
  };

  /** Path ids a route gets unless its base names them: the world's records, by name. */
  const defaultParams = (path: string): Record<string, string> => {
    const byPrefix: [RegExp, string][] = [
      [/^\/api\/users\//, world.owner.user.id],
      [/^\/api\/companies\//, world.companyId],
      [/^\/api\/delegations\//, world.delegationId],
      [/^\/api\/sessions\//, world.sessionId],
      [/^\/api\/meetings\//, world.meetingId],
      [/^\/api\/jobs\//, world.jobId],
    ];
    const id = byPrefix.find(([pattern]) => pattern.test(path))?.[1] ?? world.sessionId;
    return {
      id,
      itemId: world.itemId,
      applicationId: world.applicationId,
      requestId: world.requestId,
    };
  };

  /** The route's valid base, with the schema's examples under the hand-written overrides. */
  const baseOf = async (route: RouteKey, operation: OpenApiOperation): Promise<Base> => {
    const path = route.split(' ')[1];
    const schema = jsonBodySchema(document, operation);
    // A base may write (a new company to join with): the next write's snapshot is taken anew.
    lastSnapshot = undefined;
    const given = (await BASES[route]?.()) ?? { caller: 'owner' as const };
    const examples = schema ? (exampleOf(document, schema) as Record<string, unknown>) : undefined;
    return {
      caller: given.caller,
      params: { ...defaultParams(path), ...given.params },
      body: examples || given.body ? { ...examples, ...given.body } : undefined,
      query: given.query ?? {},
    };
  };

  const urlOf = (path: string, params: Record<string, string>, query: string) =>
    path.replace(/\{(\w+)\}/g, (_match, name: string) => params[name] ?? 'missing') +
    (query ? `?${query}` : '');

  const encodeQuery = (query: Record<string, string>) =>
    Object.entries(query)
      .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
      .join('&');

  /** Table fingerprints with the worker done: none of its work can pass for the write's. */
  const settledSnapshot = async () => {
    if (!(await queuesIdle(redis))) {
      finding(
        { method: '-', route: 'worker', field: '-', kind: '-' },
        '-',
        'queues not idle in 5 s',
      );
    }
    return snapshot();
  };

  interface Attempt {
    method: string;
    route: string;
    path: string;
    field: string;
    kind: string;
    url: string;
    caller: Caller;
    payload?: string;
  }

  /** Sends one case and records whatever breaks a property; the answer, for follow-ups. */
  const attempt = async (c: Attempt): Promise<Answer> => {
    cases += 1;
    const started = Date.now();
    const write = c.method !== 'GET';
    const before = write ? (lastSnapshot ?? (await settledSnapshot())) : undefined;
    const answer = await rawRequest(
      baseUrl,
      {
        method: c.method,
        url: c.url,
        token: token(c.caller),
        contentType: c.payload === undefined ? undefined : 'application/json',
        payload: c.payload,
      },
      MAX_RESPONSE_BYTES,
    );
    const body = answer.body as Record<string, unknown> | null;
    const message = () => {
      const text =
        (answer.status >= 500 ? causeOf(answer) : undefined) ??
        String(body?.message ?? answer.body);
      return text.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<uuid>').slice(0, 160);
    };
    if (answer.truncated) {
      finding(c, answer.status, `response over ${MAX_RESPONSE_BYTES} bytes`);
    }
    const problem = answer.truncated ? undefined : errorShapeProblem(answer);
    if (problem) finding(c, answer.status, `${problem}: ${message()}`);
    else if (
      answer.status === 400 &&
      !answer.truncated &&
      NAMED_KINDS.has(c.kind) &&
      c.field !== '-'
    ) {
      const named = Object.keys((body?.fields as object | undefined) ?? {});
      const field = c.field.replace(/^query |^path /, '');
      const related = named.some(
        (key) =>
          key === field ||
          key === 'body' ||
          field.startsWith(`${key}.`) ||
          field.startsWith(`${key}[`) ||
          key.startsWith(`${field}.`) ||
          key.startsWith(`${field}[`),
      );
      if (!related) finding(c, 400, `400 names ${named.join(', ')}, not the field`);
    }
    if (write && before) {
      if (answer.status >= 400) {
        const after = await settledSnapshot();
        const changed = changedTables(before, after);
        if (changed.length > 0)
          finding(c, answer.status, `stored on refusal: ${changed.join(', ')}`);
        lastSnapshot = after;
      } else lastSnapshot = undefined;
    }
    const key = `${c.method} ${c.route}`;
    timings.set(key, (timings.get(key) ?? 0) + Date.now() - started);
    return answer;
  };

  /** After a write succeeded: a stored session is readable and whole; queues stay bounded. */
  const afterSuccess = async (c: Attempt, answer: Answer) => {
    const body = answer.body as Record<string, unknown> | null;
    if (c.path.startsWith('/api/sessions') && typeof body?.startsAt === 'string') {
      const weights = body.weights as Record<string, unknown> | null | undefined;
      const names = [
        'complementarity',
        'sector',
        'partnerType',
        'market',
        'language',
        'timeOverlap',
      ];
      const broken = names.filter((name) => !Number.isFinite(weights?.[name]));
      if (broken.length > 0)
        finding(c, answer.status, `stored weights without ${broken.join(', ')}`);
      const span = Date.parse(String(body.endsAt)) - Date.parse(body.startsAt);
      const step = (Number(body.slotMinutes) + Number(body.breakMinutes)) * 60_000;
      const slots = step > 0 ? Math.floor(span / step) : Infinity;
      if (Date.parse(body.startsAt) < Date.UTC(2000, 0, 1)) {
        finding(c, answer.status, `stored a session starting ${body.startsAt}`);
      }
      if (slots > MAX_SLOTS_READ) {
        finding(c, answer.status, `stored a session of ${slots} slots (unbounded; not read)`);
      } else if (typeof body.id === 'string') {
        const read = await attempt({
          ...c,
          method: 'GET',
          url: `/api/sessions/${body.id}`,
          caller: 'organiser',
          payload: undefined,
          kind: `${c.kind}, then GET`,
        });
        if (read.truncated) finding(c, 'GET', `a session of ${slots} slots is over 1 MiB to read`);
      }
    }
    await checkQueues(c);
  };

  const reportedQueues = new Set<string>();
  const checkQueues = async (where: {
    method: string;
    route: string;
    field: string;
    kind: string;
  }) => {
    for (const [queue, length] of Object.entries(await queueLengths(redis))) {
      if (length.total > MAX_QUEUE_LENGTH && !reportedQueues.has(queue)) {
        reportedQueues.add(queue);
        // The count depends on when it is read (jobs are still being added): the log has it.
        console.log(`queue ${queue}: ${length.total} jobs (${length.delayed} delayed)`);
        finding(where, '-', `queue ${queue} holds over ${MAX_QUEUE_LENGTH} jobs`);
      }
    }
  };

  const suiteStartedAt = new Date();

  beforeAll(async () => {
    process.on('unhandledRejection', onCrash);
    process.on('uncaughtException', onCrash);
    toBody = jest.spyOn(HttpExceptionFilter.prototype, 'toBody');
    app = client.app;
    world = await buildWorld(client, startWorker);
    // The real worker, so that go-live, slot-clock, scoring and indexing jobs really run.
    worker = await startWorker();
    baseUrl = await listen(app);
    redis = new Redis(process.env.REDIS_URL ?? '');
    // Left out, as only the worker writes them, whenever its jobs run (a scoring job started by
    // an earlier success may finish during a later refusal): match_scores (scoring jobs) and the
    // columns of companies that the search indexer rewrites (normalised tags, search document).
    // Every write of the API to a company bumps its version and updated_at, which stay in.
    snapshot = await tableSnapshotter(app.get(DataSource), ['migrations', 'match_scores'], {
      companies: ['offers', 'seeks', 'search_document', 'indexed_version'],
    });
    document = (await rawRequest(baseUrl, { method: 'GET', url: '/api/docs/openapi.json' }))
      .body as OpenApiDocument;
    routes = documentedRoutes(document);
    targets = await rebuildTargets();
    console.log(`fuzz-fields seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
  }, 120_000);

  afterAll(async () => {
    process.off('unhandledRejection', onCrash);
    process.off('uncaughtException', onCrash);
    jest.restoreAllMocks();
    await worker?.close();
    redis?.disconnect();
    const lines = [...findings.values()].sort();
    if (process.env.FUZZ_REPORT) {
      writeFileSync(
        process.env.FUZZ_REPORT,
        `# fuzz-fields: ${lines.length} distinct findings in ${cases} cases, seed ${SEED}\n` +
          '# method route | field | value | status | problem\n' +
          `${lines.join('\n')}\n`,
      );
    }
  });

  it('probes whether a session may span years (2030 to 2036) and whether its read is bounded', async () => {
    // Far dates (years 1 and 9999) are sent to session windows only once this is refused: while
    // it is accepted they would build hundreds of millions of slots in the test's own process.
    for (const route of ['POST /api/sessions', 'PATCH /api/sessions/{id}'] as RouteKey[]) {
      const [method, path] = route.split(' ');
      const base = await baseOf(route, document.paths[path][method.toLowerCase()]);
      const body = {
        ...base.body,
        startsAt: new Date(Date.now() - HOUR).toISOString(),
        endsAt: '2036-01-01T00:00:00Z',
        requestDeadline: new Date(Date.now() + HOUR).toISOString(),
      };
      const c: Attempt = {
        method,
        route: path,
        path,
        field: 'startsAt+endsAt',
        kind: 'started an hour ago, ends 2036',
        url: urlOf(path, base.params ?? {}, ''),
        caller: base.caller,
        payload: JSON.stringify(body),
      };
      const answer = await attempt(c);
      if (answer.status < 300) {
        unboundedWindows = true;
        await afterSuccess(c, answer);
        targets = await rebuildTargets();
      }
    }
    expect(crashes).toEqual([]);
  });

  it('sends every hostile value to every field of every JSON body, one field at a time', async () => {
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      const operation = document.paths[path][method.toLowerCase()];
      if (method === 'GET' || !jsonBodySchema(document, operation)) continue;
      const first = await baseOf(route, operation);
      const fields = fieldPaths(document, jsonBodySchema(document, operation), first.body);
      expect([route, fields.length > 0]).toEqual([route, true]);
      // The base as it is, first: a refused base would leave its fields' cases untried.
      const plain = await attempt({
        method,
        route: path,
        path,
        field: '-',
        kind: 'valid base',
        url: urlOf(path, first.params ?? {}, encodeQuery(first.query ?? {})),
        caller: first.caller,
        payload: JSON.stringify(first.body),
      });
      if (plain.status >= 300) {
        refusedBases.push(`${route} ${plain.status} ${JSON.stringify(plain.body).slice(0, 200)}`);
      }
      let base: Base | undefined = plain.status < 300 ? undefined : first;
      if (plain.status < 300) await rebuildAfter(route);
      for (const field of fields) {
        for (const value of HOSTILE) {
          if (unboundedWindows && isWindowField(path, field) && value.kind.match(/0001|9999/)) {
            continue;
          }
          base ??= await baseOf(route, operation);
          const c: Attempt = {
            method,
            route: path,
            path,
            field: formatPath(field),
            kind: value.kind,
            url: urlOf(path, base.params ?? {}, encodeQuery(base.query ?? {})),
            caller: base.caller,
            payload: withField(base.body, field, value.json),
          };
          const answer = await attempt(c);
          // A success may have used the base up (a company joined): it is built again.
          if (answer.status < 300) {
            await afterSuccess(c, answer);
            await rebuildAfter(route);
            base = undefined;
          }
        }
      }
    }
    expect(crashes).toEqual([]);
  }, 600_000);

  it('sends every hostile value to every query and path parameter', async () => {
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      const operation = document.paths[path][method.toLowerCase()];
      const parameters = (operation.parameters ?? []).filter(
        (parameter) => parameter.in === 'query' || parameter.in === 'path',
      );
      if (parameters.length === 0) continue;
      const base = await baseOf(route, operation);
      for (const parameter of parameters) {
        const values: Hostile[] = [
          ...HOSTILE_QUERY,
          ...REPEATED_QUERY.map((kind) => ({ kind, json: kind })),
        ];
        for (const value of values) {
          if (parameter.in === 'path' && (value.json === undefined || value.json === '')) continue;
          if (parameter.in === 'path' && REPEATED_QUERY.includes(value.kind as never)) continue;
          const query = Object.entries(base.query ?? {})
            .filter(([name]) => name !== parameter.name)
            .map(([name, given]) => `${encodeURIComponent(name)}=${encodeURIComponent(given)}`);
          const params = { ...base.params };
          if (parameter.in === 'path') params[parameter.name] = value.json ?? '';
          else if (value.kind === 'twice') {
            query.push(`${parameter.name}=a`, `${parameter.name}=b`);
          } else if (value.kind === 'bracketed') query.push(`${parameter.name}[a]=b`);
          else if (value.json !== undefined) query.push(`${parameter.name}=${value.json}`);
          // Writes are sent with their valid body: only the parameter is hostile.
          const answer = await attempt({
            method,
            route: path,
            path,
            field: `${parameter.in} ${parameter.name}`,
            kind: value.kind,
            url: urlOf(path, params, query.join('&')),
            caller: base.caller,
            payload: base.body ? JSON.stringify(base.body) : undefined,
          });
          if (method !== 'GET' && answer.status < 300) await rebuildAfter(route);
        }
      }
    }
    expect(crashes).toEqual([]);
  }, 300_000);

  it('sends random values (fast-check) to random fields of random routes', async () => {
    const writable = routes.filter((route) => {
      const [method, path] = route.split(' ');
      return jsonBodySchema(document, document.paths[path][method.toLowerCase()]) !== undefined;
    });
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom(...HOSTILE.map((hostile) => hostile.json)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...writable),
        fc.nat(),
        value,
        async (route, pick, random) => {
          const [method, path] = route.split(' ');
          const operation = document.paths[path][method.toLowerCase()];
          const base = await baseOf(route, operation);
          const fields = fieldPaths(document, jsonBodySchema(document, operation), base.body);
          const field = fields[pick % fields.length];
          const json =
            typeof random === 'string' && HOSTILE.some((h) => h.json === random)
              ? random
              : JSON.stringify(random);
          if (unboundedWindows && isWindowField(path, field)) return;
          const c: Attempt = {
            method,
            route: path,
            path,
            field: formatPath(field),
            kind: `random ${json?.slice(0, 40)}`,
            url: urlOf(path, base.params ?? {}, ''),
            caller: base.caller,
            payload: withField(base.body, field, json),
          };
          const answer = await attempt(c);
          if (answer.status < 300) {
            await afterSuccess(c, answer);
            await rebuildAfter(route);
          }
        },
      ),
      { numRuns: EXTRA_RUNS, seed: SEED },
    );
  }, 120_000);

  describe('CSV import, cell by cell', () => {
    const HEADER =
      'name,country,city,website,description,sectors,offers,seeks,partnerTypes,targetMarkets,languages,timezone,employees';
    const row = [
      'Fuzz Import',
      'CA',
      'Toronto',
      'https://example.ca',
      'Payment terminals',
      'software',
      'nfc terminals',
      'distribution',
      'distributor',
      'HK',
      'en',
      'America/Toronto',
      '10-49',
    ];
    const cellValues: Hostile[] = [
      { kind: 'NUL', json: 'a\u0000b' },
      { kind: 'lone high surrogate', json: 'a\ud800b' },
      { kind: 'empty', json: '' },
      { kind: '10k chars', json: 'x'.repeat(10_000) },
      { kind: 'formula', json: '=1+1' },
    ];

    it('a hostile cell is a per-row error or a 4xx; the good row beside it is stored', async () => {
      for (const [index, name] of HEADER.split(',').entries()) {
        for (const value of cellValues) {
          const bad = [...row];
          bad[index] = value.json ?? '';
          bad[0] = index === 0 ? bad[0] : `${unique('Fuzz Bad')}`;
          const good = [unique('Fuzz Good'), ...row.slice(1)];
          const csv = `${HEADER}\n${bad.join(',')}\n${good.join(',')}\n`;
          const c = {
            method: 'POST',
            route: '/api/companies/import',
            field: `cell ${name}`,
            kind: value.kind,
          };
          const answer = await rawRequest(
            baseUrl,
            {
              method: 'POST',
              url: '/api/companies/import',
              token: world.organiser.accessToken,
              contentType: 'text/csv',
              payload: csv,
            },
            MAX_RESPONSE_BYTES,
          );
          cases += 1;
          const problem = errorShapeProblem(answer);
          if (problem) {
            finding(c, answer.status, `${problem}: ${(causeOf(answer) ?? '').slice(0, 160)}`);
          } else if (answer.status < 300) {
            const stored = await app
              .get(DataSource)
              .query<unknown[]>('SELECT 1 FROM companies WHERE name = $1', [good[0]]);
            if (stored.length !== 1) {
              const said = JSON.stringify(answer.body).slice(0, 200);
              finding(c, answer.status, `the good row beside it was not stored: ${said}`);
            }
          }
        }
      }
      lastSnapshot = undefined;
      expect(crashes).toEqual([]);
    }, 60_000);
  });

  describe('live events, field by field', () => {
    const live = new LiveClients();
    const sockets: Partial<Record<Caller, Socket>> = {};

    /** The client-to-server events of the wire map (live.wire.ts), with their payload fields. */
    const wireEvents = (): Record<string, string[]> => {
      const source = readFileSync(join(__dirname, '../src/live/live.wire.ts'), 'utf8');
      const map = source.slice(source.indexOf('export interface ClientToServerEvents'));
      const events: Record<string, string[]> = {};
      for (const match of map.matchAll(/'?([\w:.]+)'?: \(\s*payload: \{([^}]*)\}/g)) {
        events[match[1]] = [...match[2].matchAll(/(\w+)\??:/g)].map((field) => field[1]);
      }
      return events;
    };

    /** A valid payload per event: a new event fails here until it has one. */
    const EVENT_BASES: Record<string, () => { caller: Caller; payload: Record<string, unknown> }> =
      {
        'session:join': () => ({ caller: 'owner', payload: { sessionId: world.sessionId } }),
        'session:leave': () => ({ caller: 'owner', payload: { sessionId: world.sessionId } }),
        'presence:page': () => ({
          caller: 'owner',
          payload: { sessionId: world.sessionId, after: 'YQ', limit: 10 },
        }),
        announce: () => ({
          caller: 'organiser',
          payload: { sessionId: world.sessionId, text: 'Fuzz announcement' },
        }),
        'rtc.signal': () => ({
          caller: 'owner',
          payload: { meetingId: world.meetingId, data: { type: 'offer', sdp: 'v=0' } },
        }),
      };

    const socketOf = async (caller: Caller): Promise<Socket> => {
      const open = sockets[caller];
      if (open?.connected) return open;
      sockets[caller] = await live.connected(baseUrl, world[caller as 'owner'].accessToken);
      return sockets[caller];
    };

    afterAll(() => live.closeAll());

    const emit = async (
      c: { method: string; route: string; field: string; kind: string },
      caller: Caller,
      payload: unknown,
      expected?: number,
    ) => {
      cases += 1;
      const socket = await socketOf(caller);
      let ack: { ok?: boolean; error?: { statusCode?: number; fields?: Record<string, string[]> } };
      try {
        ack = (await socket.timeout(5000).emitWithAck(c.route, payload)) as typeof ack;
      } catch {
        finding(
          c,
          'no ack',
          socket.connected ? 'no acknowledgement in 5 s' : 'the connection closed',
        );
        return;
      }
      if (ack.ok === true) {
        if (expected !== undefined) finding(c, 'ok', `acknowledged ok, expected ${expected}`);
        return;
      }
      const status = ack.error?.statusCode ?? 0;
      const problem = errorShapeProblem({ status, body: ack.error });
      if (problem) finding(c, status, `${problem}: ${JSON.stringify(ack.error).slice(0, 160)}`);
      if (expected !== undefined && status !== expected) finding(c, status, `expected ${expected}`);
      if (!socket.connected) finding(c, status, 'the connection closed');
    };

    it('acknowledges one hostile field of every event with ok or the error shape, staying up', async () => {
      const events = wireEvents();
      expect(Object.keys(events).sort()).toEqual(Object.keys(EVENT_BASES).sort());
      for (const [event, fields] of Object.entries(events)) {
        const { caller, payload } = EVENT_BASES[event]();
        const paths = fieldPaths(document, undefined, payload).filter((path) =>
          fields.includes(String(path[0])),
        );
        for (const field of paths) {
          for (const value of HOSTILE) {
            const mutated = JSON.parse(withField(payload, field, value.json)) as unknown;
            await emit(
              { method: 'EMIT', route: event, field: formatPath(field), kind: value.kind },
              caller,
              mutated,
            );
          }
        }
        // docs/security.md: a message over 256 KiB gets a 413 acknowledgement; the socket stays.
        await emit(
          { method: 'EMIT', route: event, field: 'message', kind: '300 KiB' },
          caller,
          { ...payload, pad: 'x'.repeat(300 * 1024) },
          413,
        );
      }
      expect(crashes).toEqual([]);
    }, 120_000);
  });

  it('leaves no queue over 1,000 jobs and the process answering health', async () => {
    await checkQueues({ method: '-', route: 'after the run', field: '-', kind: '-' });
    const health = await rawRequest(baseUrl, { method: 'GET', url: '/api/health' });
    expect(health.status).toBe(200);
  });

  it('closes the sessions it made, so that they do not crowd the lists of the suites after it', async () => {
    // Every suite of a run shares one database; hundreds of open sessions of this suite's own
    // would fill the first page of a firm's session list in the browser suites.
    const database = client.app.get(DataSource);
    await database.query(
      `UPDATE sessions SET status = 'closed' WHERE created_at >= $1 AND status <> 'closed'`,
      [suiteStartedAt],
    );
    const [{ open }] = await database.query<{ open: number }[]>(
      `SELECT count(*)::int AS open FROM sessions WHERE created_at >= $1 AND status <> 'closed'`,
      [suiteStartedAt],
    );
    expect(open).toBe(0);
  });

  it('found nothing (the distinct findings of the whole run)', () => {
    const lines = [...findings.values()].sort();
    console.log(
      `fuzz-fields: ${cases} cases, ${lines.length} distinct findings, seed ${SEED}; ` +
        `bases refused as they were: ${refusedBases.join('; ') || 'none'}; slowest routes: ` +
        [...timings.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8)
          .map(([route, ms]) => `${route} ${(ms / 1000).toFixed(1)} s`)
          .join(', '),
    );
    expect(lines).toEqual([]);
    expect(crashes).toEqual([]);
  });
});

/**
 * Routes whose success can leave their target unfit for the next case: a session edited to have
 * begun is live, and a live session takes no edits. Other targets take their base again as is.
 */
const REBUILD: Partial<Record<RouteKey, keyof Targets>> = {
  'PATCH /api/sessions/{id}': 'sessionId',
};

/** A session's start or end: far dates there make millions of slots while windows are unbounded. */
function isWindowField(path: string, field: FieldPath): boolean {
  return path.startsWith('/api/sessions') && ['startsAt', 'endsAt'].includes(String(field[0]));
}
