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
