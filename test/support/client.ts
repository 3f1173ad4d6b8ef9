import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { CompanyView } from '../../src/companies/company.view';
import { UsersService, type UserView } from '../../src/users/users.service';
import { eventually, startApi } from './app';

let sequence = 0;
/** A value no other test of this run uses. */
export function unique(label: string): string {
  sequence += 1;
  return `${label}-${process.pid}-${sequence}-${Math.random().toString(36).slice(2, 7)}`;
}

export const PASSWORD = 'a-good-long-password';

export interface Account {
  user: UserView;
  accessToken: string;
}

/** A valid company profile; override what the test is about. */
export function companyInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: unique('Harbour Test Company'),
    country: 'HK',
    city: 'Hong Kong',
    website: 'https://example.hk',
    description: 'Contactless payment terminals for retail chains.',
    sectors: ['smart-cards-payments'],
    offers: ['nfc payment terminals'],
    seeks: ['distribution in north america'],
    partnerTypes: ['distributor'],
    targetMarkets: ['CA'],
    languages: ['en', 'zh'],
    timezone: 'Asia/Hong_Kong',
    employees: '10-49',
    ...overrides,
  };
}

const HOUR_MS = 3600_000;

/** A video session between Hong Kong and Canadian firms in 2031, four hours; override what the test is about. */
export function sessionInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const start = Date.UTC(2031, 2, 10, 1, 0);
  return {
    title: unique('HK–Canada ICT matching'),
    mode: 'video',
    timezone: 'Asia/Hong_Kong',
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 4 * HOUR_MS).toISOString(),
    slotMinutes: 20,
    breakMinutes: 5,
    maxMeetingsPerCompany: 6,
    requestDeadline: new Date(start - 24 * HOUR_MS).toISOString(),
    ...overrides,
  };
}

/** A delegation far enough ahead to stay upcoming, in Helsinki; override what the test is about. */
export function delegationInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: unique('HK ICT mission to Finland'),
    direction: 'outbound',
    originCountry: 'HK',
    destinationCountry: 'FI',
    city: 'Helsinki',
    leader: 'Grace Lau',
    startsOn: '2030-06-10',
    endsOn: '2030-06-14',
    timezone: 'Europe/Helsinki',
    capacity: 5,
    description: 'Seminars, site visits and business matching.',
    ...overrides,
  };
}

/** Speaks HTTP to the real app in one line per step: accounts, companies, authorised calls. */
export class TestClient {
  /** Given, or set by `useApi()` before the suite's tests run. */
  app!: NestFastifyApplication;

  constructor(app?: NestFastifyApplication) {
    if (app) this.app = app;
  }

  get http(): TestAgent {
    return request(this.app.getHttpServer());
  }

  as(token: string) {
    const http = this.http;
    const auth = { Authorization: `Bearer ${token}` };
    return {
      get: (url: string) => http.get(url).set(auth),
      post: (url: string) => http.post(url).set(auth),
      put: (url: string) => http.put(url).set(auth),
      patch: (url: string) => http.patch(url).set(auth),
      delete: (url: string) => http.delete(url).set(auth),
    };
  }

  async signUp(overrides: Record<string, unknown> = {}): Promise<Account> {
    const response = await this.http
      .post('/api/auth/register')
      .send({
        email: `${unique('user')}@example.org`,
        password: PASSWORD,
        name: 'Test User',
        ...overrides,
      })
      .expect(201);
    return response.body as Account;
  }

  async signIn(email: string, password = PASSWORD): Promise<Account> {
    const response = await this.http.post('/api/auth/login').send({ email, password }).expect(200);
    return response.body as Account;
  }

  async admin(): Promise<Account> {
    return this.signIn(process.env.ADMIN_EMAIL!, process.env.ADMIN_PASSWORD);
  }

  async organiser(): Promise<Account> {
    const email = `${unique('organiser')}@example.org`;
    await this.app
      .get(UsersService)
      .create({ email, password: PASSWORD, name: 'Organiser', role: 'organiser' });
    return this.signIn(email);
  }

