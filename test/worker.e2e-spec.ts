import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { CompanyRefreshQueue } from '../src/companies/jobs/company-refresh.queue';
import { QUEUES, refreshCompanyJobId } from '../src/jobs/queues';
import { eventually, startWorker } from './support/app';
import { unique, useApi } from './support/client';

interface Row {
  offers: string[];
  seeks: string[];
  indexed_version: number;
  version: number;
  indexed: boolean;
}

describe('the company refresh job (worker)', () => {
  const client = useApi();
  let db: DataSource;
  let queue: Queue;

  beforeAll(() => {
    db = client.app.get(DataSource);
    queue = client.app.get<Queue>(getQueueToken(QUEUES.companies));
  });

  const row = async (id: string): Promise<Row> =>
    (
      await db.query<Row[]>(
        'SELECT offers, seeks, indexed_version, version, search_document IS NOT NULL AS indexed FROM companies WHERE id = $1',
        [id],
      )
    )[0];

  /** A company written straight to the table, as an old row or another tool might have left it. */
  async function rawCompany(offers: string[]): Promise<string> {
    const [{ id }] = await db.query<{ id: string }[]>(
      `INSERT INTO companies (name, country, city, timezone, employees, offers, seeks, sectors, languages, version)
       VALUES ($1, 'GB', 'London', 'Europe/London', '1-9', $2, $3, '{software}', '{en}', 1) RETURNING id`,
      [unique('Raw Row Ltd'), offers, ['  Seed  Funding ']],
    );
    return id;
  }

  it('normalises tags and builds the search document of the version it was queued for', async () => {
    const id = await rawCompany(['Cyber  Security!', 'cyber security', 'IoT']);
    await client.app.get(CompanyRefreshQueue).enqueue([{ companyId: id, version: 1 }]);
    const worker = await startWorker();
    try {
      const refreshed = await eventually(async () => {
        const current = await row(id);
        return current.indexed ? current : undefined;
      });
      expect(refreshed).toMatchObject({
        offers: ['cyber security', 'iot'],
        seeks: ['seed funding'],
        indexed_version: 1,
      });
      const job = await queue.getJob(refreshCompanyJobId({ companyId: id, version: 1 }));
      expect(job?.returnvalue).toBe('refreshed');
    } finally {
      await worker.close();
    }
  });

  it('queues the same work once however often it is triggered (job id from the work)', async () => {
    const company = await client.company((await client.signUp()).accessToken);
    const before = await queue.getJobCounts('waiting', 'active', 'completed', 'delayed');
    const refresh = client.app.get(CompanyRefreshQueue);
    await refresh.enqueue([{ companyId: company.id, version: 1 }]);
    await refresh.enqueue([{ companyId: company.id, version: 1 }]);
    const after = await queue.getJobCounts('waiting', 'active', 'completed', 'delayed');
    const total = (counts: Record<string, number>) =>
      Object.values(counts).reduce((sum, n) => sum + n, 0);
    expect(total(after)).toBe(total(before));
    expect(
      await queue.getJob(refreshCompanyJobId({ companyId: company.id, version: 1 })),
    ).toBeDefined();
  });

  it('leaves a superseded version to the newer job', async () => {
    const id = await rawCompany(['Old Tag']);
    await db.query("UPDATE companies SET version = 2, offers = '{New Tag}' WHERE id = $1", [id]);
    const worker: INestApplicationContext = await startWorker();
    try {
      const refresh = client.app.get(CompanyRefreshQueue);
      await refresh.enqueue([{ companyId: id, version: 1 }]);
      const stale = await eventually(async () => {
        const job = await queue.getJob(refreshCompanyJobId({ companyId: id, version: 1 }));
        return job?.returnvalue ? job.returnvalue : undefined;
      });
      // Version 2 was also queued by the start-up sweep or is queued now; either way it wins.
      await refresh.enqueue([{ companyId: id, version: 2 }]);
      const current = await eventually(async () => {
        const value = await row(id);
        return value.indexed_version === 2 ? value : undefined;
      });
      expect(['superseded', 'refreshed']).toContain(stale);
      expect(current.offers).toEqual(['new tag']);
    } finally {
      await worker.close();
    }
  });

  it('on start, re-queues companies whose search document is behind (a change made while Redis was away)', async () => {
    const id = await rawCompany(['Lost Job']);
    expect((await row(id)).indexed).toBe(false);
    const worker = await startWorker();
    try {
      const refreshed = await eventually(async () => {
        const current = await row(id);
        return current.indexed ? current : undefined;
      });
      expect(refreshed.offers).toEqual(['lost job']);
    } finally {
      await worker.close();
    }
  });
});

describe('GET /api/jobs/:id', () => {
  const client = useApi();

  it("shows organisers a job's state and result, and 404 for an unknown id", async () => {
    const organiser = await client.organiser();
    const company = await client.company((await client.signUp()).accessToken);
    const jobId = refreshCompanyJobId({ companyId: company.id, version: 1 });
    const waiting = await client.as(organiser.accessToken).get(`/api/jobs/${jobId}`).expect(200);
    expect(waiting.body).toMatchObject({ id: jobId, queue: 'companies', name: 'company.refresh' });
    expect(['waiting', 'active', 'completed', 'prioritized']).toContain(waiting.body.state);

    const worker = await startWorker();
    try {
      const done = await eventually(async () => {
        const response = await client
          .as(organiser.accessToken)
          .get(`/api/jobs/${jobId}`)
          .expect(200);
        return response.body.state === 'completed' ? response.body : undefined;
      });
      expect(done).toMatchObject({
        state: 'completed',
        result: 'refreshed',
        finishedAt: expect.any(String),
      });
    } finally {
      await worker.close();
    }
    const missing = await client.as(organiser.accessToken).get('/api/jobs/no-such-job').expect(404);
    expect(missing.body.code).toBe('job.not_found');
    const bad = await client.as(organiser.accessToken).get('/api/jobs/bad%20id').expect(400);
    expect(Object.keys(bad.body.fields)).toEqual(['id']);
  });

  it('is for organisers: 403 for members, 401 without a token', async () => {
    const member = await client.signUp();
    await client.as(member.accessToken).get('/api/jobs/anything').expect(403);
    await client.http.get('/api/jobs/anything').expect(401);
  });
});
