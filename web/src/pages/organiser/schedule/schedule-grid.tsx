import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { useState } from 'react';
import { useI18n, VIEWER_ZONE, type I18n } from '../../../i18n';
import type { ScheduleDraft, ScheduledMeeting } from '../types';
import { BoardError } from './board-error';
import { moveOfDrop } from './board-drop';
import { BookMeeting } from './book-meeting';
import { useNames } from '../../../names';
import { MeetingActions } from './meeting-actions';
import {
  MeetingCell,
  type CellMeeting,
  type CellTarget,
  type DraggedMeeting,
} from './meeting-cell';
import { gapCells } from './gap-cells';
import { namer } from './name-of';
import { useMoveMeeting } from './use-board-changes';
import { useNow } from './use-now';
import type { Board } from './use-board';

const pairKey = (companyIds: readonly string[]) => [...companyIds].sort().join('|');

/** The slot under way now, when the session is live (none otherwise). */
export function currentSlot(
  board: Pick<Board, 'session'>,
  now: number = Date.now(),
): number | null {
  if (board.session.status !== 'live') return null;
  const slot = board.session.slots.find(
    (each) => new Date(each.startsAt).getTime() <= now && now < new Date(each.endsAt).getTime(),
  );
  return slot?.index ?? null;
}

/**
 * How the board writes a slot's start: its time alone when it is on the viewer's today and the
 * session keeps to one day; with its date (`dateTime`'s style) when it is on another day, or when
 * the session spans days, so that two slots at 9:00 on two days are never told apart by their
 * place alone.
 */
export function slotTimeWriter(
  { when, dateTime }: Pick<I18n, 'when' | 'dateTime'>,
  slots: readonly { startsAt: string }[],
  now: number,
  viewerZone: string = VIEWER_ZONE,
): (startsAt: string) => string {
  const dayOf = (iso: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: viewerZone, dateStyle: 'short' }).format(
      new Date(iso),
    );
  const spansDays = new Set(slots.map((slot) => dayOf(slot.startsAt))).size > 1;
  const today = new Date(now).toISOString();
  return (startsAt) => (spansDays ? dateTime(startsAt) : when(startsAt, undefined, today));
}

/**
 * The meetings as a grid of the session's firms by slots: the published schedule, which an
 * organiser changes by hand (drag a meeting to a free slot to move it, or onto another meeting to
 * swap them, pointer or keyboard; a free cell books a pair; a meeting opens its actions), or a
 * draft (read only, each meeting it adds or moves marked). The slot under way is highlighted, and
 * each gap in a firm's day (a free slot between two of its meetings) is hatched.
 */
