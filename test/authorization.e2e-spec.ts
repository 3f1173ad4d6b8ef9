import { ModulesContainer } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { accountLink, invitationLink } from './support/account-mail';
import { newSecretToken } from '../src/common/secret-token';
import { signUnsubscribeKey } from '../src/notifications/unsubscribe-key';
import { startWorker, testConfig } from './support/app';
import { sentFollowUp } from './support/follow-ups';
import { companyInput, PASSWORD, unique, useApi, type TestClient } from './support/client';
import { LiveClients, listen, refused, request } from './support/live';
import {
  buildWorld,
  documentedRoutes,
  tokenOf,
  type Caller,
  type RouteKey,
  type World,
} from './support/world';

/**
 * Who may call what: every route the app has × five callers (an admin, an organiser, the owner
 * of the company the call is about, a member of another company, nobody), against SPEC.md's
 * table. A route without an entry here fails the suite, so a new endpoint must say who may use it.
 */

interface Call {
  url: string;
  body?: unknown;
  contentType?: string;
}

interface Entry {
  /** The call as `caller` makes it; may create what it acts on, so that each caller has its own. */
  call: (world: World, caller: Caller) => Call | Promise<Call>;
  /** The status each caller gets. */
  expect: Record<Caller, number>;
  /** A second answer a caller may get for a reason outside authorisation, said where it is set. */
  tolerate?: Partial<Record<Caller, number>>;
}

/** Shorthands for the common patterns of SPEC.md's "who" column. */
const anyone = (status: number): Entry['expect'] => ({
  admin: status,
  organiser: status,
  owner: status,
  stranger: status,
  anonymous: status,
});
const signedIn = (status: number): Entry['expect'] => ({ ...anyone(status), anonymous: 401 });
const organisers = (status: number): Entry['expect'] => ({
  admin: status,
  organiser: status,
  owner: 403,
  stranger: 403,
  anonymous: 401,
});
const ownerAndOrganisers = (status: number): Entry['expect'] => ({
  ...organisers(status),
  owner: status,
});

let client: TestClient;

/** The key of the owner's unsubscribe link for announcements, as an email carries it. */
function unsubscribeKeyOf(world: World): string {
  return signUnsubscribeKey(testConfig().jwtSecret, world.owner.user.id, 'announcement');
}

/** The owner's firm's conversation with the partner's firm (one per pair), made on first use. */
let conversationId: string | undefined;
async function conversationOf(world: World): Promise<string> {
  conversationId ??= (
    await client
      .as(world.owner.accessToken)
      .post('/api/conversations')
      .send({ fromCompanyId: world.companyId, toCompanyId: world.otherCompanyId, text: 'Hello' })
      .expect(201)
  ).body.conversation.id as string;
  return conversationId;
}

/** A partner economy (Norway) with one agreement, made on first use by the organiser. */
let partnerLink: { partnerId: string; agreementId: string } | undefined;
async function partnerOf(world: World): Promise<{ partnerId: string; agreementId: string }> {
  if (!partnerLink) {
    const org = client.as(world.organiser.accessToken);
    const partnerId = (
      await org.post('/api/partners').send({ country: 'NO', name: 'Norway' }).expect(201)
    ).body.id as string;
    const agreementId = (
      await org
        .post(`/api/partners/${partnerId}/agreements`)
        .send({ title: 'ICT MOU', signedOn: '2020-01-01', expiresOn: '2030-01-01' })
        .expect(201)
    ).body.id as string;
    partnerLink = { partnerId, agreementId };
  }
  return partnerLink;
}

/** A country no other partner economy of the run has: each allowed caller creates its own. */
const SPARE_COUNTRIES = ['NZ', 'SG', 'MY', 'TH', 'PH', 'VN', 'ID', 'BR', 'MX', 'AR', 'CL', 'ZA'];
let spareCountry = 0;

/** A post on the opportunities board by the owner's firm (or, `partner`, by the partner's firm). */
async function opportunityOf(world: World, by: 'owner' | 'partner' = 'owner'): Promise<string> {
  const companyId = by === 'owner' ? world.companyId : world.otherCompanyId;
  return (
    await client
      .as(world[by].accessToken)
      .post('/api/opportunities')
      .send({
        kind: 'offer',
        title: unique('Payment terminals'),
        description: 'Looking for distributors.',
        sectors: ['smart-cards-payments'],
        countries: ['CA'],
        companyId,
      })
      .expect(201)
  ).body.id as string;
}

/** A sent follow-up survey of the owner's firm (a closed session of its own), made on first use. */
let followUp: Awaited<ReturnType<typeof sentFollowUp>> | undefined;
async function followUpOf(world: World) {
  followUp ??= await sentFollowUp(
    client,
    world.organiser.accessToken,
    world.companyId,
    world.otherCompanyId,
  );
  return followUp;
}

/** Only the two firms' users: organisers and admins may not read conversations either. */
const companyOwnOnly = (status: number, others: number): Entry['expect'] => ({
  admin: others,
  organiser: others,
  owner: status,
  stranger: others,
  anonymous: 401,
});

/** A fresh session of the world's organiser with the owner's and the partner's firms in it. */
async function freshSession(world: World): Promise<string> {
  const org = world.organiser.accessToken;
  const sessionId = await client.videoSession(org, Date.UTC(2033, 0, 10, 13), 60);
  for (const [account, companyId] of [
    [world.owner, world.companyId],
    [world.partner, world.otherCompanyId],
  ] as const) {
    await client
      .as(account.accessToken)
      .post(`/api/sessions/${sessionId}/participants`)
      .send({ companyId })
      .expect(201);
  }
  return sessionId;
}

