/**
 * Slots of a matchmaking session, pure: consecutive meetings of `slotMinutes` separated by
 * `breakMinutes`, from `startsAt` while a whole slot still ends by `endsAt`. Arithmetic is on
 * instants (UTC milliseconds), so a slot lasts its minutes even across a daylight-saving change
 * in any zone; clients show the instants in each viewer's zone.
 */
export interface Slot {
  index: number;
  startsAt: Date;
  endsAt: Date;
}

export interface SlotPlan {
  startsAt: Date;
  endsAt: Date;
  slotMinutes: number;
  breakMinutes: number;
}

const MINUTE = 60_000;

export function buildSlots(plan: SlotPlan): Slot[] {
  const slotMs = plan.slotMinutes * MINUTE;
  const stepMs = slotMs + plan.breakMinutes * MINUTE;
  if (slotMs <= 0 || stepMs <= 0) return [];
  const slots: Slot[] = [];
  for (
    let start = plan.startsAt.getTime();
    start + slotMs <= plan.endsAt.getTime();
    start += stepMs
  ) {
    slots.push({
      index: slots.length,
      startsAt: new Date(start),
      endsAt: new Date(start + slotMs),
    });
  }
  return slots;
}

/** The slot running at `now` (start inclusive, end exclusive) and the next one to start. */
export function slotAt(
  slots: readonly Slot[],
  now: Date,
): { current: Slot | null; next: Slot | null } {
  const t = now.getTime();
  const current = slots.find((slot) => slot.startsAt.getTime() <= t && t < slot.endsAt.getTime());
  const next = slots.find((slot) => slot.startsAt.getTime() > t) ?? null;
  return { current: current ?? null, next };
}

/** How long before its end a slot is announced as ending. */
export const SLOT_ENDING_NOTICE_MS = 60_000;

export interface SlotClockEvent {
  kind: 'started' | 'ending';
  slotIndex: number;
  /** When it is due; a due time already past means "now" (the slot is running). */
  at: Date;
}

/**
 * How far ahead a live session's slot clock is queued. A session may be live for weeks (thousands
 * of slots); queuing all of them at once, again at every worker start, filled Redis with delayed
 * jobs. Each notice sent tops the clock up to this horizon again (`SessionClock`).
 */
export const SLOT_CLOCK_HORIZON_MS = 6 * 60 * 60_000;

/**
 * The slot clock of a live session from `now` on: each slot's start and the minute before its
 * end, for every slot not yet over that starts before `now + horizonMs`, and always the next
 * slot's (however far off, so that the clock goes on). A slot already running still gets both,
 * due at once if their time has passed, so a session that goes live late tells the room where it
 * stands.
 */
export function slotClockEvents(
  slots: readonly Slot[],
  now: Date,
  horizonMs = Number.POSITIVE_INFINITY,
): SlotClockEvent[] {
  const events: SlotClockEvent[] = [];
  const horizon = now.getTime() + horizonMs;
  for (const slot of slots) {
    if (slot.endsAt.getTime() <= now.getTime()) continue;
    if (events.length > 0 && slot.startsAt.getTime() >= horizon) break;
    events.push({ kind: 'started', slotIndex: slot.index, at: slot.startsAt });
    const ending = Math.max(slot.startsAt.getTime(), slot.endsAt.getTime() - SLOT_ENDING_NOTICE_MS);
    events.push({ kind: 'ending', slotIndex: slot.index, at: new Date(ending) });
  }
  return events;
}
