import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { eventually, startWorker } from './support/app';
import { unique, useApi, type Account } from './support/client';

// Slots of 20 minutes, 10 minutes apart: slot s runs from 30·s to 30·s + 20 minutes.
const START = Date.UTC(2031, 10, 3, 1, 0);
const at = (minutes: number) => new Date(START + minutes * 60_000).toISOString();

/**
 * Every HK firm meets every CA firm once, by hand (so a run plans nothing more):
 *
 *        0    1    2    3    4    5
 *   h1   c1   c2                  c3     1 gap: slots 2–4, from 0:50 to 2:30, 100 min
 *   h2        c1        c2   c3          1 gap: slot 2, 40 min
 *   h3   c3        c1             c2     2 gaps: slot 1 (40 min), slots 3–4 (70 min)
 *   c1   h1   h2   h3                    none
 *   c2        h1        h2        h3     2 gaps: slots 2 and 4, 40 min each
 *   c3   h3                  h2   h1     1 gap: slots 1–3, 100 min
 */
const LAYOUT: [string, string, number][] = [
  ['h1', 'c1', 0],
  ['h1', 'c2', 1],
  ['h1', 'c3', 5],
  ['h2', 'c1', 1],
  ['h2', 'c2', 3],
  ['h2', 'c3', 4],
  ['h3', 'c3', 0],
  ['h3', 'c1', 2],
  ['h3', 'c2', 5],
];

