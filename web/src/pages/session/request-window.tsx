import { DateTime } from 'luxon';
import { useState } from 'react';
import type { MeetingRequest, SessionDetail } from '../../api';
import { useI18n, type I18n } from '../../i18n';
import { knownZone } from '../../zoned-time';

/** When a requested meeting may take place (ISO instants); null: any time. */
export type RequestWindow = NonNullable<MeetingRequest['window']>;
/** What the request form and the accept action need of the session. */
export type WindowSession = Pick<SessionDetail, 'slots' | 'timezone'>;
type Slot = SessionDetail['slots'][number];

const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);
const same = (a: RequestWindow | null, b: RequestWindow | null) =>
  a !== null && b !== null && sameInstant(a.from, b.from) && sameInstant(a.to, b.to);

/** Two windows (or two "any time"s) that are the same. */
export const sameWindow = (a: RequestWindow | null, b: RequestWindow | null): boolean =>
  (a === null && b === null) || same(a, b);

/** The calendar day of an instant in `zone`. */
const dayIn = (iso: string, zone: string) =>
  DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toISODate();

/** Whether every slot starts on one day in the session's own zone. */
function oneDay(session: WindowSession): boolean {
  const zone = knownZone(session.timezone);
  const days = new Set(session.slots.map((slot) => dayIn(slot.startsAt, zone)));
  return days.size <= 1;
}

const spanOf = (slots: Slot[]): RequestWindow => ({
  from: slots[0].startsAt,
  to: slots[slots.length - 1].endsAt,
});

/**
 * The morning and the afternoon of a one-day session in its own zone: the slots ending by noon,
 * and those starting from noon. Null when the session spans several days or either half has no
 * slot (then only "any time" and "between" make sense).
 */
export function halfDays(
  session: WindowSession,
): { morning: RequestWindow; afternoon: RequestWindow } | null {
  if (session.slots.length === 0 || !oneDay(session)) return null;
  const zone = knownZone(session.timezone);
  const day = dayIn(session.slots[0].startsAt, zone);
  const noon = DateTime.fromISO(`${day}T12:00`, { zone }).toMillis();
  const morning = session.slots.filter((slot) => Date.parse(slot.endsAt) <= noon);
  const afternoon = session.slots.filter((slot) => Date.parse(slot.startsAt) >= noon);
  if (morning.length === 0 || afternoon.length === 0) return null;
  return { morning: spanOf(morning), afternoon: spanOf(afternoon) };
}

type Mode = 'any' | 'morning' | 'afternoon' | 'between';

function modeOf(window: RequestWindow | null, session: WindowSession): Mode {
  if (window === null) return 'any';
  const halves = halfDays(session);
  if (halves && same(window, halves.morning)) return 'morning';
  if (halves && same(window, halves.afternoon)) return 'afternoon';
  return 'between';
}

/**
 * An instant as the page shows times: in the viewer's zone, with its date when the session has
 * several days, or when it falls on another of the viewer's days than the session's first slot
 * (a Hong Kong afternoon is past midnight in Toronto).
 */
function shown(iso: string, session: WindowSession | undefined, i18n: I18n): string {
  if (!session || !oneDay(session) || session.slots.length === 0) return i18n.dateTime(iso);
  return i18n.when(iso, undefined, session.slots[0].startsAt);
}

/** "Only in the session’s morning: 09:00–12:00", "Only between 14:00 and 15:30". */
export function windowWords(
  window: RequestWindow,
  session: WindowSession | undefined,
  i18n: I18n,
): string {
  const values = { from: shown(window.from, session, i18n), to: shown(window.to, session, i18n) };
  const mode = session ? modeOf(window, session) : 'between';
  if (mode === 'morning') return i18n.t('requests.window.morningOnly', values);
  if (mode === 'afternoon') return i18n.t('requests.window.afternoonOnly', values);
  return i18n.t('requests.window.betweenOnly', values);
}

/** The window of a request, in words, where one was given. */
export function WindowShown({
  window,
  session,
}: {
  window: RequestWindow | null;
  session?: WindowSession;
}) {
  const i18n = useI18n();
  if (!window) return null;
  return <p className="muted">{windowWords(window, session, i18n)}</p>;
}

/**
 * When the meeting may take place: any time, the morning or the afternoon of a one-day session
 * (in its own zone), or between a slot's start and a later slot's end, each shown in the viewer's
 * zone as the rest of the page. Nothing to choose when the session has no slots.
 */
export function WindowChoice({
  id,
  session,
  value,
  onChange,
}: {
  /** Prefix of the fields' ids, unique on the page. */
  id: string;
  session: WindowSession;
  value: RequestWindow | null;
  onChange: (window: RequestWindow | null) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [mode, setMode] = useState<Mode>(() => modeOf(value, session));
  const { slots } = session;
  if (slots.length === 0) return null;
  const halves = halfDays(session);
  const time = (iso: string) => shown(iso, session, i18n);
  const choose = (next: Mode) => {
    setMode(next);
    if (next === 'any') onChange(null);
    else if (next === 'between') onChange(value ?? spanOf(slots));
    else if (halves) onChange(halves[next]);
  };
  // The slots the window starts and ends with (the nearest inside it, for a window typed elsewhere).
  const start =
    slots.find((slot) => value && Date.parse(slot.startsAt) >= Date.parse(value.from)) ?? slots[0];
  const end =
    [...slots]
      .reverse()
      .find(
        (slot) =>
          value && Date.parse(slot.endsAt) <= Date.parse(value.to) && slot.index >= start.index,
      ) ?? slots[slots.length - 1];
  const slotOf = (index: string) => slots.find((slot) => String(slot.index) === index) ?? slots[0];
  return (
    <div className="window-choice">
      <label htmlFor={`${id}-when`}>{t('requests.window.label')}</label>
      <select
        id={`${id}-when`}
        value={mode}
        onChange={(event) => choose(event.target.value as Mode)}
      >
        <option value="any">{t('requests.window.any')}</option>
        {halves && (
          <option value="morning">
            {t('requests.window.morning', {
              from: time(halves.morning.from),
              to: time(halves.morning.to),
            })}
          </option>
        )}
        {halves && (
          <option value="afternoon">
            {t('requests.window.afternoon', {
              from: time(halves.afternoon.from),
              to: time(halves.afternoon.to),
            })}
          </option>
        )}
        <option value="between">{t('requests.window.between')}</option>
      </select>
      {mode === 'between' && (
        <>
          <label htmlFor={`${id}-from`}>{t('requests.window.from')}</label>
          <select
            id={`${id}-from`}
            value={String(start.index)}
            onChange={(event) => {
              const first = slotOf(event.target.value);
              const last = end.index >= first.index ? end : first;
              onChange({ from: first.startsAt, to: last.endsAt });
            }}
          >
            {slots.map((slot) => (
              <option key={slot.index} value={String(slot.index)}>
                {time(slot.startsAt)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-to`}>{t('requests.window.to')}</label>
          <select
            id={`${id}-to`}
            value={String(end.index)}
            onChange={(event) =>
              onChange({ from: start.startsAt, to: slotOf(event.target.value).endsAt })
            }
          >
            {slots
              .filter((slot) => slot.index >= start.index)
              .map((slot) => (
                <option key={slot.index} value={String(slot.index)}>
                  {time(slot.endsAt)}
                </option>
              ))}
          </select>
        </>
      )}
    </div>
  );
}
