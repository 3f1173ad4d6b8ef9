import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { MatchmakingSession } from '../sessions/session.entity';
import {
  fingerprintInputs,
  loadScheduleInputs,
  ORIGIN_OF_TIER,
  type ScheduleInputs,
} from './schedule-inputs';
import type { DraftMeeting } from './schedule-draft.entity';
import { placementGaps } from './schedule-gaps';
import { ScheduleReport, type PlacementReport } from './schedule-report.entity';
import { solveSchedule } from './solver/solve-schedule';
import type { ScheduleResult } from './solver/schedule-types';

/** An unguessable id for a video meeting's room (128 random bits). */
export function newRoomId(): string {
  return randomBytes(16).toString('base64url');
}

function buildReport(
  inputs: ScheduleInputs,
  result: ScheduleResult,
  solverMs: number,
): PlacementReport {
  const [mutual, accepted, pending] = result.requestedByTier;
  const [placedMutual, placedAccepted, placedPending, placedScore] = result.placedByTier;
  const requested = mutual + accepted + pending;
  return {
    requested: { mutual, accepted, pending },
    placed: {
      mutual: placedMutual,
      accepted: placedAccepted,
      pending: placedPending,
      score: placedScore,
    },
    placedShare: requested === 0 ? 1 : (placedMutual + placedAccepted + placedPending) / requested,
    unplaced: result.unplaced.map(({ pair, reason }) => {
      const { a, b, tier } = inputs.problem.pairs[pair];
      return {
        requestIds: inputs.requestIds[pair],
        companyIds: [inputs.ids[a], inputs.ids[b]],
        kind: ORIGIN_OF_TIER[tier] as 'mutual' | 'accepted' | 'pending',
        reason,
      };
    }),
    meetings: result.meetings.length + inputs.kept.length,
    gaps: placementGaps(
      [
        ...inputs.kept,
        ...result.meetings.map(({ pair, slot }) => ({
          slotIndex: slot,
          companyA: inputs.ids[inputs.problem.pairs[pair].a],
          companyB: inputs.ids[inputs.problem.pairs[pair].b],
        })),
      ],
      inputs.slots,
    ),
    solverMs: Math.round(solverMs),
  };
}

export interface PublishedSchedule {
  report: PlacementReport;
  /** The session's participants, who may find their agendas changed. */
  companies: string[];
  /** The inputs had changed since the plan was made, and it was made again under the lock. */
  replanned: boolean;
}

/** A schedule planned from inputs read at some moment, not yet published. */
export interface SchedulePlan {
  inputs: ScheduleInputs;
  result: ScheduleResult;
  report: PlacementReport;
}

/** Runs the solver on inputs already read (pure: no I/O). */
export function planSchedule(inputs: ScheduleInputs): SchedulePlan {
  const started = performance.now();
  const result = solveSchedule(inputs.problem);
  return { inputs, result, report: buildReport(inputs, result, performance.now() - started) };
}

/**
 * Publishes a plan inside the caller's transaction, which must hold the session's row lock
 * (FOR UPDATE): meetings that stay (held, fixed, begun) are kept, the rest are replaced, and the
 * attendance table (one row per company and slot) lets the database itself refuse any double
 * booking. An open session becomes scheduled.
 *
 * Whatever changed since `plan` was made wins (a meeting cancelled, a request declined or
 * cancelled, a pin, a meeting marked held, availability changed, new scores): the inputs are read
 * again under the lock, and if they differ in anything (`fingerprintInputs`), the schedule is
 * planned again from them, here, once. Planning again rather than dropping the pairs that are no
 * longer allowed, because the solver is the one place that knows every hard constraint: a pin
 * moves a meeting into a slot others were planned in, an availability change empties slots, a
 * decline frees room another pair should get; dropping pairs would re-implement each rule and
 * leave holes. Once, and under the lock, because every write that changes these inputs takes
 * the session's row lock too (in share mode), so what is read here cannot change before the
 * commit: one re-plan always ends, and it costs one solver run (at most its time budget) only
 * for a run that met a change. Without a plan (`null`), it plans under the lock.
 */
export async function publishPlan(
  manager: EntityManager,
  session: MatchmakingSession,
  plan: SchedulePlan | null,
  /** Slots that began before this instant are not planned (the demo plans as of its start). */
  asOf: Date = new Date(),
): Promise<PublishedSchedule> {
  const inputs = await loadScheduleInputs(manager, session, asOf);
  const unchanged = plan !== null && fingerprintInputs(plan.inputs) === fingerprintInputs(inputs);
  const current = unchanged ? plan : planSchedule(inputs);
  await publish(manager, session, current.inputs, current.result);
  await manager.upsert(ScheduleReport, { sessionId: session.id, report: current.report }, [
    'sessionId',
  ]);
  if (session.status === 'open') {
    await manager.update(MatchmakingSession, { id: session.id }, { status: 'scheduled' });
  }
  return { report: current.report, companies: current.inputs.ids, replanned: !unchanged };
}