describe('breaks in the placement report, the board, drafts and agendas', () => {
  const client = useApi();
  let worker: INestApplicationContext;
  let organiser: Account;
  let hk: Account;
  let ca: Account;
  let sessionId: string;
  const firm: Record<string, string> = {};
  const meetingOf: Record<string, string> = {};

  const gapsOf = (firms: Record<string, [number, number, number]>) =>
    Object.entries(firms).map(([name, [breaks, idleSlots, idleMinutes]]) => ({
      companyId: firm[name],
      breaks,
      idleSlots,
      idleMinutes,
    }));
  const schedule = async () =>
    (await client.as(organiser.accessToken).get(`/api/sessions/${sessionId}/schedule`).expect(200))
      .body;
  const agendaGaps = (token: string, name: string) =>
    client.as(token).get(`/api/sessions/${sessionId}/agenda/gaps?companyId=${firm[name]}`);

  beforeAll(async () => {
    worker = await startWorker();
    [organiser, hk, ca] = await Promise.all([client.organiser(), client.signUp(), client.signUp()]);
    sessionId = (
      await client
        .as(organiser.accessToken)
        .post('/api/sessions')
        .send({
          title: unique('Gaps session'),
          mode: 'video',
          timezone: 'Asia/Hong_Kong',
          startsAt: at(0),
          endsAt: at(170),
          slotMinutes: 20,
          breakMinutes: 10,
          maxMeetingsPerCompany: 3,
          requestDeadline: at(0),
          sides: [['HK'], ['CA']],
        })
        .expect(201)
    ).body.id;
    const canada = { country: 'CA', timezone: 'America/Toronto', city: 'Toronto' };
    for (const name of ['h1', 'h2', 'h3', 'c1', 'c2', 'c3']) {
      const token = name.startsWith('h') ? hk.accessToken : ca.accessToken;
      firm[name] = (
        await client.verifiedCompany(token, organiser.accessToken, {
          ...(name.startsWith('c') ? canada : {}),
          name: unique(`Gaps ${name}`),
        })
      ).id;
      await client
        .as(token)
        .post(`/api/sessions/${sessionId}/participants`)
        .send({ companyId: firm[name] })
        .expect(201);
    }
    for (const [a, b, slotIndex] of LAYOUT) {
      const booked = await client
        .as(organiser.accessToken)
        .post(`/api/sessions/${sessionId}/meetings`)
        .send({ companyIds: [firm[a], firm[b]], slotIndex })
        .expect(201);
      meetingOf[`${a}-${b}`] = booked.body.id;
    }
  }, 120_000);

  afterAll(() => worker.close());

  it('reports each firm’s breaks and idle time, their total and spread, as hand-counted', async () => {
    await client.runSchedule(organiser.accessToken, sessionId);
    const { meetings, report } = await schedule();
    expect(meetings).toHaveLength(LAYOUT.length);
    const expected = {
      totalBreaks: 7,
      breakSpread: 2,
      companiesWithBreaks: 5,
      idleMinutes: 100 + 40 + 110 + 0 + 80 + 100,
    };
    expect(report.gaps).toMatchObject(expected);
    const companies = report.gaps.companies as { companyId: string; breaks: number }[];
    // Most breaks first, then most idle time.
    expect(companies.slice(0, 2)).toEqual(gapsOf({ h3: [2, 3, 110], c2: [2, 2, 80] }));
    expect(companies.slice(2, 4)).toEqual(
      expect.arrayContaining(gapsOf({ h1: [1, 3, 100], c3: [1, 3, 100] })),
    );
    expect(companies.slice(4)).toEqual(gapsOf({ h2: [1, 1, 40], c1: [0, 0, 0] }));
    // As stored with the run.
    const [stored] = await client.app
      .get(DataSource)
      .query<{ report: { gaps: unknown } }[]>(
        'SELECT report FROM schedule_reports WHERE session_id = $1',
        [sessionId],
      );
    expect(stored.report.gaps).toEqual(report.gaps);
  });

  it('answers the gaps of the meetings as they stand once the board moves one', async () => {
    // h2–c2 from slot 3 to 2: h2 (1, 2, 4) keeps one gap of 40 min, c2 (1, 2, 5) has one of 70.
    await client
      .as(organiser.accessToken)
      .patch(`/api/meetings/${meetingOf['h2-c2']}`)
      .send({ slotIndex: 2 })
      .expect(200);
    const { report } = await schedule();
    expect(report.gaps).toMatchObject({
      totalBreaks: 6,
      breakSpread: 2,
      companiesWithBreaks: 5,
      idleMinutes: 100 + 40 + 110 + 70 + 100,
    });
    expect(report.gaps.companies).toEqual(
      expect.arrayContaining(gapsOf({ h2: [1, 1, 40], c2: [1, 2, 70] })),
    );
  });

  it('gives a draft the gaps of the meetings it shows', async () => {
    const queued = await client
      .as(organiser.accessToken)
      .post(`/api/sessions/${sessionId}/schedule`)
      .send({ draft: true })
      .expect(202);
    await eventually(async () => {
      const job = await client
        .as(organiser.accessToken)
        .get(`/api/jobs/${queued.body.jobId}`)
        .expect(200);
      if (job.body.state === 'failed') throw new Error(job.body.failedReason);
      return job.body.state === 'completed' ? true : undefined;
    }, 20_000);
    const draft = await client
      .as(organiser.accessToken)
      .get(`/api/sessions/${sessionId}/schedule/draft`)
      .expect(200);
    // Every meeting was booked by hand (pinned): the draft keeps them all and adds none.
    expect(draft.body.meetings).toHaveLength(LAYOUT.length);
    // As counted by hand once h2–c2 moved to slot 2 (the test before), and as the board says.
    expect(draft.body.report.gaps).toMatchObject({
      totalBreaks: 6,
      breakSpread: 2,
      companiesWithBreaks: 5,
      idleMinutes: 100 + 40 + 110 + 70 + 100,
    });
    expect(draft.body.report.gaps).toEqual((await schedule()).report.gaps);
  });

  it("gives a firm its own agenda's gaps, and no firm another's", async () => {
    const c2 = await agendaGaps(ca.accessToken, 'c2').expect(200);
    expect(c2.body).toEqual({ breaks: 1, idleSlots: 2, idleMinutes: 70 });
    const c1 = await agendaGaps(ca.accessToken, 'c1').expect(200);
    expect(c1.body).toEqual({ breaks: 0, idleSlots: 0, idleMinutes: 0 });
    const h3 = await agendaGaps(organiser.accessToken, 'h3').expect(200);
    expect(h3.body).toEqual({ breaks: 2, idleSlots: 3, idleMinutes: 110 });
    const refused = await agendaGaps(hk.accessToken, 'c2').expect(403);
    expect(refused.body.code).toBe('company.not_yours');
    // A firm sees no placement report, whose gaps name every firm.
    await client.as(ca.accessToken).get(`/api/sessions/${sessionId}/schedule`).expect(403);
    // A cancelled meeting leaves the agenda, and its gap grows: h1 (0, 5) once h1–c2 goes.
    await client
      .as(ca.accessToken)
      .patch(`/api/meetings/${meetingOf['h1-c2']}`)
      .send({ status: 'cancelled' })
      .expect(200);
    expect((await agendaGaps(hk.accessToken, 'h1').expect(200)).body).toEqual({
      breaks: 1,
      idleSlots: 4,
      idleMinutes: 130,
    });
    expect((await schedule()).report.gaps).toMatchObject({ totalBreaks: 6, idleMinutes: 450 });
  });
});
