import type { INestApplicationContext } from '@nestjs/common';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { JobRecovery } from '../src/jobs/job-recovery.service';
import { holdKey } from '../src/jobs/step-pause';
import { eventually, startWorker, testConfig } from './support/app';
import { useApi, type Account } from './support/client';
import { atSlot } from './support/session-clock';

/**
 * Every write that can meet a scheduling run or a score block, made exactly while the job is
 * between reading its inputs and writing its result: the job is held there (StepPauses: the
 * worker runs with JOB_STEP_DELAY_MS > 0 and waits at a named point while a Redis key exists),
 * the write is made and answered, then the job goes on. What was written must win, in the
 * published schedule or scores and in the database. Deterministic: no timing is guessed.
 */
const START = Date.UTC(2033, 4, 10, 1, 0);
const SLOT = 10 * 60_000;

interface MeetingView {
  id: string;
  slotIndex: number;
  startsAt: string;
  companyIds: string[];
  status: string;
  origin: string;
  fixed: boolean;
}
interface JobView {
  state: string;
  attempts: number;
  failedReason?: string;
}
interface Match {
  company: { id: string };
  score: number;
  reasons: { component: string; value: number; weight: number }[];
}

describe('writes that meet a scheduling run or a score block', () => {
  const client = useApi();
  const config = testConfig();
  let worker: INestApplicationContext;
  let redis: Redis;
  let db: DataSource;
  let organiser: Account;
  let hk: Account;
  let ca: Account;
  /** Hong Kong firms h[0..2] and Canadian firms c[0..2], each offering what the others seek. */
  const h: string[] = [];
  const c: string[] = [];
  const canadian = {
    country: 'CA',
    city: 'Toronto',
    timezone: 'America/Toronto',
    targetMarkets: ['HK'],
    offers: ['distribution in north america'],
    seeks: ['nfc payment terminals'],
  };

  const org = () => client.as(organiser.accessToken);
  const pair = (x: string, y: string) => [x, y].sort().join('|');
  const pairOf = (meeting: MeetingView) => [...meeting.companyIds].sort().join('|');
  const slotTime = (slot: number) => new Date(START + slot * SLOT).toISOString();

  /** A new open video session of four 10-minute slots that the given firms joined. */
  async function sessionWith(firms: string[]): Promise<string> {
    const sessionId = await client.videoSession(organiser.accessToken, START, 40);
    for (const id of firms)
      await client.join(h.includes(id) ? hk.accessToken : ca.accessToken, sessionId, id);
    return sessionId;
  }

  async function request(sessionId: string, from: string, to: string): Promise<string> {
    const token = h.includes(from) ? hk.accessToken : ca.accessToken;
    const response = await client
      .as(token)
      .post(`/api/sessions/${sessionId}/requests`)
      .send({ fromCompanyId: from, toCompanyId: to })
      .expect(201);
    return response.body.id as string;
  }

  async function jobDone(jobId: string): Promise<JobView> {
    return eventually(async () => {
      const job = (await org().get(`/api/jobs/${jobId}`).expect(200)).body as JobView;
      return job.state === 'completed' || job.state === 'failed' ? job : undefined;
    }, 20_000);
  }

  /**
   * Holds the job that `start` queues at `point` until it is there, makes `write`, lets it go,
   * and waits until it has finished.
   */
  async function meet(
    point: 'schedule.before-publish' | 'score.before-write',
    sessionId: string,
    start: () => Promise<string>,
    write: () => Promise<unknown>,
  ): Promise<JobView> {
    const key = holdKey(config.redisPrefix, point, sessionId);
    await redis.del(`${key}:reached`);
    await redis.set(key, 'held', 'PX', 60_000);
    let jobId: string;
    try {
      jobId = await start();
      await eventually(async () =>
        (await redis.exists(`${key}:reached`)) === 1 ? true : undefined,
      );
      await write();
    } finally {
      await redis.del(key);
    }
    return jobDone(jobId);
  }

  const startSchedule = (sessionId: string) => async () =>
    (await org().post(`/api/sessions/${sessionId}/schedule`).expect(202)).body.jobId as string;
  const startScoring = (sessionId: string) => async () =>
    (await org().post(`/api/sessions/${sessionId}/scoring`).expect(202)).body.jobId as string;

  async function schedule(sessionId: string): Promise<MeetingView[]> {
    return (await org().get(`/api/sessions/${sessionId}/schedule`).expect(200)).body.meetings;
  }

  /** A scheduling run with nothing in its way; the meetings it published. */
  async function runSchedule(sessionId: string): Promise<MeetingView[]> {
    await client.runSchedule(organiser.accessToken, sessionId);
    return schedule(sessionId);
  }

  /** Meetings of the pair in the database, whatever their status. */
  async function stored(sessionId: string, x: string, y: string) {
    const [a, b] = [x, y].sort();
    return db.query<{ id: string; status: string; fixed: boolean; slot_index: number }[]>(
      `SELECT id, status, fixed, slot_index FROM meetings WHERE session_id = $1 AND company_a = $2 AND company_b = $3`,
      [sessionId, a, b],
    );
  }

  beforeAll(async () => {
    worker = await startWorker({ JOB_STEP_DELAY_MS: '1' });
    redis = new Redis(config.redisUrl);
    db = client.app.get(DataSource);
    [organiser, hk, ca] = await Promise.all([client.organiser(), client.signUp(), client.signUp()]);
    for (let i = 0; i < 3; i++) {
      h.push((await client.verifiedCompany(hk.accessToken, organiser.accessToken)).id);
      c.push((await client.verifiedCompany(ca.accessToken, organiser.accessToken, canadian)).id);
    }
  });
  afterAll(async () => {
    redis.disconnect();
    await worker.close();
  });

  describe('a scheduling run between reading its inputs and publishing', () => {
    it('does not plan again a meeting cancelled meanwhile', async () => {
      const sessionId = await sessionWith([h[0], c[0]]);
      await client.acceptedRequest(
        sessionId,
        { token: hk.accessToken, companyId: h[0] },
        { token: ca.accessToken, companyId: c[0] },
      );
      const [meeting] = (await runSchedule(sessionId)).filter(
        (m) => pairOf(m) === pair(h[0], c[0]),
      );
      expect(meeting).toBeDefined();

      const job = await meet('schedule.before-publish', sessionId, startSchedule(sessionId), () =>
        client
          .as(ca.accessToken)
          .patch(`/api/meetings/${meeting.id}`)
          .send({ status: 'cancelled' })
          .expect(200),
      );

      expect(job.state).toBe('completed');
      const published = await schedule(sessionId);
      expect(
        published.filter((m) => pairOf(m) === pair(h[0], c[0]) && m.status !== 'cancelled'),
      ).toEqual([]);
      expect(await stored(sessionId, h[0], c[0])).toEqual([
        expect.objectContaining({ id: meeting.id, status: 'cancelled' }),
      ]);
    });

    it('does not plan a pair whose request was declined meanwhile', async () => {
      const sessionId = await sessionWith([h[0], c[0], c[1]]);
      const asked = await request(sessionId, h[0], c[0]);
      await request(sessionId, h[0], c[1]);

      const job = await meet('schedule.before-publish', sessionId, startSchedule(sessionId), () =>
        client
          .as(ca.accessToken)
          .patch(`/api/sessions/${sessionId}/requests/${asked}`)
          .send({ status: 'declined' })
          .expect(200),
      );

      expect(job.state).toBe('completed');
      const pairs = (await schedule(sessionId)).map(pairOf);
      expect(pairs).toContain(pair(h[0], c[1]));
      expect(pairs).not.toContain(pair(h[0], c[0]));
      expect(await stored(sessionId, h[0], c[0])).toEqual([]);
    });

    it('does not place a request its sender cancelled meanwhile as a request', async () => {
      const sessionId = await sessionWith([h[1], c[1]]);
      const asked = await request(sessionId, h[1], c[1]);

      await meet('schedule.before-publish', sessionId, startSchedule(sessionId), () =>
        client
          .as(hk.accessToken)
          .patch(`/api/sessions/${sessionId}/requests/${asked}`)
          .send({ status: 'cancelled' })
          .expect(200),
      );

      // The pair may still meet as a match by score, never as the cancelled request.
      const meetings = (await schedule(sessionId)).filter((m) => pairOf(m) === pair(h[1], c[1]));
      expect(meetings.map((m) => m.origin)).not.toContain('pending');
      const report = (await org().get(`/api/sessions/${sessionId}/schedule`).expect(200)).body
        .report as { requested: Record<string, number> };
      expect(report.requested).toEqual({ mutual: 0, accepted: 0, pending: 0 });
    });

    it('keeps a meeting an organiser pinned meanwhile, in its slot, under its id', async () => {
      const sessionId = await sessionWith([h[0], h[1], c[0], c[1]]);
      await request(sessionId, h[0], c[0]);
      await request(sessionId, h[1], c[1]);
      const [meeting] = (await runSchedule(sessionId)).filter(
        (m) => pairOf(m) === pair(h[0], c[0]),
      );

      await meet('schedule.before-publish', sessionId, startSchedule(sessionId), () =>
        org().patch(`/api/meetings/${meeting.id}`).send({ fixed: true }).expect(200),
      );

      const kept = (await schedule(sessionId)).find((m) => pairOf(m) === pair(h[0], c[0]));
      expect(kept).toMatchObject({ id: meeting.id, slotIndex: meeting.slotIndex, fixed: true });
      expect(await stored(sessionId, h[0], c[0])).toHaveLength(1);
    });

    it('keeps a meeting the organiser marked held meanwhile, and plans its pair no second time', async () => {
      const sessionId = await sessionWith([h[2], c[2]]);
      await request(sessionId, h[2], c[2]);
      const [meeting] = await runSchedule(sessionId);

      const job = await meet('schedule.before-publish', sessionId, startSchedule(sessionId), () =>
        atSlot(db, sessionId, meeting.startsAt, () =>
          org().patch(`/api/meetings/${meeting.id}`).send({ status: 'held' }).expect(200),
        ),
      );

      // At the first attempt: not by failing on the pair's unique index and trying again.
      expect(job).toMatchObject({ state: 'completed', attempts: 1 });
      expect(await stored(sessionId, h[2], c[2])).toEqual([
        expect.objectContaining({ id: meeting.id, status: 'held' }),
      ]);
    });

    it("plans only inside a participant's availability as changed meanwhile", async () => {
      const sessionId = await sessionWith([h[0], c[0], c[1]]);
      await request(sessionId, h[0], c[0]);
      await request(sessionId, h[0], c[1]);

      await meet('schedule.before-publish', sessionId, startSchedule(sessionId), () =>
        client
          .as(hk.accessToken)
          .post(`/api/sessions/${sessionId}/participants`)
          .send({ companyId: h[0], availability: [{ from: slotTime(3), to: slotTime(4) }] })
          .expect(200),
      );

      const mine = (await schedule(sessionId)).filter((m) => m.companyIds.includes(h[0]));
      expect(mine.length).toBe(1);
      expect(mine[0].slotIndex).toBe(3);
    });
    it('plans no meeting for a company rejected meanwhile', async () => {
      const rejected = await client.verifiedCompany(
        ca.accessToken,
        organiser.accessToken,
        canadian,
      );
      const sessionId = await sessionWith([h[2], rejected.id]);
      await request(sessionId, h[2], rejected.id);

      await meet('schedule.before-publish', sessionId, startSchedule(sessionId), () =>
        org()
          .post(`/api/companies/${rejected.id}/verification`)
          .send({ status: 'rejected' })
          .expect(200),
      );

      expect(await stored(sessionId, h[2], rejected.id)).toEqual([]);
    });
  });

  describe('a full rescore between scoring a block and writing it', () => {
    const matchesOf = async (sessionId: string, companyId: string): Promise<Match[]> =>
      (
        await client
          .as(hk.accessToken)
          .get(`/api/sessions/${sessionId}/matches?companyId=${companyId}`)
          .expect(200)
      ).body.items;

    it('ends with the profile a company edited meanwhile', async () => {
      const sessionId = await sessionWith([h[0], c[0]]);
      const complementarity = async () => {
        const match = (await matchesOf(sessionId, h[0])).find((m) => m.company.id === c[0]);
        return match?.reasons.find((reason) => reason.component === 'complementarity')?.value;
      };
      expect(await eventually(complementarity)).toBeGreaterThan(0);

      const job = await meet('score.before-write', sessionId, startScoring(sessionId), () =>
        client
          .as(ca.accessToken)
          .patch(`/api/companies/${c[0]}`)
          .send({ offers: ['organic tea'], seeks: ['industrial robots'] })
          .expect(200),
      );

      expect(job.state).toBe('completed');
      await eventually(async () => ((await complementarity()) === 0 ? true : undefined));
      // Put back for the other tests.
      await client
        .as(ca.accessToken)
        .patch(`/api/companies/${c[0]}`)
        .send({ offers: ['distribution in north america'], seeks: ['nfc payment terminals'] })
        .expect(200);
    });

    it('ends with the weights an organiser changed meanwhile', async () => {
      // A firm of another sector and language: with the default weights it scores 75, not 100.
      const other = await client.verifiedCompany(ca.accessToken, organiser.accessToken, {
        ...canadian,
        sectors: ['software'],
        languages: ['fr'],
      });
      const sessionId = await sessionWith([h[1], other.id]);
      await eventually(async () =>
        (await matchesOf(sessionId, h[1])).length > 0 ? true : undefined,
      );
      const onlyComplementarity = {
        complementarity: 1,
        sector: 0,
        partnerType: 0,
        market: 0,
        language: 0,
        timeOverlap: 0,
      };

      const job = await meet('score.before-write', sessionId, startScoring(sessionId), () =>
        org()
          .patch(`/api/sessions/${sessionId}`)
          .send({ weights: onlyComplementarity })
          .expect(200),
      );

      expect(job.state).toBe('completed');
      // Scored with the new weights (only complementarity counts), not just explained with them.
      await eventually(async () => {
        const [match] = await matchesOf(sessionId, h[1]);
        const complementarity = match.reasons.find((r) => r.component === 'complementarity')!;
        return Math.abs(match.score - 100 * complementarity.value) < 0.5 ? true : undefined;
      }, 20_000);
    });
  });

  describe('scoring weights, and a full rescore that fails', () => {
    it('keeps the defaults for weights left out, and scores with them', async () => {
      const sessionId = await sessionWith([h[2], c[2]]);
      const patched = await org()
        .patch(`/api/sessions/${sessionId}`)
        .send({ weights: { sector: 0.3 } })
        .expect(200);
      expect(patched.body.weights).toEqual({
        complementarity: 0.4,
        sector: 0.3,
        partnerType: 0.15,
        market: 0.15,
        language: 0.1,
        timeOverlap: 0.05,
      });
      const [row] = await db.query<{ weights: unknown }[]>(
        'SELECT weights FROM sessions WHERE id = $1',
        [sessionId],
      );
      expect(row.weights).toEqual(patched.body.weights);
      const job = await jobDone(await startScoring(sessionId)());
      expect(job).toMatchObject({ state: 'completed' });
    });

    it('reads weights stored partial (by an older version) whole', async () => {
      const sessionId = await sessionWith([h[2], c[2]]);
      await db.query(`UPDATE sessions SET weights = '{"sector": 0.3}' WHERE id = $1`, [sessionId]);
      const read = await org().get(`/api/sessions/${sessionId}`).expect(200);
      expect(read.body.weights).toMatchObject({ complementarity: 0.4, sector: 0.3 });
      expect(await jobDone(await startScoring(sessionId)())).toMatchObject({ state: 'completed' });
    });

    it("ends failed, with the block's reason, when a block fails for good", async () => {
      const sessionId = await sessionWith([h[2], c[2]]);
      await db.query(`UPDATE sessions SET weights = '{"complementarity": -1}' WHERE id = $1`, [
        sessionId,
      ]);
      const jobId = await startScoring(sessionId)();
      const job = await jobDone(jobId);
      expect(job.state).toBe('failed');
      expect(job.failedReason).toMatch(/^Score block-0 failed: Weight of complementarity must be/);
      // The recovery of unfinished rescores finds the failed one and queues nothing again.
      await worker.get(JobRecovery).requeueRescores();
      expect((await org().get(`/api/jobs/${jobId}`).expect(200)).body).toMatchObject({
        state: 'failed',
        attempts: 1,
      });
      // Once the cause is gone, the organiser asking again runs it again, under the same id.
      await db.query(`UPDATE sessions SET weights = '{}' WHERE id = $1`, [sessionId]);
      expect(await startScoring(sessionId)()).toBe(jobId);
      expect(await jobDone(jobId)).toMatchObject({ state: 'completed' });
    });
  });

  describe('the life of a meeting', () => {
    it('refuses to cancel a meeting marked held (with feedback) or a no-show, and to mark a cancelled one', async () => {
      const sessionId = await sessionWith([h[1], h[2], c[1], c[2]]);
      await request(sessionId, h[1], c[1]);
      await request(sessionId, h[2], c[2]);
      await request(sessionId, h[1], c[2]);
      const meetings = await runSchedule(sessionId);
      const of = (x: string, y: string) => meetings.find((m) => pairOf(m) === pair(x, y))!;
      const held = of(h[1], c[1]);
      await atSlot(db, sessionId, held.startsAt, async () => {
        await org().patch(`/api/meetings/${held.id}`).send({ status: 'held' }).expect(200);
        await client
          .as(hk.accessToken)
          .post(`/api/meetings/${held.id}/feedback`)
          .send({ companyId: h[1], rating: 5, outcome: 'follow-up' })
          .expect(201);
      });
      const refused = await client
        .as(ca.accessToken)
        .patch(`/api/meetings/${held.id}`)
        .send({ status: 'cancelled' })
        .expect(409);
      expect(refused.body).toMatchObject({ code: 'meeting.already_held' });
      const corrected = await atSlot(db, sessionId, held.startsAt, () =>
        org().patch(`/api/meetings/${held.id}`).send({ status: 'no-show' }).expect(409),
      );
      expect(corrected.body.code).toBe('meeting.has_feedback');

      const noShow = of(h[2], c[2]);
      await atSlot(db, sessionId, noShow.startsAt, () =>
        org().patch(`/api/meetings/${noShow.id}`).send({ status: 'no-show' }).expect(200),
      );
      const late = await org().patch(`/api/meetings/${noShow.id}`).send({ status: 'cancelled' });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('meeting.already_no_show');

      const cancelled = of(h[1], c[2]);
      await client
        .as(hk.accessToken)
        .patch(`/api/meetings/${cancelled.id}`)
        .send({ status: 'cancelled' })
        .expect(200);
      const revived = await atSlot(db, sessionId, cancelled.startsAt, () =>
        org().patch(`/api/meetings/${cancelled.id}`).send({ status: 'held' }),
      );
      expect(revived.status).toBe(409);
      expect(revived.body.code).toBe('meeting.cancelled');

      const [row] = await db.query<{ status: string }[]>(
        'SELECT status FROM meetings WHERE id = $1',
        [held.id],
      );
      expect(row.status).toBe('held');
    });
  });
});