/**
 * Plans a session's schedule and publishes it, all inside the caller's transaction which holds
 * the session's row lock (the demo seed; the worker plans before it takes the lock, see
 * SchedulePublisher).
 */
export async function planAndPublish(
  manager: EntityManager,
  session: MatchmakingSession,
  asOf: Date = new Date(),
): Promise<PublishedSchedule> {
  return publishPlan(manager, session, null, asOf);
}

/**
 * The meetings a plan adds, as rows: each pair in id order, with a table for in-person sessions
 * (the lowest one the meetings that stay leave free in its slot). Pure.
 */
export function plannedMeetings(
  session: Pick<MatchmakingSession, 'mode'>,
  inputs: ScheduleInputs,
  result: ScheduleResult,
): DraftMeeting[] {
  const tablesTaken = new Map<number, Set<number>>();
  for (const meeting of inputs.kept) {
    if (meeting.tableNumber !== null) {
      const taken = tablesTaken.get(meeting.slotIndex) ?? new Set<number>();
      taken.add(meeting.tableNumber);
      tablesTaken.set(meeting.slotIndex, taken);
    }
  }
  const inPerson = session.mode === 'in-person';
  return result.meetings.map(({ pair, slot }) => {
    const { a, b, tier, score } = inputs.problem.pairs[pair];
    const [companyA, companyB] = [inputs.ids[a], inputs.ids[b]].sort();
    let table: number | null = null;
    if (inPerson) {
      const taken = tablesTaken.get(slot) ?? new Set<number>();
      table = 1;
      while (taken.has(table)) table += 1;
      taken.add(table);
      tablesTaken.set(slot, taken);
    }
    return { slotIndex: slot, companyA, companyB, table, origin: ORIGIN_OF_TIER[tier], score };
  });
}

async function publish(
  manager: EntityManager,
  session: MatchmakingSession,
  inputs: ScheduleInputs,
  result: ScheduleResult,
): Promise<void> {
  await replaceMovableMeetings(
    manager,
    session,
    inputs.kept.map((meeting) => meeting.id),
    plannedMeetings(session, inputs, result),
  );
}

/**
 * Inside the caller's transaction (under the session's row lock FOR UPDATE): deletes the
 * session's meetings that are still to take place and not among `keptIds`, and inserts `rows`
 * (each video meeting with a new room), with their attendance rows.
 */
export async function replaceMovableMeetings(
  manager: EntityManager,
  session: MatchmakingSession,
  keptIds: readonly string[],
  rows: readonly DraftMeeting[],
): Promise<void> {
  await manager.query(
    `DELETE FROM meetings WHERE session_id = $1 AND status = 'scheduled' AND NOT (id = ANY($2::uuid[]))`,
    [session.id, keptIds],
  );
  if (rows.length === 0) return;
  const inPerson = session.mode === 'in-person';
  const inserted = await manager.query<
    { id: string; slot_index: number; company_a: string; company_b: string }[]
  >(
    `INSERT INTO meetings (session_id, slot_index, company_a, company_b, table_number, room_id, origin, score)
     SELECT $1, * FROM unnest($2::int[], $3::uuid[], $4::uuid[], $5::int[], $6::text[], $7::meeting_origin[], $8::real[])
     RETURNING id, slot_index, company_a, company_b`,
    [
      session.id,
      rows.map((row) => row.slotIndex),
      rows.map((row) => row.companyA),
      rows.map((row) => row.companyB),
      rows.map((row) => row.table),
      rows.map(() => (inPerson ? null : newRoomId())),
      rows.map((row) => row.origin),
      rows.map((row) => row.score),
    ],
  );
  await manager.query(
    `INSERT INTO meeting_attendance (session_id, slot_index, company_id, meeting_id)
     SELECT $1, * FROM unnest($2::int[], $3::uuid[], $4::uuid[])`,
    [
      session.id,
      inserted.flatMap((meeting) => [meeting.slot_index, meeting.slot_index]),
      inserted.flatMap((meeting) => [meeting.company_a, meeting.company_b]),
      inserted.flatMap((meeting) => [meeting.id, meeting.id]),
    ],
  );
}
