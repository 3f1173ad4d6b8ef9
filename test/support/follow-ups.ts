import { DataSource } from 'typeorm';
import { followUpExpiry, signFollowUpKey } from '../../src/follow-ups/follow-up-key';
import { testConfig } from './app';
import type { TestClient } from './client';

let sessionStart = Date.UTC(2034, 0, 10, 1);

/**
 * A closed session in which the two firms held a meeting (written as held: marking it through
 * the API waits for its time), its surveys planned by the real close, the first firm's survey
 * at `months` marked sent, and the key of its link as the worker signs it.
 */
export async function sentFollowUp(
  client: TestClient,
  organiserToken: string,
  companyId: string,
  otherCompanyId: string,
  months = 3,
): Promise<{ sessionId: string; meetingId: string; surveyId: string; key: string }> {
  sessionStart += 24 * 3600_000;
  const sessionId = await client.videoSession(organiserToken, sessionStart, 60, {
    sides: null,
    followUpMonths: [months],
  });
  const db = client.app.get(DataSource);
  const [first, second] = [companyId, otherCompanyId].sort();
  const [meeting] = await db.query<{ id: string }[]>(
    `INSERT INTO meetings (session_id, slot_index, company_a, company_b, status, origin)
     VALUES ($1, 0, $2, $3, 'held', 'score') RETURNING id`,
    [sessionId, first, second],
  );
  await client
    .as(organiserToken)
    .patch(`/api/sessions/${sessionId}`)
    .send({ status: 'closed' })
    .expect(200);
  const [[survey]] = await db.query<[{ id: string; sent_at: Date }[], number]>(
    `UPDATE follow_up_surveys SET sent_at = now()
      WHERE session_id = $1 AND company_id = $2 AND months = $3 RETURNING id, sent_at`,
    [sessionId, companyId, months],
  );
  const key = signFollowUpKey(testConfig().jwtSecret, survey.id, followUpExpiry(survey.sent_at));
  return { sessionId, meetingId: meeting.id, surveyId: survey.id, key };
}