/** A draft of the session's schedule, written as a draft run would (its id is returned). */
async function draftOf(sessionId: string, fingerprint: string): Promise<string> {
  const [row] = await client.app.get(DataSource).query<{ id: string }[]>(
    `INSERT INTO schedule_drafts (session_id, meetings, report, fingerprint)
     VALUES ($1, '[]', $2, $3)
     ON CONFLICT (session_id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint RETURNING id`,
    [
      sessionId,
      JSON.stringify({
        requested: { mutual: 0, accepted: 0, pending: 0 },
        placed: { mutual: 0, accepted: 0, pending: 0, score: 0 },
        placedShare: 1,
        unplaced: [],
        meetings: 0,
        solverMs: 0,
      }),
      fingerprint,
    ],
  );
  return row.id;
}

/** A seminar of the world's organiser, a week ahead, with room for everyone. */
async function seminarOf(world: World): Promise<string> {
  const startsAt = Date.now() + 7 * 24 * 3_600_000;
  return (
    await client
      .as(world.organiser.accessToken)
      .post('/api/seminars')
      .send({
        title: unique('Smart cards seminar'),
        kind: 'seminar',
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 3_600_000).toISOString(),
        timezone: 'Asia/Hong_Kong',
        capacity: 50,
        description: '',
      })
      .expect(201)
  ).body.id as string;
}

/** The owner's seat at a fresh seminar: its seminar, id and check-in code. */
async function seatOf(world: World): Promise<{ seminarId: string; id: string; code: string }> {
  const seminarId = await seminarOf(world);
  const seat = await client
    .as(world.owner.accessToken)
    .post(`/api/seminars/${seminarId}/registrations`)
    .send({ companyId: world.companyId })
    .expect(201);
  return { seminarId, id: seat.body.id as string, code: seat.body.checkInCode as string };
}

async function freshDelegation(world: World): Promise<string> {
  const response = await client
    .as(world.organiser.accessToken)
    .post('/api/delegations')
    .send(delegationInput())
    .expect(201);
  return response.body.id as string;
}

/** From Hong Kong, as the world's company: delegates come from the delegation's origin. */
function delegationInput() {
  return {
    title: unique('Mission'),
    direction: 'outbound',
    originCountry: 'HK',
    destinationCountry: 'CA',
    city: 'Toronto',
    leader: 'Grace Lau',
    startsOn: '2033-04-12',
    endsOn: '2033-04-15',
    timezone: 'America/Toronto',
    capacity: 10,
  };
}

const itineraryItem = {
  kind: 'reception',
  title: 'Welcome reception',
  startsAt: '2032-06-07T15:00:00.000Z',
  endsAt: '2032-06-07T17:00:00.000Z',
};

/** A new account's link of `purpose` (to the address it names): the token. */
async function freshLink(purpose: 'password-reset' | 'email-verification' | 'email-change') {
  const account = await client.signUp();
  const email = purpose === 'email-change' ? `${unique('new')}@example.org` : account.user.email;
  return accountLink(client.app, account.user.id, purpose, email);
}

/** The password of a caller of the world (the admin's is the environment's). */
const passwordOf = (caller: Caller) =>
  caller === 'admin' ? (process.env.ADMIN_PASSWORD ?? '') : PASSWORD;

const ownersOnly = (status: number): Entry['expect'] => ({
  admin: 403,
  organiser: 403,
  owner: status,
  stranger: 403,
  anonymous: 401,
});