  async company(token: string, overrides: Record<string, unknown> = {}): Promise<CompanyView> {
    const response = await this.as(token)
      .post('/api/companies')
      .send(companyInput(overrides))
      .expect(201);
    return response.body as CompanyView;
  }

  /**
   * A video session between Hong Kong and Canadian firms with 10-minute slots, `minutes` long
   * from `startsAt` (ms), requests open until it ends; `overrides` for what the test is about.
   */
  async videoSession(
    organiserToken: string,
    startsAt: number,
    minutes: number,
    overrides: Record<string, unknown> = {},
  ): Promise<string> {
    const endsAt = new Date(startsAt + minutes * 60_000).toISOString();
    const response = await this.as(organiserToken)
      .post('/api/sessions')
      .send({
        title: unique('Video session'),
        mode: 'video',
        timezone: 'Asia/Hong_Kong',
        startsAt: new Date(startsAt).toISOString(),
        endsAt,
        slotMinutes: 10,
        maxMeetingsPerCompany: 3,
        requestDeadline: endsAt,
        sides: [['HK'], ['CA']],
        ...overrides,
      })
      .expect(201);
    return response.body.id as string;
  }

  /** The company joins the session, by its user. */
  async join(token: string, sessionId: string, companyId: string): Promise<void> {
    await this.as(token)
      .post(`/api/sessions/${sessionId}/participants`)
      .send({ companyId })
      .expect(201);
  }

  /** A meeting request from one participant to another, accepted by the other's user. */
  async acceptedRequest(
    sessionId: string,
    from: { token: string; companyId: string },
    to: { token: string; companyId: string },
  ): Promise<string> {
    const asked = await this.as(from.token)
      .post(`/api/sessions/${sessionId}/requests`)
      .send({ fromCompanyId: from.companyId, toCompanyId: to.companyId })
      .expect(201);
    await this.as(to.token)
      .patch(`/api/sessions/${sessionId}/requests/${asked.body.id}`)
      .send({ status: 'accepted' })
      .expect(200);
    return asked.body.id as string;
  }

  /** Queues scheduling and waits for the worker to finish it (progress 100); the job id. */
  async runSchedule(organiserToken: string, sessionId: string): Promise<string> {
    const queued = await this.as(organiserToken)
      .post(`/api/sessions/${sessionId}/schedule`)
      .expect(202);
    const jobId = queued.body.jobId as string;
    await eventually(async () => {
      const job = await this.as(organiserToken).get(`/api/jobs/${jobId}`).expect(200);
      if (job.body.state === 'failed') throw new Error(job.body.failedReason);
      if (job.body.state !== 'completed') return undefined;
      if (job.body.progress !== 100) throw new Error(`completed at ${job.body.progress} %`);
      return true;
    }, 20_000);
    return jobId;
  }

  /** A new user owning a company an organiser verified: the company's id and the owner's token. */
  async verifiedFirm(
    organiserToken: string,
    overrides: Record<string, unknown> = {},
  ): Promise<{ id: string; token: string }> {
    const owner = await this.signUp();
    const company = await this.verifiedCompany(owner.accessToken, organiserToken, overrides);
    return { id: company.id, token: owner.accessToken };
  }

  async verifiedCompany(
    token: string,
    organiserToken: string,
    overrides: Record<string, unknown> = {},
  ): Promise<CompanyView> {
    const company = await this.company(token, overrides);
    await this.as(organiserToken)
      .post(`/api/companies/${company.id}/verification`)
      .send({ status: 'verified' })
      .expect(200);
    return { ...company, status: 'verified' };
  }
}

/** Starts the real API for the enclosing suite (closed after it) and returns its client. */
export function useApi(overrides: NodeJS.ProcessEnv = {}): TestClient {
  const client = new TestClient();
  beforeAll(async () => {
    client.app = await startApi(overrides);
  });
  afterAll(() => client.app.close());
  return client;
}
