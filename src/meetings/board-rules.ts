import type { ErrorDetails } from '../common/app-error';
import type { ErrorCode } from '../common/error-codes.wire';

/*
 * The hard constraints of the schedule, for meetings an organiser places by hand (booked, moved,
 * swapped), pure: the same rules the solver keeps (`solver/check-schedule.ts`), checked against
 * the meetings already there, each refusal naming the rule and what is in the way. The pair's own
 * rules (eligibility, a declined request) are the service's, as they need the firms' profiles.
 */

export interface BoardSlot {
  index: number;
  startsAt: number;
  endsAt: number;
}

/** A meeting of the session that counts (not cancelled). */
export interface BoardMeeting {
  id: string;
  slotIndex: number;
  companyA: string;
  companyB: string;
  table: number | null;
}

export interface BoardState {
  now: number;
  slots: readonly BoardSlot[];
  /** Tables at once for in-person sessions (null: as many as needed); video sessions have none. */
  inPerson: boolean;
  tables: number | null;
  maxMeetings: number;
  /** Each participant's availability windows (none: the whole session). */
  availability: ReadonlyMap<string, readonly { from: number; to: number }[]>;
  meetings: readonly BoardMeeting[];
}

/** Where a meeting would go: a new one (`meetingId` null) or one moved. */
export interface Placement {
  meetingId: string | null;
  companyA: string;
  companyB: string;
  slotIndex: number;
  table: number | null;
}

export interface BoardConflict {
  code: ErrorCode;
  message: string;
  details: ErrorDetails;
}

function meets(meeting: BoardMeeting | Placement, companyId: string): boolean {
  return meeting.companyA === companyId || meeting.companyB === companyId;
}

/** The lowest table free in a slot, or null when the session's tables are all taken. */
export function freeTable(
  state: BoardState,
  slotIndex: number,
  others: readonly (BoardMeeting | Placement)[],
): number | null {
  const taken = new Set(
    others.filter((meeting) => meeting.slotIndex === slotIndex).map((meeting) => meeting.table),
  );
  for (let table = 1; state.tables === null || table <= state.tables; table += 1) {
    if (!taken.has(table)) return table;
  }
  return null;
}

/**
 * Why these placements may not be made together, or null if they may. The meetings they move
 * are taken out of the board first, so that two meetings may swap their slots or tables.
 */
export function placementConflict(
  state: BoardState,
  placements: readonly Placement[],
): BoardConflict | null {
  const moved = new Set(placements.flatMap((placement) => placement.meetingId ?? []));
  const others: (BoardMeeting | Placement)[] = state.meetings.filter(
    (meeting) => !moved.has(meeting.id),
  );
  for (const placement of placements) {
    const conflict = conflictOf(state, others, placement);
    if (conflict) return conflict;
    others.push(placement);
  }
  return null;
}

function conflictOf(
  state: BoardState,
  others: readonly (BoardMeeting | Placement)[],
  placement: Placement,
): BoardConflict | null {
  const { slotIndex, table } = placement;
  const slot = state.slots[slotIndex];
  if (!slot || slot.startsAt <= state.now) {
    return {
      code: 'board.slot_begun',
      message: 'This slot has already begun: meetings are placed only in slots to come',
      details: { slotIndex },
    };
  }
  for (const companyId of [placement.companyA, placement.companyB]) {
    const windows = state.availability.get(companyId);
    if (!windows) {
      return {
        code: 'board.not_participant',
        message: 'This firm does not take part in the session',
        details: { companyId },
      };
    }
    if (
      windows.length > 0 &&
      !windows.some((window) => window.from <= slot.startsAt && slot.endsAt <= window.to)
    ) {
      return {
        code: 'board.unavailable',
        message: 'This firm is not available in that slot',
        details: { companyId, slotIndex },
      };
    }
  }
  const samePair = others.find(
    (meeting) => meets(meeting, placement.companyA) && meets(meeting, placement.companyB),
  );
  if (samePair) {
    return {
      code: 'board.pair_meets',
      message: 'These two firms already have a meeting: a pair meets once',
      details: idOf(samePair),
    };
  }
  for (const companyId of [placement.companyA, placement.companyB]) {
    const busy = others.find(
      (meeting) => meeting.slotIndex === slotIndex && meets(meeting, companyId),
    );
    if (busy) {
      return {
        code: 'board.company_busy',
        message: 'This firm already has a meeting in that slot',
        details: { companyId, slotIndex, ...idOf(busy) },
      };
    }
  }
  for (const companyId of [placement.companyA, placement.companyB]) {
    const count = others.filter((meeting) => meets(meeting, companyId)).length;
    if (count >= state.maxMeetings) {
      return {
        code: 'board.max_meetings',
        message: `This firm already has its ${state.maxMeetings} meetings, the most the session allows`,
        details: { companyId, max: state.maxMeetings },
      };
    }
  }
  if (state.inPerson) {
    const atTable = others.find(
      (meeting) => meeting.slotIndex === slotIndex && meeting.table === table,
    );
    if (atTable) {
      return {
        code: 'board.table_taken',
        message: `Table ${table} already has a meeting in that slot`,
        details: { slotIndex, table: table ?? 0, ...idOf(atTable) },
      };
    }
    const inSlot = others.filter((meeting) => meeting.slotIndex === slotIndex).length;
    if (state.tables !== null && inSlot >= state.tables) {
      return {
        code: 'board.tables_full',
        message: `Every table (${state.tables}) already has a meeting in that slot`,
        details: { slotIndex },
      };
    }
  }
  return null;
}

/** The id of the meeting in the way (a placement of the same request has none yet). */
function idOf(meeting: BoardMeeting | Placement): { meetingId?: string } {
  const id = 'id' in meeting ? meeting.id : meeting.meetingId;
  return id ? { meetingId: id } : {};
}
