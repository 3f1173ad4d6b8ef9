import type { Slot } from '../sessions/slots';
import { breakSpread, dayGaps, type DayGaps } from './solver/breaks';

/** The gaps in one firm's day: breaks (gaps between two of its meetings) and the time they idle. */
export interface AgendaGaps {
  breaks: number;
  idleSlots: number;
  /** From the end of the meeting before each gap to the start of the one after it, summed. */
  idleMinutes: number;
}

export interface CompanyGaps extends AgendaGaps {
  companyId: string;
}

/** The breaks of a whole schedule, as the placement report and the schedule board show them. */
export interface PlacementGaps {
  totalBreaks: number;
  /** Most breaks of a firm less the fewest, over the firms with at least one meeting. */
  breakSpread: number;
  companiesWithBreaks: number;
  idleMinutes: number;
  /** Every firm with at least one meeting, most breaks first (then most idle time). */
  companies: CompanyGaps[];
}

/** A meeting as far as gaps go: its slot and its two firms. */
export interface GapMeeting {
  slotIndex: number;
  companyA: string;
  companyB: string;
}

const MINUTE = 60_000;

/**
 * Idle minutes of a day from its gaps, for slots evenly spaced as `buildSlots` makes them: each
 * idle slot is a slot and the pause after it, and each gap also holds the pause before its first
 * idle slot (back-to-back meetings, one pause apart, are not idle).
 */
function idleMinutesOf(gaps: DayGaps, slots: readonly Slot[]): number {
  if (slots.length < 2) return 0;
  const slotMs = slots[0].endsAt.getTime() - slots[0].startsAt.getTime();
  const pauseMs = slots[1].startsAt.getTime() - slots[0].endsAt.getTime();
  return Math.round((gaps.idleSlots * (slotMs + pauseMs) + gaps.breaks * pauseMs) / MINUTE);
}

/** One firm's gaps from the slot indices of its meetings (`dayGaps`), with their idle time. */
export function agendaGaps(slotIndices: readonly number[], slots: readonly Slot[]): AgendaGaps {
  const gaps = dayGaps(slotIndices);
  return { ...gaps, idleMinutes: idleMinutesOf(gaps, slots) };
}

/**
 * The gaps of a schedule by firm, from its meetings (the ones that take place: pass no cancelled
 * meeting), pure: the placement report gives them for the schedule planned, the board for the
 * meetings as they stand after any change by hand.
 */
export function placementGaps(
  meetings: readonly GapMeeting[],
  slots: readonly Slot[],
): PlacementGaps {
  const days = new Map<string, number[]>();
  const add = (companyId: string, slot: number) => {
    const day = days.get(companyId);
    if (day) day.push(slot);
    else days.set(companyId, [slot]);
  };
  for (const meeting of meetings) {
    add(meeting.companyA, meeting.slotIndex);
    add(meeting.companyB, meeting.slotIndex);
  }
  const companies = [...days].map(([companyId, day]) => ({
    companyId,
    ...agendaGaps(day, slots),
  }));
  companies.sort(
    (x, y) =>
      y.breaks - x.breaks ||
      y.idleMinutes - x.idleMinutes ||
      (x.companyId < y.companyId ? -1 : x.companyId > y.companyId ? 1 : 0),
  );
  return {
    totalBreaks: companies.reduce((sum, company) => sum + company.breaks, 0),
    breakSpread: breakSpread(
      companies.map((company) => company.breaks),
      companies.map(() => 1),
    ),
    companiesWithBreaks: companies.filter((company) => company.breaks > 0).length,
    idleMinutes: companies.reduce((sum, company) => sum + company.idleMinutes, 0),
    companies,
  };
}