const MATRIX: Record<string, Entry> = {
  'POST /api/auth/password-reset': {
    call: () => ({
      url: '/api/auth/password-reset',
      body: { email: `${unique('forgot')}@example.org` },
    }),
    expect: anyone(202),
  },
  'POST /api/auth/password-reset/confirm': {
    call: async () => ({
      url: '/api/auth/password-reset/confirm',
      body: { token: await freshLink('password-reset'), password: 'a-new-long-password' },
    }),
    expect: anyone(200),
  },
  'POST /api/auth/password': {
    // A right password would sign the world's callers out: the wrong one shows who gets past the
    // guard (everyone signed in, told the password is wrong).
    call: () => ({
      url: '/api/auth/password',
      body: { currentPassword: 'not-the-password', newPassword: 'a-new-long-password' },
    }),
    expect: signedIn(400),
  },
  'POST /api/auth/email-verification': {
    call: () => ({ url: '/api/auth/email-verification' }),
    expect: signedIn(202),
    // The admin account is shared by every suite of a run, and the route fuzzer sends it this
    // email too: its address's allowance (3 in 15 minutes) may be spent by then. Allowed, limited.
    tolerate: { admin: 429 },
  },
  'POST /api/auth/email-verification/confirm': {
    call: async () => ({
      url: '/api/auth/email-verification/confirm',
      body: { token: await freshLink('email-verification') },
    }),
    expect: anyone(200),
  },
  'POST /api/auth/email': {
    // Asking changes nothing until the link is followed.
    call: (_world, caller) => ({
      url: '/api/auth/email',
      body: { email: `${unique('moved')}@example.org`, currentPassword: passwordOf(caller) },
    }),
    expect: signedIn(202),
  },
  'POST /api/auth/email/confirm': {
    call: async () => ({
      url: '/api/auth/email/confirm',
      body: { token: await freshLink('email-change') },
    }),
    expect: anyone(200),
  },
  'GET /api/companies/{id}/members': {
    call: (world) => ({ url: `/api/companies/${world.companyId}/members` }),
    expect: ownerAndOrganisers(200),
  },
  'PATCH /api/companies/{id}/members/{userId}': {
    // The owner's role set to what it is: managing the team is the owners'.
    call: (world) => ({
      url: `/api/companies/${world.companyId}/members/${world.owner.user.id}`,
      body: { role: 'owner' },
    }),
    expect: ownersOnly(200),
  },
  'DELETE /api/companies/{id}/members/{userId}': {
    // A colleague of the owner's company, new for each caller.
    call: async (world) => {
      const colleague = await client.signUp();
      await client.app
        .get(DataSource)
        .query(
          `INSERT INTO company_members (company_id, user_id, role) VALUES ($1, $2, 'member')`,
          [world.companyId, colleague.user.id],
        );
      return { url: `/api/companies/${world.companyId}/members/${colleague.user.id}` };
    },
    expect: ownersOnly(204),
  },
  'POST /api/companies/{id}/invitations': {
    call: (world) => ({
      url: `/api/companies/${world.companyId}/invitations`,
      body: { email: `${unique('invited')}@example.org`, role: 'member' },
    }),
    expect: ownersOnly(201),
  },
  'GET /api/companies/{id}/invitations': {
    call: (world) => ({ url: `/api/companies/${world.companyId}/invitations` }),
    expect: ownersOnly(200),
  },
  'DELETE /api/companies/{id}/invitations/{invitationId}': {
    // An invitation of the owner's company, new for each caller.
    call: async (world) => {
      const email = `${unique('withdrawn')}@example.org`;
      await invitationLink(client.app, world.companyId, email);
      const [{ id }] = await client.app
        .get(DataSource)
        .query<{ id: string }[]>(
          'SELECT id FROM company_invitations WHERE company_id = $1 AND email = $2',
          [world.companyId, email],
        );
      return { url: `/api/companies/${world.companyId}/invitations/${id}` };
    },
    expect: ownersOnly(204),
  },
  'POST /api/invitations/accept': {
    // An invitation to a new company of the partner's: firm accounts join, organisers do not.
    call: async (world) => {
      const company = await client.company(world.partner.accessToken);
      const token = await invitationLink(client.app, company.id, `${unique('i')}@example.org`);
      return { url: '/api/invitations/accept', body: { token } };
    },
    expect: { admin: 403, organiser: 403, owner: 200, stranger: 200, anonymous: 401 },
  },
  'POST /api/auth/register': {
    call: () => ({
      url: '/api/auth/register',
      body: { email: `${unique('m')}@example.org`, password: PASSWORD, name: 'M' },
    }),
    expect: anyone(201),
  },
  'POST /api/auth/login': {
    call: (world) => ({
      url: '/api/auth/login',
      body: { email: world.partner.user.email, password: PASSWORD },
    }),
    expect: anyone(200),
  },
  'GET /api/auth/me': { call: () => ({ url: '/api/auth/me' }), expect: signedIn(200) },
  'GET /api/users/me/settings': {
    call: () => ({ url: '/api/users/me/settings' }),
    expect: signedIn(200),
  },
  'PATCH /api/users/me/settings': {
    call: () => ({ url: '/api/users/me/settings', body: { reminders: [1440, 15] } }),
    expect: signedIn(200),
  },
  'GET /api/notifications': {
    call: () => ({ url: '/api/notifications?unread=true' }),
    expect: signedIn(200),
  },
  'POST /api/notifications/read': {
    call: () => ({ url: '/api/notifications/read', body: { all: true } }),
    expect: signedIn(200),
  },
  'GET /api/unsubscribe': {
    // The signed key in the email's link is the authorisation: no sign-in.
    call: (world) => ({ url: `/api/unsubscribe?key=${unsubscribeKeyOf(world)}` }),
    expect: anyone(200),
  },
  'POST /api/unsubscribe': {
    call: (world) => ({ url: `/api/unsubscribe?key=${unsubscribeKeyOf(world)}` }),
    expect: anyone(200),
  },
  // Follow-ups: the signed key of the emailed link is the permission, no sign-in (a tampered
  // or expired key is refused: test/follow-ups.e2e-spec.ts); the status is the organisers'.
  'GET /api/follow-ups/{key}': {
    call: async (world) => ({ url: `/api/follow-ups/${(await followUpOf(world)).key}` }),
    expect: anyone(200),
  },
  'POST /api/follow-ups/{key}': {
    call: async (world) => {
      const { key, meetingId } = await followUpOf(world);
      return { url: `/api/follow-ups/${key}`, body: { answers: [{ meetingId, outcome: 'none' }] } };
    },
    expect: anyone(200),
  },
  'GET /api/sessions/{id}/follow-ups': {
    call: async (world) => ({
      url: `/api/sessions/${(await followUpOf(world)).sessionId}/follow-ups`,
    }),
    expect: organisers(200),
  },
  'POST /api/users': {
    call: () => ({
      url: '/api/users',
      body: {
        email: `${unique('o')}@example.org`,
        password: PASSWORD,
        name: 'O',
        role: 'organiser',
      },
    }),
    expect: { admin: 201, organiser: 403, owner: 403, stranger: 403, anonymous: 401 },
  },
  'GET /api/users': {
    call: () => ({ url: '/api/users?q=example' }),
    expect: { admin: 200, organiser: 403, owner: 403, stranger: 403, anonymous: 401 },
  },
  'PATCH /api/users/{id}': {
    // Each caller disables an account of its own making (an admin may not disable itself).
    call: async () => {
      const victim = await client.signUp();
      return { url: `/api/users/${victim.user.id}`, body: { disabled: true } };
    },
    expect: { admin: 200, organiser: 403, owner: 403, stranger: 403, anonymous: 401 },
  },
  'GET /api/taxonomy': { call: () => ({ url: '/api/taxonomy' }), expect: anyone(200) },
  'GET /api/health': { call: () => ({ url: '/api/health' }), expect: anyone(200) },
  'POST /api/companies': {
    call: () => ({ url: '/api/companies', body: companyInput() }),
    // Members register companies; organisers and admins run events, they own no firm.
    expect: { admin: 403, organiser: 403, owner: 201, stranger: 201, anonymous: 401 },
  },
  'GET /api/companies': { call: () => ({ url: '/api/companies' }), expect: signedIn(200) },
  'POST /api/companies/import': {
    call: () => ({
      url: '/api/companies/import',
      contentType: 'text/csv',
      body: `name,country,city,sectors,languages,timezone,employees\n${unique('Imported')},CA,Ottawa,software,en,America/Toronto,1-9`,
    }),
    expect: organisers(200),
  },
  'GET /api/companies/import/template.csv': {
    call: () => ({ url: '/api/companies/import/template.csv' }),
    expect: organisers(200),
  },
  'GET /api/companies/{id}': {
    // A pending company is its owner's and the organisers' alone.
    call: (world) => ({ url: `/api/companies/${world.pendingCompanyId}` }),
    expect: ownerAndOrganisers(200),
  },
  'GET /api/companies/{id}/activities': {
    // As the company itself: a pending company is its owner's and the organisers' alone.
    call: (world) => ({ url: `/api/companies/${world.pendingCompanyId}/activities` }),
    expect: ownerAndOrganisers(200),
  },
  'PATCH /api/companies/{id}': {
    call: (world) => ({
      url: `/api/companies/${world.companyId}`,
      body: { description: unique('Edited') },
    }),
    expect: ownerAndOrganisers(200),
  },
  'POST /api/companies/{id}/verification': {
    call: (world) => ({
      url: `/api/companies/${world.strangerCompanyId}/verification`,
      body: { status: 'verified' },
    }),
    expect: organisers(200),
  },
  'POST /api/delegations': {
    call: () => ({ url: '/api/delegations', body: delegationInput() }),
    expect: organisers(201),
  },
  'GET /api/delegations': { call: () => ({ url: '/api/delegations' }), expect: signedIn(200) },
  'GET /api/delegations/{id}': {
    call: (world) => ({ url: `/api/delegations/${world.delegationId}` }),
    expect: signedIn(200),
  },
  'PATCH /api/delegations/{id}': {
    call: (world) => ({
      url: `/api/delegations/${world.delegationId}`,
      body: { description: unique('Programme') },
    }),
    expect: organisers(200),
  },
  'POST /api/delegations/{id}/itinerary': {
    call: (world) => ({
      url: `/api/delegations/${world.delegationId}/itinerary`,
      body: itineraryItem,
    }),
    expect: organisers(201),
  },
  'DELETE /api/delegations/{id}/itinerary/{itemId}': {
    call: async (world) => {
      const item = await client
        .as(world.organiser.accessToken)
        .post(`/api/delegations/${world.delegationId}/itinerary`)
        .send(itineraryItem)
        .expect(201);
      return { url: `/api/delegations/${world.delegationId}/itinerary/${item.body.id}` };
    },
    expect: organisers(204),
  },
  'GET /api/delegations/{id}/itinerary.ics': {
    call: (world) => ({ url: `/api/delegations/${world.delegationId}/itinerary.ics` }),
    expect: signedIn(200),
  },
  'POST /api/delegations/{id}/applications': {
    // For the owner's company, to a delegation of its own each time.
    call: async (world) => ({
      url: `/api/delegations/${await freshDelegation(world)}/applications`,
      body: { companyId: world.companyId },
    }),
    expect: { admin: 403, organiser: 403, owner: 201, stranger: 403, anonymous: 401 },
  },
  'PATCH /api/delegations/{id}/applications/{applicationId}': {
    // Deciding (waitlisting) is the organisers'; the owner may only withdraw.
    call: (world) => ({
      url: `/api/delegations/${world.delegationId}/applications/${world.applicationId}`,
      body: { status: 'waitlisted' },
    }),
    expect: organisers(200),
  },
  'POST /api/sessions': {
    call: () => ({
      url: '/api/sessions',
      body: {
        title: unique('Session'),
        mode: 'in-person',
        timezone: 'Europe/Helsinki',
        startsAt: '2033-06-08T07:00:00.000Z',
        endsAt: '2033-06-08T09:00:00.000Z',
        slotMinutes: 20,
        maxMeetingsPerCompany: 4,
        requestDeadline: '2033-06-07T07:00:00.000Z',
      },
    }),
    expect: organisers(201),
  },
  'GET /api/sessions': { call: () => ({ url: '/api/sessions' }), expect: signedIn(200) },
  'GET /api/sessions/{id}': {
    call: (world) => ({ url: `/api/sessions/${world.sessionId}` }),
    expect: signedIn(200),
  },
  'PATCH /api/sessions/{id}': {
    call: async (world) => ({
      url: `/api/sessions/${await client.videoSession(world.organiser.accessToken, Date.UTC(2033, 1, 1), 60)}`,
      body: { title: unique('Renamed') },
    }),
    expect: organisers(200),
  },
  'POST /api/sessions/{id}/participants': {
    // The owner's firm joins again (its availability updated): the owner and organisers may.
    call: (world) => ({
      url: `/api/sessions/${world.sessionId}/participants`,
      body: { companyId: world.companyId },
    }),
    expect: ownerAndOrganisers(200),
  },
  'PATCH /api/sessions/{id}/participants/{companyId}': {
    call: (world) => ({
      url: `/api/sessions/${world.sessionId}/participants/${world.companyId}`,
      body: { availability: [] },
    }),
    expect: ownerAndOrganisers(200),
  },
  'DELETE /api/sessions/{id}/participants/{companyId}': {
    // The owner's firm leaves a session of its own each time.
    call: async (world) => ({
      url: `/api/sessions/${await freshSession(world)}/participants/${world.companyId}`,
    }),
    expect: ownerAndOrganisers(204),
  },
  'POST /api/sessions/{id}/invitations': {
    call: (world) => ({
      url: `/api/sessions/${world.sessionId}/invitations`,
      body: { email: `${unique('firm')}@example.org`, companyName: 'Northwind' },
    }),
    expect: organisers(201),
  },
  'GET /api/sessions/{id}/invitations': {
    call: (world) => ({ url: `/api/sessions/${world.sessionId}/invitations` }),
    expect: organisers(200),
  },
  'POST /api/session-invitations/accept': {
    // An invitation to a session of its own each time: firm accounts claim it, organisers not.
    call: async (world) => {
      const sessionId = await client.videoSession(
        world.organiser.accessToken,
        Date.UTC(2033, 0, 10, 13),
        60,
      );
      const { token, hash } = newSecretToken();
      await client.app.get(DataSource).query(
        `INSERT INTO session_invitations (session_id, email, token_hash, expires_at)
         VALUES ($1, $2, $3, now() + interval '1 day')`,
        [sessionId, `${unique('s')}@example.org`, hash],
      );
      return { url: '/api/session-invitations/accept', body: { token } };
    },
    expect: { admin: 403, organiser: 403, owner: 200, stranger: 200, anonymous: 401 },
  },
  'GET /api/sessions/{id}/participants': {
    call: (world) => ({ url: `/api/sessions/${world.sessionId}/participants` }),
    expect: signedIn(200),
  },
  'POST /api/sessions/{id}/scoring': {
    call: (world) => ({ url: `/api/sessions/${world.sessionId}/scoring` }),
    expect: organisers(202),
  },
  'GET /api/sessions/{id}/matches': {
    call: (world) => ({
      url: `/api/sessions/${world.sessionId}/matches?companyId=${world.companyId}`,
    }),
    expect: ownerAndOrganisers(200),
  },
  'GET /api/conversations': {
    call: (world) => ({ url: `/api/conversations?companyId=${world.companyId}` }),
    expect: companyOwnOnly(200, 403),
  },
  'POST /api/conversations': {
    call: (world) => ({
      url: '/api/conversations',
      body: { fromCompanyId: world.companyId, toCompanyId: world.otherCompanyId, text: 'Hi' },
    }),
    expect: companyOwnOnly(201, 403),
  },
  // Outside the pair a conversation does not exist (404), organisers included.
  'GET /api/conversations/{id}/messages': {
    call: async (world) => ({ url: `/api/conversations/${await conversationOf(world)}/messages` }),
    expect: companyOwnOnly(200, 404),
  },
  'POST /api/conversations/{id}/messages': {
    call: async (world) => ({
      url: `/api/conversations/${await conversationOf(world)}/messages`,
      body: { companyId: world.companyId, text: 'Hi again' },
    }),
    expect: companyOwnOnly(201, 404),
  },
  'POST /api/conversations/{id}/read': {
    call: async (world) => ({
      url: `/api/conversations/${await conversationOf(world)}/read`,
      body: { companyId: world.companyId },
    }),
    expect: companyOwnOnly(200, 404),
  },
  // Partner economies and their agreements (issue 18): organisers write, signed-in users read;
  // the activities under a partner are the organisers'.
  'POST /api/partners': {
    call: () => ({
      url: '/api/partners',
      body: { country: SPARE_COUNTRIES[spareCountry++ % SPARE_COUNTRIES.length], name: 'Partner' },
    }),
    expect: organisers(201),
  },
  'GET /api/partners': { call: () => ({ url: '/api/partners' }), expect: signedIn(200) },
  'GET /api/partners/{id}': {
    call: async (world) => ({ url: `/api/partners/${(await partnerOf(world)).partnerId}` }),
    expect: signedIn(200),
  },
  'PATCH /api/partners/{id}': {
    call: async (world) => ({
      url: `/api/partners/${(await partnerOf(world)).partnerId}`,
      body: { notes: 'Renewal talks in December.' },
    }),
    expect: organisers(200),
  },
  'POST /api/partners/{id}/agreements': {
    call: async (world) => ({
      url: `/api/partners/${(await partnerOf(world)).partnerId}/agreements`,
      body: { title: unique('Agreement'), signedOn: null, status: 'planned' },
    }),
    expect: organisers(201),
  },
  'GET /api/partners/{id}/activities': {
    call: async (world) => ({
      url: `/api/partners/${(await partnerOf(world)).partnerId}/activities?year=2030`,
    }),
    expect: organisers(200),
  },
  'PATCH /api/agreements/{id}': {
    call: async (world) => ({
      url: `/api/agreements/${(await partnerOf(world)).agreementId}`,
      body: { counterpart: 'Ministry of Trade' },
    }),
    expect: organisers(200),
  },
  // The opportunities board: firms post for their company (organisers may act for one), all
  // signed-in users read; the posting firm's users and organisers edit, delete and see interest.
  'POST /api/opportunities': {
    call: (world) => ({
      url: '/api/opportunities',
      body: {
        kind: 'request',
        title: 'Resellers in Canada',
        description: '',
        sectors: ['fintech'],
        countries: ['CA'],
        companyId: world.companyId,
      },
    }),
    expect: ownerAndOrganisers(201),
  },
  'GET /api/opportunities': {
    call: () => ({ url: '/api/opportunities?q=payment' }),
    expect: signedIn(200),
  },
  'GET /api/opportunities/{id}': {
    call: async (world) => ({ url: `/api/opportunities/${await opportunityOf(world)}` }),
    expect: signedIn(200),
  },
  'PATCH /api/opportunities/{id}': {
    call: async (world) => ({
      url: `/api/opportunities/${await opportunityOf(world)}`,
      body: { title: 'Payment terminals for Canada' },
    }),
    expect: ownerAndOrganisers(200),
  },
  'DELETE /api/opportunities/{id}': {
    call: async (world) => ({ url: `/api/opportunities/${await opportunityOf(world)}` }),
    expect: ownerAndOrganisers(204),
  },
  // Interest speaks for a firm: its own users only (organisers do not write firms' messages).
  'POST /api/opportunities/{id}/interest': {
    call: async (world) => ({
      url: `/api/opportunities/${await opportunityOf(world, 'partner')}/interest`,
      body: { companyId: world.companyId, message: 'Interested' },
    }),
    expect: companyOwnOnly(201, 403),
  },
  'GET /api/opportunities/{id}/interest': {
    call: async (world) => ({ url: `/api/opportunities/${await opportunityOf(world)}/interest` }),
    expect: ownerAndOrganisers(200),
  },
  // Seminars: organisers write and take attendance, signed-in users read; a seat is a company
  // user's own (a stranger to it is told nothing of it: 404).
  'POST /api/seminars': {
    call: () => ({
      url: '/api/seminars',
      body: {
        title: unique('Seminar'),
        kind: 'workshop',
        startsAt: '2033-03-01T09:00:00+08:00',
        endsAt: '2033-03-01T12:00:00+08:00',
        timezone: 'Asia/Hong_Kong',
        capacity: 30,
      },
    }),
    expect: organisers(201),
  },
  'GET /api/seminars': { call: () => ({ url: '/api/seminars' }), expect: signedIn(200) },
  'GET /api/seminars/{id}': {
    call: async (world) => ({ url: `/api/seminars/${await seminarOf(world)}` }),
    expect: signedIn(200),
  },
  'PATCH /api/seminars/{id}': {
    call: async (world) => ({
      url: `/api/seminars/${await seminarOf(world)}`,
      body: { capacity: 60 },
    }),
    expect: organisers(200),
  },
  'POST /api/seminars/{id}/registrations': {
    call: async (world) => ({
      url: `/api/seminars/${await seminarOf(world)}/registrations`,
      body: { companyId: world.companyId },
    }),
    expect: { admin: 403, organiser: 403, owner: 201, stranger: 403, anonymous: 401 },
  },
  'GET /api/seminars/{id}/registrations': {
    // Everyone signed in; a firm's user sees only their companies' rows (tested in seminars).
    call: async (world) => ({
      url: `/api/seminars/${(await seatOf(world)).seminarId}/registrations`,
    }),
    expect: signedIn(200),
  },
  'PATCH /api/seminars/{id}/registrations/{registrationId}': {
    call: async (world) => {
      const seat = await seatOf(world);
      return {
        url: `/api/seminars/${seat.seminarId}/registrations/${seat.id}`,
        body: { status: 'withdrawn' },
      };
    },
    expect: companyOwnOnly(200, 404),
  },
  'POST /api/seminars/{id}/check-in': {
    call: async (world) => {
      const seat = await seatOf(world);
      return { url: `/api/seminars/${seat.seminarId}/check-in`, body: { code: seat.code } };
    },
    expect: organisers(200),
  },
  'GET /api/seminars/{id}/attendance.csv': {
    call: async (world) => ({ url: `/api/seminars/${await seminarOf(world)}/attendance.csv` }),
    expect: organisers(200),
  },
  'PUT /api/sessions/{id}/preferences/{otherCompanyId}': {
    call: (world) => ({
      url: `/api/sessions/${world.sessionId}/preferences/${world.otherCompanyId}`,
      body: { companyId: world.companyId, preference: 'interested' },
    }),
    expect: ownerAndOrganisers(200),
  },
  'DELETE /api/sessions/{id}/preferences/{otherCompanyId}': {
    call: (world) => ({
      url: `/api/sessions/${world.sessionId}/preferences/${world.otherCompanyId}?companyId=${world.companyId}`,
    }),
    expect: ownerAndOrganisers(204),
  },
  'POST /api/sessions/{id}/requests': {
    // From the owner's firm, in a session of its own each time (a pair asks once).
    call: async (world) => ({
      url: `/api/sessions/${await freshSession(world)}/requests`,
      body: {
        fromCompanyId: world.companyId,
        toCompanyId: world.otherCompanyId,
        // The session's first half hour (see freshSession).
        window: { from: '2033-01-10T13:00:00.000Z', to: '2033-01-10T13:30:00.000Z' },
      },
    }),
    // Organisers may ask on a firm's behalf.
    expect: ownerAndOrganisers(201),
  },
  'PATCH /api/sessions/{id}/requests/{requestId}': {
    // The owner's firm cancels a request it sent; only its sender may cancel.
    call: async (world) => {
      const sessionId = await freshSession(world);
      const asked = await client
        .as(world.owner.accessToken)
        .post(`/api/sessions/${sessionId}/requests`)
        .send({ fromCompanyId: world.companyId, toCompanyId: world.otherCompanyId })
        .expect(201);
      return {
        url: `/api/sessions/${sessionId}/requests/${asked.body.id}`,
        body: { status: 'cancelled' },
      };
    },
    // Organisers may answer and cancel on a firm's behalf.
    expect: ownerAndOrganisers(200),
  },
  'GET /api/sessions/{id}/requests': {
    call: (world) => ({
      url: `/api/sessions/${world.sessionId}/requests?companyId=${world.companyId}`,
    }),
    expect: ownerAndOrganisers(200),
  },
  'POST /api/sessions/{id}/schedule': {
    call: (world) => ({ url: `/api/sessions/${world.sessionId}/schedule` }),
    expect: organisers(202),
  },
  'GET /api/sessions/{id}/schedule': {
    call: (world) => ({ url: `/api/sessions/${world.sessionId}/schedule` }),
    expect: organisers(200),
  },
  'GET /api/sessions/{id}/schedule/draft': {
    call: async (world) => {
      await draftOf(world.sessionId, 'fingerprint-of-other-inputs');
      return { url: `/api/sessions/${world.sessionId}/schedule/draft` };
    },
    expect: organisers(200),
  },
  'DELETE /api/sessions/{id}/schedule/draft': {
    call: async (world) => {
      await draftOf(world.sessionId, 'fingerprint-of-other-inputs');
      return { url: `/api/sessions/${world.sessionId}/schedule/draft` };
    },
    expect: organisers(204),
  },
  'POST /api/sessions/{id}/schedule/draft/publish': {
    // A draft of other inputs: an organiser passes every check but the last, the draft's
    // freshness (409); the others are refused first.
    call: async (world) => ({
      url: `/api/sessions/${world.sessionId}/schedule/draft/publish`,
      body: { draftId: await draftOf(world.sessionId, 'fingerprint-of-other-inputs') },
    }),
    expect: organisers(409),
  },
  'POST /api/sessions/{id}/meetings': {
    // The two firms in a session of their own each time (a pair meets once).
    call: async (world) => ({
      url: `/api/sessions/${await freshSession(world)}/meetings`,
      body: { companyIds: [world.companyId, world.otherCompanyId], slotIndex: 0 },
    }),
    expect: organisers(201),
  },
  'GET /api/sessions/{id}/agenda': {
    call: (world) => ({
      url: `/api/sessions/${world.sessionId}/agenda?companyId=${world.companyId}`,
    }),
    expect: ownerAndOrganisers(200),
  },
  'GET /api/sessions/{id}/agenda/feed': {
    call: (world) => ({
      url: `/api/sessions/${world.sessionId}/agenda/feed?companyId=${world.companyId}`,
    }),
    expect: ownerAndOrganisers(200),
  },
  'GET /api/sessions/{id}/agenda/gaps': {
    call: (world) => ({
      url: `/api/sessions/${world.sessionId}/agenda/gaps?companyId=${world.companyId}`,
    }),
    expect: ownerAndOrganisers(200),
  },
  'GET /api/sessions/{id}/agenda.ics': {
    call: (world) => ({
      url: `/api/sessions/${world.sessionId}/agenda.ics?companyId=${world.companyId}`,
    }),
    expect: ownerAndOrganisers(200),
  },
  'GET /api/calendar/agenda.ics': {
    // The key in the link is the authorisation: calendar apps send no token.
    call: (world) => ({ url: `/api/calendar/agenda.ics?key=${world.feedKey}` }),
    expect: anyone(200),
  },
  'PATCH /api/meetings/{id}': {
    // Fixing a meeting in its slot is the organisers'.
    call: (world) => ({ url: `/api/meetings/${world.meetingId}`, body: { fixed: true } }),
    expect: organisers(200),
  },
  'POST /api/meetings/{id}/feedback': {
    // Either side may give feedback: the owner passes the check, and is told the meeting
    // has not begun yet (409 meeting.not_begun); others are refused first.
    call: (world) => ({
      url: `/api/meetings/${world.meetingId}/feedback`,
      body: { rating: 5, outcome: 'follow-up' },
    }),
    expect: { admin: 403, organiser: 403, owner: 409, stranger: 403, anonymous: 401 },
  },
  'GET /api/sessions/{id}/report': {
    call: (world) => ({ url: `/api/sessions/${world.sessionId}/report` }),
    expect: organisers(200),
  },
  'GET /api/sessions/{id}/meetings.csv': {
    call: (world) => ({ url: `/api/sessions/${world.sessionId}/meetings.csv` }),
    expect: organisers(200),
  },
  'GET /api/programme/report': {
    call: () => ({ url: '/api/programme/report?year=2031' }),
    expect: organisers(200),
  },
  'GET /api/jobs/{id}': {
    call: (world) => ({ url: `/api/jobs/${world.jobId}` }),
    expect: organisers(200),
  },
};