export function ScheduleGrid({
  board,
  draft,
  onChanged,
  now,
}: {
  board: Board;
  /** The draft to show instead of the published schedule. */
  draft?: ScheduleDraft | null;
  onChanged: (meeting: ScheduledMeeting) => void;
  now?: number;
}) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const { country } = useNames();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [booking, setBooking] = useState<CellTarget | null>(null);
  const move = useMoveMeeting(board.session.id);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );
  const { session, schedule, names } = board;
  const nameOf = namer(names);
  const editable = !draft;
  const meetings: CellMeeting[] = draft
    ? draft.meetings
    : schedule.meetings.filter((meeting) => meeting.status !== 'cancelled');
  const added = new Set(draft?.changes.added.map((change) => pairKey(change.companyIds)) ?? []);
  const moved = new Set(draft?.changes.moved.map((change) => pairKey(change.companyIds)) ?? []);
  const changeOf = (meeting: CellMeeting) =>
    added.has(pairKey(meeting.companyIds))
      ? ('added' as const)
      : moved.has(pairKey(meeting.companyIds))
        ? ('moved' as const)
        : undefined;

  const cells = new Map<string, CellMeeting>();
  for (const meeting of meetings) {
    for (const companyId of meeting.companyIds)
      cells.set(`${companyId}/${meeting.slotIndex}`, meeting);
  }
  const gaps = gapCells(meetings);
  const companies = [
    ...new Set([...names.keys(), ...meetings.flatMap((meeting) => meeting.companyIds)]),
  ].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  const slots = session.slots;
  const clock = useNow(now);
  const live = currentSlot(board, clock);
  const selected = schedule.meetings.find((meeting) => meeting.id === selectedId) ?? null;
  const future = (startsAt: string) => new Date(startsAt).getTime() > clock;
  const slotTime = slotTimeWriter(i18n, slots, clock);

  if (companies.length === 0) return <p className="muted">{t('org.board.none')}</p>;

  const describe = (data: unknown) => {
    const meeting = data as DraggedMeeting | undefined;
    return meeting ? `${nameOf(meeting.companyIds[0])} ↔ ${nameOf(meeting.companyIds[1])}` : '';
  };
  const where = (data: unknown) => {
    const cell = data as CellTarget | undefined;
    return cell
      ? t('org.board.where', { company: nameOf(cell.companyId), time: slotTime(cell.startsAt) })
      : '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('org.board.dragStart', { what: describe(active.data.current) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('org.board.dragOver', {
            what: describe(active.data.current),
            where: where(over.data.current),
          })
        : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? t('org.board.dragEnd', {
            what: describe(active.data.current),
            where: where(over.data.current),
          })
        : t('org.board.dragCancel', { what: describe(active.data.current) }),
    onDragCancel: ({ active }) =>
      t('org.board.dragCancel', { what: describe(active.data.current) }),
  };

  const dropped = ({ active, over }: DragEndEvent) => {
    const meeting = active.data.current as DraggedMeeting | undefined;
    const cell = over?.data.current as CellTarget | undefined;
    if (!meeting || !cell) return;
    const current = schedule.meetings.find((each) => each.id === meeting.meetingId);
    const asked = current && moveOfDrop(meeting, current.slotIndex, cell);
    if (asked) move.mutate({ meetingId: meeting.meetingId, move: asked });
  };

  return (
    <section aria-labelledby="grid">
      <h2 id="grid">{t('org.board.meetings', { count: meetings.length })}</h2>
      <p className="muted">{t('org.board.hint', { zone: VIEWER_ZONE })}</p>
      {editable && <p className="muted">{t('org.board.dragHint')}</p>}
      {move.isError && (
        <BoardError error={move.error} meetings={schedule.meetings} nameOf={nameOf} />
      )}
      <DndContext
        sensors={sensors}
        onDragEnd={dropped}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('org.board.dragHint') },
        }}
      >
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
                  <th
                    key={slot.index}
                    scope="col"
                    className={slot.index === live ? 'now' : undefined}
                    aria-current={slot.index === live ? 'time' : undefined}
                  >
                    {slotTime(slot.startsAt)}
                    {slot.index === live && <small> {t('org.board.now')}</small>}
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
                    const bookable = editable && names.has(companyId) && future(slot.startsAt);
                    return (
                      <MeetingCell
                        key={slot.index}
                        companyId={companyId}
                        slot={slot}
                        meeting={meeting}
                        selected={meeting?.id !== undefined && meeting.id === selectedId}
                        nameOf={nameOf}
                        onSelect={
                          editable
                            ? () => {
                                setBooking(null);
                                setSelectedId(meeting?.id ?? null);
                              }
                            : undefined
                        }
                        onBook={
                          bookable
                            ? () => {
                                setSelectedId(null);
                                setBooking({
                                  companyId,
                                  slotIndex: slot.index,
                                  startsAt: slot.startsAt,
                                });
                              }
                            : undefined
                        }
                        movable={
                          editable &&
                          meeting?.status === 'scheduled' &&
                          future(meeting.startsAt) &&
                          !move.isPending
                        }
                        change={meeting && changeOf(meeting)}
                        now={slot.index === live}
                        gap={gaps.has(`${companyId}/${slot.index}`)}
                        timeOf={slotTime}
                      />
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </DndContext>
      {selected && (
        <MeetingActions
          key={selected.id}
          meeting={selected}
          board={board}
          nameOf={nameOf}
          onChanged={onChanged}
          onClose={() => setSelectedId(null)}
        />
      )}
      {booking && (
        <BookMeeting
          key={`${booking.companyId}/${booking.slotIndex}`}
          cell={booking}
          board={board}
          nameOf={nameOf}
          onClose={() => setBooking(null)}
        />
      )}
    </section>
  );
}
