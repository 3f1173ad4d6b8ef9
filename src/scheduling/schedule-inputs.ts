import type { EntityManager } from 'typeorm';
import { inputsDigest } from '../common/inputs-digest';
import { loadProfiles } from '../matching/session-inputs';
import type { MeetingOrigin } from '../meetings/meeting.wire';
import type { MatchmakingSession } from '../sessions/session.entity';
import { buildSlots, type Slot } from '../sessions/slots';
import type { MeetingPreference } from '../preferences/preference.wire';
import { pairWindowSlots, type Span } from '../requests/request-window';
import type {
  FixedMeeting,
  PairPreference,
  ScheduleProblem,
  SolverPair,
  Tier,
} from './solver/schedule-types';

export const ORIGIN_OF_TIER: Record<Tier, MeetingOrigin> = {
  0: 'mutual',
  1: 'accepted',
  2: 'pending',
  3: 'score',
};

/** A meeting that scheduling keeps where it is (held, no-show, fixed, or in a slot already begun). */
export interface KeptMeeting {
  id: string;
  slotIndex: number;
  companyA: string;
  companyB: string;
  tableNumber: number | null;
}

export interface ScheduleInputs {
  slots: Slot[];
  /** Company ids by solver index. */
  ids: string[];
  problem: ScheduleProblem;
  /** Request ids behind each candidate pair (tiers 0–2). */
  requestIds: string[][];
  kept: KeptMeeting[];
}

/**
 * The priority of a requested pair: mutual when both firms asked (two live requests in opposite
 * directions), whether or not either pressed accept, as SPEC.md says; then accepted; then pending.
 */
export function requestTier(bothAsked: boolean, accepted: boolean): Tier {
  if (bothAsked) return 0;
  return accepted ? 1 : 2;
}

/**
 * The solver's view of a pair's marks (each firm's own, if any): `not-interested` when either side
 * said so, else `must-meet` when either side did; undefined otherwise (`interested` changes nothing).
 */
export function pairPreference(marks: readonly MeetingPreference[]): PairPreference | undefined {
  if (marks.includes('not-interested')) return 'not-interested';
  return marks.includes('must-meet') ? 'must-meet' : undefined;
}

/**
 * Whether a requested pair stays a candidate: a request both firms made, or one accepted, always
 * does (an accepted request wins over a mark); a pending one-way request does not once either
 * firm marked the other `not-interested`.
 */