/** Every route Nest registered, read from the controllers' own metadata (documented or not). */
function registeredRoutes(modules: ModulesContainer): RouteKey[] {
  const routes: RouteKey[] = [];
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!type) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const full = ['/api', base, path]
          .map((part) => part.replace(/^\/|\/$/g, ''))
          .filter((part) => part !== '')
          .join('/')
          .replace(/:(\w+)/g, '{$1}');
        routes.push(`${RequestMethod[method]} /${full}` as RouteKey);
      }
    }
  }
  return routes;
}

describe('authorization matrix: every route × admin, organiser, owner, other member, anonymous', () => {
  const api = useApi();
  let world: World;
  let routes: RouteKey[];

  beforeAll(async () => {
    client = api;
    world = await buildWorld(api, startWorker);
    const document = await api.http.get('/api/docs/openapi.json').expect(200);
    routes = documentedRoutes(document.body);
  }, 120_000);

  it('has an entry for every route the app serves, and no entry for a route it does not', () => {
    expect(routes.length).toBeGreaterThanOrEqual(40);
    expect([...routes].sort()).toEqual(Object.keys(MATRIX).sort());
    // Nest's own route table agrees with the OpenAPI document (no route hidden from the docs).
    expect([...registeredRoutes(api.app.get(ModulesContainer))].sort()).toEqual([...routes].sort());
  });

  it('answers every caller on every route as the table says', async () => {
    const mismatches: string[] = [];
    // Refusals first, so that what an allowed caller changes cannot hide one.
    const order: Caller[] = ['anonymous', 'stranger', 'owner', 'organiser', 'admin'];
    for (const route of routes) {
      const entry = MATRIX[route];
      if (!entry) continue;
      const [method] = route.split(' ');
      for (const caller of order) {
        const call = await entry.call(world, caller);
        const token = tokenOf(world, caller);
        let pending = api.http[method.toLowerCase() as 'get'](call.url);
        if (token) pending = pending.set('Authorization', `Bearer ${token}`);
        if (call.contentType) pending = pending.set('Content-Type', call.contentType);
        const response = await (call.body === undefined
          ? pending
          : pending.send(call.body as object));
        if (
          response.status !== entry.expect[caller] &&
          response.status !== entry.tolerate?.[caller]
        ) {
          mismatches.push(
            `${route} as ${caller}: ${response.status}, expected ${entry.expect[caller]} ${JSON.stringify(response.body).slice(0, 200)}`,
          );
        }
        if (response.status >= 400) {
          expect(response.body).toMatchObject({ statusCode: response.status });
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  describe('live events', () => {
    const live = new LiveClients();
    let url: string;
    afterAll(() => live.closeAll());
    beforeAll(async () => {
      url = await listen(api.app);
    });

    /** ok, or the refusal's status, of one event sent by a caller's socket. */
    async function outcome(caller: Caller | 'partner', event: string, payload: unknown) {
      const socket = await live.connected(
        url,
        world[caller === 'anonymous' ? 'owner' : caller].accessToken,
      );
      const ack = await request<{ ok: boolean; error?: { statusCode: number } }>(
        socket,
        event,
        payload,
      );
      return ack.ok ? 'ok' : ack.error?.statusCode;
    }

    it('refuses anonymous and bad tokens at the handshake', async () => {
      await refused(live.connect(url));
      await refused(live.connect(url, 'not-a-token'));
    });

    it.each([
      [
        'session:join',
        (w: World) => ({ sessionId: w.sessionId }),
        { admin: 'ok', organiser: 'ok', owner: 'ok', stranger: 403 },
      ],
      [
        'announce',
        (w: World) => ({ sessionId: w.sessionId, text: 'Coffee is served' }),
        { admin: 'ok', organiser: 'ok', owner: 403, stranger: 403 },
      ],
      [
        'rtc.signal',
        (w: World) => ({ meetingId: w.meetingId, data: { type: 'offer', sdp: 'v=0' } }),
        { admin: 403, organiser: 403, owner: 'ok', stranger: 403 },
      ],
    ] as const)(
      '%s is answered to each caller as the table says',
      async (event, payload, expected) => {
        const got: Record<string, unknown> = {};
        for (const caller of Object.keys(expected) as (keyof typeof expected)[]) {
          got[caller] = await outcome(caller, event, payload(world));
        }
        expect(got).toEqual(expected);
      },
    );

    it('presence:page lists a room to those who joined it, and to no one else', async () => {
      const got: Record<string, unknown> = {};
      for (const caller of ['admin', 'organiser', 'owner', 'stranger'] as const) {
        const socket = await live.connected(url, world[caller].accessToken);
        await request(socket, 'session:join', { sessionId: world.sessionId });
        const ack = await request<{ ok: boolean; error?: { statusCode: number } }>(
          socket,
          'presence:page',
          { sessionId: world.sessionId },
        );
        got[caller] = ack.ok ? 'ok' : ack.error?.statusCode;
      }
      expect(got).toEqual({ admin: 'ok', organiser: 'ok', owner: 'ok', stranger: 403 });
    });
  });
});
