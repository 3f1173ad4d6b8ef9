import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, type Page } from '../../api';
import { useI18n, VIEWER_ZONE, type MessageKey } from '../../i18n';
import { Link } from 'react-router';
import { keys, QueryLoaded } from '../../queries';
import { ErrorBox } from '../../ui';
import { useLiveSocket } from './live-socket';
import type {
  MeetingStatus,
  OrganiserSessionDetail,
  Participant,
  PlacementReport,
  ScheduledMeeting,
  ScheduleView,
} from './types';

interface Board {
  session: OrganiserSessionDetail;
  schedule: ScheduleView;
  names: Map<string, Participant>;
}

/** Every participant of a session, page after page. */
async function allParticipants(id: string): Promise<Participant[]> {
  const all: Participant[] = [];
  for (let page = 1; ; page += 1) {
    const batch = await api<Page<Participant>>(
      'GET',
      `/sessions/${id}/participants?page=${page}&pageSize=100`,
    );
    all.push(...batch.items);
    if (all.length >= batch.total || batch.items.length === 0) return all;
  }
}

/** A participant's name by id (the start of the id for one no longer listed). */
const namer = (names: Map<string, Participant>) => (companyId: string) =>
  names.get(companyId)?.name ?? companyId.slice(0, 8);

async function loadBoard(id: string): Promise<Board> {
  const [session, schedule, participants] = await Promise.all([
    api<OrganiserSessionDetail>('GET', `/sessions/${id}`),
    api<ScheduleView>('GET', `/sessions/${id}/schedule`),
    allParticipants(id),
  ]);
  return {
    session,
    schedule,
    names: new Map(participants.map((participant) => [participant.companyId, participant])),
  };
}

/** The published schedule as a grid of companies by slots, and its placement report. */
export function ScheduleBoardPage({ id }: { id: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const board = useQuery({ queryKey: keys.board(id), queryFn: () => loadBoard(id) });
  const socket = useLiveSocket();
  useEffect(() => {
    if (!socket) return;
    // Scheduling ran again (here or in another organiser's browser): the board follows.
    const published = (event: { sessionId: string }) => {
      if (event.sessionId === id) void queryClient.invalidateQueries({ queryKey: keys.board(id) });
    };
    socket.on('schedule.published', published);
    return () => {
      socket.off('schedule.published', published);
    };
  }, [socket, id, queryClient]);
  return (
    <main className="wide">
      <p>
        <Link to={`/organise/sessions/${id}`}>← {t('org.session.back')}</Link>
      </p>
      <h1>{t('org.board.title')}</h1>
      <QueryLoaded query={board}>
        {(value) => (
          <>
            <p className="lead">{value.session.title}</p>
            <ScheduleGrid
              board={value}
              onChanged={(meeting) =>
                queryClient.setQueryData<Board>(keys.board(id), {
                  ...value,
                  schedule: {
                    ...value.schedule,
                    meetings: value.schedule.meetings.map((existing) =>
                      existing.id === meeting.id ? { ...existing, ...meeting } : existing,
                    ),
                  },
                })
              }
            />
            <PlacementSection report={value.schedule.report} names={value.names} />
          </>
        )}
      </QueryLoaded>
    </main>
  );
}

function ScheduleGrid({
  board,
  onChanged,
}: {
  board: Board;
  onChanged: (meeting: ScheduledMeeting) => void;
}) {
  const { t, time, dateTime } = useI18n();
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
                  {nameOf(companyId)} <span className="muted">{names.get(companyId)?.country}</span>
                </th>
                {slots.map((slot) => {
                  const meeting = cells.get(`${companyId}/${slot.index}`);
                  if (!meeting)
                    return (
                      <td key={slot.index} className="free">
                        <span className="visually-hidden">{t('org.board.free')}</span>
                      </td>
                    );
                  const other = meeting.companyIds.find((side) => side !== companyId)!;
                  const status = t(`org.meeting.${meeting.status}`);
                  return (
                    <td key={slot.index} className={`cell ${meeting.status}`}>
                      <button
                        type="button"
                        className="link"
                        aria-pressed={meeting.id === selectedId}
                        aria-label={t('org.board.cell', {
                          other: nameOf(other),
                          time: time(slot.startsAt),
                          status,
                        })}
                        onClick={() => setSelectedId(meeting.id)}
                      >
                        {nameOf(other)}
                      </button>
                      <small>
                        {status}
                        {meeting.table !== undefined &&
                          ` · ${t('org.board.table', { table: meeting.table })}`}
                      </small>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {selected && (
        <MeetingPanel
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

const MARKS: { status: MeetingStatus; label: MessageKey }[] = [
  { status: 'held', label: 'org.meeting.markHeld' },
  { status: 'no-show', label: 'org.meeting.markNoShow' },
  { status: 'cancelled', label: 'org.meeting.markCancelled' },
];

function MeetingPanel({
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
  const change = useMutation({
    mutationFn: (patch: { status: MeetingStatus } | { fixed: boolean }) =>
      api<ScheduledMeeting>('PATCH', `/meetings/${meeting.id}`, patch),
    onSuccess: onChanged,
  });
  const busy = change.isPending;
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
        {MARKS.filter((mark) => mark.status !== meeting.status).map((option) => (
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
      {change.isError && <ErrorBox error={change.error} />}
    </div>
  );
}

function PlacementSection({
  report,
  names,
}: {
  report: PlacementReport | null;
  names: Map<string, Participant>;
}) {
  const { t } = useI18n();
  const nameOf = namer(names);
  return (
    <section aria-labelledby="placement">
      <h2 id="placement">{t('org.placement.title')}</h2>
      {report === null ? (
        <p className="muted">{t('org.placement.none')}</p>
      ) : (
        <>
          <p>
            {t('org.placement.summary', {
              placed: report.placed.mutual + report.placed.accepted + report.placed.pending,
              requested:
                report.requested.mutual + report.requested.accepted + report.requested.pending,
              percent: Math.round(report.placedShare * 100),
              byScore: report.placed.score,
            })}
          </p>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('org.placement.kind')}</th>
                  <th scope="col">{t('org.placement.requested')}</th>
                  <th scope="col">{t('org.placement.placed')}</th>
                </tr>
              </thead>
              <tbody>
                {(['mutual', 'accepted', 'pending'] as const).map((kind) => (
                  <tr key={kind}>
                    <th scope="row">{t(`org.placement.kind.${kind}`)}</th>
                    <td>{report.requested[kind]}</td>
                    <td>{report.placed[kind]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>{t('org.placement.unplaced', { count: report.unplaced.length })}</h3>
          {report.unplaced.length === 0 ? (
            <p className="muted">{t('org.placement.allPlaced')}</p>
          ) : (
            <ul className="plain unplaced">
              {report.unplaced.map((request) => (
                <li key={request.requestIds.join()}>
                  <strong>
                    {nameOf(request.companyIds[0])} ↔ {nameOf(request.companyIds[1])}
                  </strong>{' '}
                  <span className="badge">{t(`org.placement.kind.${request.kind}`)}</span>
                  <div>{t(`org.placement.reason.${request.reason}`)}</div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
