import type { FieldErrors } from '../common/app-error';
import type { WireFieldRules } from '../common/field-rules.wire';
import type { WireRequestWindow } from '../live/live.wire';
import type { Slot } from '../sessions/slots';

/** An instant interval in epoch milliseconds, `from` before `to`. */
export interface Span {
  from: number;
  to: number;
}

/** The indices of the slots lying wholly inside `span` (start and end included). */
export function slotsWithin(slots: readonly Slot[], span: Span): number[] {
  return slots
    .filter((slot) => span.from <= slot.startsAt.getTime() && slot.endsAt.getTime() <= span.to)
    .map((slot) => slot.index);
}

/**
 * The problems of a request's window (well-formed instants, `from` before `to`, as the DTO
 * checked) against its session: inside the session's time span, and holding at least one whole
 * slot, or the meeting could never be placed. Null when it is fine.
 */
export function windowProblems(
  window: WireRequestWindow,
  session: { startsAt: Date; endsAt: Date },
  slots: readonly Slot[],
): { fields: FieldErrors; rules: WireFieldRules } | null {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const first = session.startsAt.toISOString();
  const last = session.endsAt.toISOString();
  const fields: FieldErrors = {};
  const rules: WireFieldRules = {};
  const outside = (field: 'window.from' | 'window.to') => {
    fields[field] = [`must lie inside the session, ${first} to ${last}`];
    rules[field] = [{ rule: 'withinSession', params: { first, last } }];
  };
  if (from < session.startsAt.getTime() || from >= session.endsAt.getTime()) outside('window.from');
  if (to > session.endsAt.getTime() || to <= session.startsAt.getTime()) outside('window.to');
  if (Object.keys(fields).length > 0) return { fields, rules };
  if (slotsWithin(slots, { from, to }).length === 0) {
    return {
      fields: { window: ['must hold at least one whole meeting slot of the session'] },
      rules: { window: [{ rule: 'holdsSlot' }] },
    };
  }
  return null;
}

/**
 * The slots a requested pair may meet in, from the windows of its live requests (one per
 * direction, each `accepted` or not): absent when none has a window. Several windows are
 * intersected; when no slot lies inside all of them, the accepted requests' windows win (the
 * receiver agreed to them), and when that leaves none either, any slot inside one of the windows
 * (each firm asked for its own part of the day; neither is dropped).
 */
export function pairWindowSlots(
  slots: readonly Slot[],
  windows: readonly { span: Span | null; accepted: boolean }[],
): number[] | undefined {
  const spans = windows.flatMap(({ span, accepted }) => (span ? [{ span, accepted }] : []));
  if (spans.length === 0) return undefined;
  const inAll = (list: readonly { span: Span }[]) =>
    slotsWithin(slots, {
      from: Math.max(...list.map(({ span }) => span.from)),
      to: Math.min(...list.map(({ span }) => span.to)),
    });
  const all = inAll(spans);
  if (all.length > 0) return all;
  const accepted = spans.filter((window) => window.accepted);
  const agreed = accepted.length > 0 ? inAll(accepted) : [];
  if (agreed.length > 0) return agreed;
  const any = new Set(spans.flatMap(({ span }) => slotsWithin(slots, span)));
  return slots.map((slot) => slot.index).filter((index) => any.has(index));
}
