import { ConfirmButton } from '../../../confirm';
import { useEffect, useRef, useState } from 'react';
import { useI18n, type MessageKey } from '../../../i18n';
import { ErrorBox } from '../../../ui';
import type { MeetingStatus, ScheduledMeeting } from '../types';
import { BoardError } from './board-error';
import type { Board } from './use-board';
import { useMoveMeeting } from './use-board-changes';
import { useMeetingChange } from './use-meeting-change';
import { useNow } from './use-now';

const MARKS: { status: Exclude<MeetingStatus, 'scheduled'>; label: MessageKey }[] = [
  { status: 'held', label: 'org.meeting.markHeld' },
  { status: 'no-show', label: 'org.meeting.markNoShow' },
  { status: 'cancelled', label: 'org.meeting.markCancelled' },
];

/**
 * The chosen meeting: when and where, its status, and what an organiser can do with it (mark it
 * held or no-show, cancel it, keep it in its slot when scheduling runs again, and, while it is
 * to come, move it to another slot (and, in person, table) or swap it with another meeting). A cancelled meeting takes
 * nothing more.
 */
export function MeetingActions({
  meeting,
  board,
  nameOf,
  onChanged,
  onClose,
  now,
}: {
  meeting: ScheduledMeeting;
  /** The board, for the slots and meetings a move or swap may choose (none: no moves offered). */
  board?: Board;
  nameOf: (companyId: string) => string;
  onChanged: (meeting: ScheduledMeeting) => void;
  onClose: () => void;
  now?: number;
}) {
  const { t, dateTime, time, when } = useI18n();
  const move = useMoveMeeting(meeting.sessionId);
  const [slotIndex, setSlotIndex] = useState('');
  // In person: the table too ('' lets the server keep the meeting's table or find a free one).
  const [table, setTable] = useState('');
  const tables = board?.session.tables ?? null;
  const [swapWith, setSwapWith] = useState('');
  const clock = useNow(now);
  const future = (startsAt: string) => new Date(startsAt).getTime() > clock;
  const movable = board !== undefined && meeting.status === 'scheduled' && future(meeting.startsAt);
  // Its own slot too when there are tables: a meeting may change table and keep its time.
  const slots = board?.session.slots.filter(
    (slot) => (tables !== null || slot.index !== meeting.slotIndex) && future(slot.startsAt),
  );
  const partners = board?.schedule.meetings.filter(
    (other) => other.id !== meeting.id && other.status === 'scheduled' && future(other.startsAt),
  );
  const title = useRef<HTMLHeadingElement>(null);
  // The panel opens under the grid: the keyboard and screen readers are taken there.
  useEffect(() => title.current?.focus(), []);
  const change = useMeetingChange(meeting, onChanged);
  const busy = change.isPending || move.isPending;
  // Held and no-show say what happened: not offered before the meeting begins (meeting.not_begun).
  const begun = !future(meeting.startsAt);
  const marks = MARKS.filter(
    (mark) => mark.status !== meeting.status && (begun || mark.status === 'cancelled'),
  );
  return (
    <div className="card meeting-panel" role="region" aria-labelledby="meeting-title">
      <h3 id="meeting-title" tabIndex={-1} ref={title}>
        {nameOf(meeting.companyIds[0])} ↔ {nameOf(meeting.companyIds[1])}
      </h3>
      <p>
        {dateTime(meeting.startsAt)} – {time(meeting.endsAt)}
        {meeting.table !== undefined && ` · ${t('org.board.table', { table: meeting.table })}`}
      </p>
      <p>
        <span className={`badge ${meeting.status}`} role="status">
          {t(`org.meeting.${meeting.status}`)}
        </span>
      </p>
      <label className="choice">
        <input
          type="checkbox"
          checked={meeting.fixed}
          disabled={busy || meeting.status === 'cancelled'}
          onChange={(event) => change.mutate({ fixed: event.target.checked })}
        />
        {t('org.meeting.fixed')}
      </label>
      <div className="actions">
        {marks.map((option) =>
          option.status === 'cancelled' ? (
            // Cannot be taken back: asks first. Only a meeting still to take place is cancelled
            // (a held one never: meeting.already_held).
            meeting.status === 'scheduled' && (
              <ConfirmButton
                key={option.status}
                label={t(option.label)}
                question={t('org.meeting.confirmCancel', {
                  name: nameOf(meeting.companyIds[0]),
                  other: nameOf(meeting.companyIds[1]),
                })}
                confirmLabel={t('meeting.yesCancel')}
                cancelLabel={t('meeting.keep')}
                busy={busy}
                onConfirm={() => change.mutate({ status: option.status })}
              />
            )
          ) : (
            <button
              key={option.status}
              type="button"
              disabled={busy || meeting.status === 'cancelled'}
              onClick={() => change.mutate({ status: option.status })}
            >
              {t(option.label)}
            </button>
          ),
        )}
        <button type="button" className="secondary" onClick={onClose}>
          {t('org.meeting.close')}
        </button>
      </div>
      {!begun && meeting.status === 'scheduled' && (
        <p className="muted">{t('org.meeting.notBegun')}</p>
      )}
      {movable && slots && partners && (
        <div className="columns">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (slotIndex !== '')
                move.mutate({
                  meetingId: meeting.id,
                  move: {
                    slotIndex: Number(slotIndex),
                    ...(table === '' ? {} : { table: Number(table) }),
                  },
                });
            }}
          >
            <label htmlFor="move-slot">{t('org.meeting.moveTo')}</label>
            <select
              id="move-slot"
              value={slotIndex}
              onChange={(event) => setSlotIndex(event.target.value)}
            >
              <option value="">{t('org.meeting.choose')}</option>
              {slots.map((slot) => (
                <option key={slot.index} value={slot.index}>
                  {dateTime(slot.startsAt)}
                  {slot.index === meeting.slotIndex && t('org.meeting.thisSlot')}
                </option>
              ))}
            </select>
            {tables !== null && (
              <>
                <label htmlFor="move-table">{t('org.meeting.atTable')}</label>
                <select
                  id="move-table"
                  value={table}
                  onChange={(event) => setTable(event.target.value)}
                >
                  <option value="">{t('org.meeting.anyTable')}</option>
                  {Array.from({ length: tables }, (_, index) => index + 1).map((number) => (
                    <option key={number} value={number}>
                      {t('org.board.table', { table: number })}
                    </option>
                  ))}
                </select>
              </>
            )}
            <button type="submit" disabled={busy || slotIndex === ''}>
              {t('org.meeting.move')}
            </button>
          </form>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (swapWith) move.mutate({ meetingId: meeting.id, move: { swapWith } });
            }}
          >
            <label htmlFor="swap-with">{t('org.meeting.swapWith')}</label>
            <select
              id="swap-with"
              value={swapWith}
              onChange={(event) => setSwapWith(event.target.value)}
            >
              <option value="">{t('org.meeting.choose')}</option>
              {partners.map((other) => (
                <option key={other.id} value={other.id}>
                  {nameOf(other.companyIds[0])} ↔ {nameOf(other.companyIds[1])},{' '}
                  {when(other.startsAt)}
                </option>
              ))}
            </select>
            <button type="submit" disabled={busy || !swapWith}>
              {t('org.meeting.swap')}
            </button>
          </form>
        </div>
      )}
      {change.isError && <ErrorBox error={change.error} />}
      {move.isError && board && (
        <BoardError error={move.error} meetings={board.schedule.meetings} nameOf={nameOf} />
      )}
    </div>
  );
}
