import { useEffect, useRef, useState } from 'react';
import { useI18n, type MessageKey } from '../../../i18n';
import { ErrorBox } from '../../../ui';
import type { MeetingStatus, ScheduledMeeting } from '../types';
import { useMeetingChange } from './use-meeting-change';

const MARKS: { status: Exclude<MeetingStatus, 'scheduled'>; label: MessageKey }[] = [
  { status: 'held', label: 'org.meeting.markHeld' },
  { status: 'no-show', label: 'org.meeting.markNoShow' },
  { status: 'cancelled', label: 'org.meeting.markCancelled' },
];

/**
 * The chosen meeting: when and where, its status, and what an organiser can do with it (mark it
 * held or no-show, cancel it, keep it in its slot when scheduling runs again). A cancelled meeting
 * takes nothing more.
 */
export function MeetingActions({
  meeting,
  nameOf,
  onChanged,
  onClose,
}: {
  meeting: ScheduledMeeting;
  nameOf: (companyId: string) => string;
  onChanged: (meeting: ScheduledMeeting) => void;
  onClose: () => void;
}) {
  const { t, dateTime, time } = useI18n();
  const title = useRef<HTMLHeadingElement>(null);
  // The panel opens under the grid: the keyboard and screen readers are taken there.
  useEffect(() => title.current?.focus(), []);
  const change = useMeetingChange(meeting, onChanged);
  const busy = change.isPending;
  // Held and no-show say what happened: not offered before the meeting begins (meeting.not_begun).
  // (As of when the panel opened: it is opened anew for each meeting.)
  const [openedAt] = useState(() => Date.now());
  const begun = Date.parse(meeting.startsAt) <= openedAt;
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
        {marks.map((option) => (
          <button
            key={option.status}
            type="button"
            className={option.status === 'cancelled' ? 'danger' : undefined}
            disabled={busy || meeting.status === 'cancelled'}
            onClick={() => change.mutate({ status: option.status })}
          >
            {t(option.label)}
          </button>
        ))}
        <button type="button" className="secondary" onClick={onClose}>
          {t('org.meeting.close')}
        </button>
      </div>
      {!begun && meeting.status === 'scheduled' && (
        <p className="muted">{t('org.meeting.notBegun')}</p>
      )}
      {change.isError && <ErrorBox error={change.error} />}
    </div>
  );
}
