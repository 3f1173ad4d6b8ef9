import { useState } from 'react';
import { useI18n, VIEWER_ZONE } from '../../../i18n';
import { useNames } from '../../../names';
import type { ScheduledMeeting } from '../types';
import { MeetingActions } from './meeting-actions';
import { MeetingCell } from './meeting-cell';
import { namer } from './name-of';
import type { Board } from './use-board';

/** The published meetings as a grid of companies by slots; choosing one opens its actions. */
export function ScheduleGrid({
  board,
  onChanged,
}: {
  board: Board;
  onChanged: (meeting: ScheduledMeeting) => void;
}) {
  const { t, time, dateTime } = useI18n();
  const { country } = useNames();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const { session, schedule, names } = board;
  const nameOf = namer(names);
  if (schedule.meetings.length === 0) return <p className="muted">{t('org.board.none')}</p>;

  const cells = new Map<string, ScheduledMeeting>();
  for (const meeting of schedule.meetings) {
    for (const companyId of meeting.companyIds)
      cells.set(`${companyId}/${meeting.slotIndex}`, meeting);
  }
  const companies = [...new Set(schedule.meetings.flatMap((meeting) => meeting.companyIds))].sort(
    (a, b) => nameOf(a).localeCompare(nameOf(b)),
  );
  const slots = session.slots;
  const selected = schedule.meetings.find((meeting) => meeting.id === selectedId) ?? null;

  return (
    <section aria-labelledby="grid">
      <h2 id="grid">{t('org.board.meetings', { count: schedule.meetings.length })}</h2>
      <p className="muted">{t('org.board.hint', { zone: VIEWER_ZONE })}</p>
      <div className="table-scroll">
        <table className="board">
          <caption className="visually-hidden">
            {t('org.board.caption', {
              start: dateTime(session.startsAt),
              end: dateTime(session.endsAt),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('org.board.company')}</th>
              {slots.map((slot) => (
                <th key={slot.index} scope="col">
                  {time(slot.startsAt)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {companies.map((companyId) => (
              <tr key={companyId}>
                <th scope="row">
                  {nameOf(companyId)}{' '}
                  <span className="muted">{country(names.get(companyId)?.country ?? '')}</span>
                </th>
                {slots.map((slot) => {
                  const meeting = cells.get(`${companyId}/${slot.index}`);
                  return (
                    <MeetingCell
                      key={slot.index}
                      companyId={companyId}
                      startsAt={slot.startsAt}
                      meeting={meeting}
                      selected={meeting !== undefined && meeting.id === selectedId}
                      nameOf={nameOf}
                      onSelect={() => setSelectedId(meeting?.id ?? null)}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {selected && (
        <MeetingActions
          key={selected.id}
          meeting={selected}
          nameOf={nameOf}
          onChanged={onChanged}
          onClose={() => setSelectedId(null)}
        />
      )}
    </section>
  );
}