export function requestStands(tier: Tier, preference: PairPreference | undefined): boolean {
  return tier < 2 || preference !== 'not-interested';
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * Everything the solver needs, read in one transaction: slots; participants with the slots they
 * are free in (none of the slots already begun in a live session); meetings that stay; and the
 * candidate pairs by priority: mutual requests, accepted requests, pending requests, and
 * the session's match scores. A pair with a declined request is never a candidate; the firms'
 * marks (meeting preferences) drop pending requests and fillers either side marked
 * `not-interested`, and raise `must-meet` fillers above the others (see `requestStands`).
 */
export async function loadScheduleInputs(
  manager: EntityManager,
  session: MatchmakingSession,
  now: Date,
): Promise<ScheduleInputs> {
  const slots = buildSlots(session);
  const open = slots.map((slot) => slot.startsAt > now);
  const profiles = await loadProfiles(manager, session.id);
  const ids = profiles.map((profile) => profile.id);
  const index = new Map(ids.map((id, i) => [id, i]));

  const companies = profiles.map((profile) => ({
    maxMeetings: session.maxMeetingsPerCompany,
    available: slots.map(
      (slot, s) =>
        open[s] &&
        (profile.availability.length === 0 ||
          profile.availability.some(
            (window) =>
              window.from <= slot.startsAt.getTime() && slot.endsAt.getTime() <= window.to,
          )),
    ),
  }));

  const kept = await manager.query<KeptMeeting[]>(
    `SELECT id, slot_index AS "slotIndex", company_a AS "companyA", company_b AS "companyB", table_number AS "tableNumber"
       FROM meetings
      WHERE session_id = $1 AND status <> 'cancelled'
        AND (status <> 'scheduled' OR fixed OR slot_index = ANY($2::int[]))`,
    [session.id, slots.filter((_, s) => !open[s]).map((slot) => slot.index)],
  );
  const fixed: FixedMeeting[] = [];
  // A pair with a meeting that stays, or one that was cancelled, is not planned again.
  const cancelled = await manager.query<{ company_a: string; company_b: string }[]>(
    `SELECT company_a, company_b FROM meetings WHERE session_id = $1 AND status = 'cancelled'`,
    [session.id],
  );
  const meetingPairs = new Set<string>(
    cancelled.map((meeting) => pairKey(meeting.company_a, meeting.company_b)),
  );
  for (const meeting of kept) {
    meetingPairs.add(pairKey(meeting.companyA, meeting.companyB));
    const a = index.get(meeting.companyA);
    const b = index.get(meeting.companyB);
    if (a !== undefined && b !== undefined) fixed.push({ a, b, slot: meeting.slotIndex });
  }

  const requests = await manager.query<
    {
      id: string;
      from_company_id: string;
      to_company_id: string;
      status: string;
      window_from: Date | null;
      window_to: Date | null;
    }[]
  >(
    `SELECT id, from_company_id, to_company_id, status, window_from, window_to FROM meeting_requests
      WHERE session_id = $1 AND status IN ('pending', 'accepted', 'declined')`,
    [session.id],
  );
  const declined = new Set(
    requests
      .filter((r) => r.status === 'declined')
      .map((r) => pairKey(r.from_company_id, r.to_company_id)),
  );
  const byPair = new Map<
    string,
    {
      a: number;
      b: number;
      ids: string[];
      accepted: boolean;
      directions: Set<string>;
      windows: { span: Span | null; accepted: boolean }[];
    }
  >();
  for (const request of requests) {
    if (request.status === 'declined') continue;
    const key = pairKey(request.from_company_id, request.to_company_id);
    const a = index.get(request.from_company_id);
    const b = index.get(request.to_company_id);
    if (a === undefined || b === undefined || declined.has(key) || meetingPairs.has(key)) continue;
    const entry = byPair.get(key) ?? {
      a,
      b,
      ids: [],
      accepted: false,
      directions: new Set<string>(),
      windows: [],
    };
    entry.ids.push(request.id);
    entry.windows.push({
      span:
        request.window_from && request.window_to
          ? { from: request.window_from.getTime(), to: request.window_to.getTime() }
          : null,
      accepted: request.status === 'accepted',
    });
    entry.accepted ||= request.status === 'accepted';
    entry.directions.add(request.from_company_id);
    byPair.set(key, entry);
  }
  const markRows = await manager.query<
    { company_id: string; other_company_id: string; preference: MeetingPreference }[]
  >(
    `SELECT company_id, other_company_id, preference FROM meeting_preferences
      WHERE session_id = $1 AND preference <> 'interested'`,
    [session.id],
  );
  const marks = new Map<string, MeetingPreference[]>();
  for (const row of markRows) {
    const key = pairKey(row.company_id, row.other_company_id);
    marks.set(key, [...(marks.get(key) ?? []), row.preference]);
  }
  const preferenceOf = (key: string) => pairPreference(marks.get(key) ?? []);

  const pairs: SolverPair[] = [];
  const requestIds: string[][] = [];
  // Pending requests a firm said no thanks to: neither requests nor fillers.
  const refused = new Set<string>();
  for (const [key, entry] of byPair) {
    const tier = requestTier(entry.directions.size === 2, entry.accepted);
    if (!requestStands(tier, preferenceOf(key))) {
      refused.add(key);
      continue;
    }
    // The requests' windows ("mornings only"): the slots the meeting may take, see pairWindowSlots.
    const allowed = pairWindowSlots(slots, entry.windows);
    pairs.push({ a: entry.a, b: entry.b, tier, score: 0, ...(allowed ? { slots: allowed } : {}) });
    requestIds.push(entry.ids);
  }

  const scores = await manager.query<{ company_id: string; other_id: string; score: number }[]>(
    `SELECT company_id, other_id, score FROM match_scores WHERE session_id = $1 AND generation = $2 AND company_id < other_id
     UNION
     SELECT other_id, company_id, score FROM match_scores WHERE session_id = $1 AND generation = $2 AND other_id < company_id`,
    [session.id, session.scoreGeneration],
  );
  const requested = new Map<string, number>();
  pairs.forEach((pair, i) => requested.set(pairKey(ids[pair.a], ids[pair.b]), i));
  const scoredPairs = new Set<string>();
  for (const row of scores) {
    const key = pairKey(row.company_id, row.other_id);
    const known = requested.get(key);
    if (known !== undefined) {
      pairs[known].score = Math.max(pairs[known].score, row.score);
      continue;
    }
    const a = index.get(row.company_id);
    const b = index.get(row.other_id);
    if (
      a === undefined ||
      b === undefined ||
      declined.has(key) ||
      refused.has(key) ||
      meetingPairs.has(key) ||
      scoredPairs.has(key)
    )
      continue;
    scoredPairs.add(key);
    const preference = preferenceOf(key);
    pairs.push({ a, b, tier: 3, score: row.score, ...(preference ? { preference } : {}) });
    requestIds.push([]);
  }

  return {
    slots,
    ids,
    problem: {
      slots: slots.length,
      tables: session.mode === 'in-person' ? session.tables : null,
      companies,
      pairs,
      fixed,
    },
    requestIds,
    kept,
  };
}

/**
 * A digest of everything a plan depends on, the same for the same inputs however the database
 * happened to order its rows: slots, tables, each company's limit and free slots, the candidate
 * pairs with their tiers, scores, requests and windows' slots, and the meetings that stay (with their tables).
 * Two reads of a session give the same digest exactly when a plan made from one is valid for
 * the other.
 */
export function fingerprintInputs(inputs: ScheduleInputs): string {
  const { ids, problem } = inputs;
  const sorted = (items: string[]) => [...items].sort();
  const canonical = {
    slots: inputs.slots.map((slot) => [slot.startsAt.getTime(), slot.endsAt.getTime()]),
    tables: problem.tables,
    companies: ids.map((id, c) => [
      id,
      problem.companies[c].maxMeetings,
      problem.companies[c].available.map((free) => (free ? 1 : 0)).join(''),
    ]),
    pairs: sorted(
      problem.pairs.map(
        (pair, p) =>
          `${pairKey(ids[pair.a], ids[pair.b])}|${pair.tier}|${pair.score}|${sorted(inputs.requestIds[p]).join(',')}` +
          (pair.preference ? `|${pair.preference}` : '') +
          (pair.slots ? `|slots:${pair.slots.join('.')}` : ''),
      ),
    ),
    kept: sorted(
      inputs.kept.map(
        (meeting) =>
          `${meeting.id}|${meeting.slotIndex}|${meeting.companyA}|${meeting.companyB}|${meeting.tableNumber}`,
      ),
    ),
  };
  return inputsDigest(canonical);
}
