import { useDraggable, useDroppable } from '@dnd-kit/core';
import { useI18n } from '../../../i18n';
import type { ScheduledMeeting } from '../types';

/** A meeting as a cell shows it: a published one, or one of a draft (which may have no id yet). */
export type CellMeeting = Pick<
  ScheduledMeeting,
  'companyIds' | 'status' | 'table' | 'fixed' | 'startsAt' | 'slotIndex'
> & { id?: string };

/** What a drop on a cell carries: the cell's firm and slot, and the meeting there if any. */
export interface CellTarget {
  companyId: string;
  slotIndex: number;
  startsAt: string;
  meetingId?: string;
}

/** What a dragged meeting carries. */
export interface DraggedMeeting {
  meetingId: string;
  companyIds: string[];
}

/**
 * A company's slot on the board: free (a button books a meeting there, when booking is offered),
 * or the firm it meets there with the meeting's status and table; the firm's name is a button
 * that opens the meeting's actions, and a movable meeting has a handle to drag it (pointer or
 * keyboard). Every cell takes a dropped meeting. A draft's cell says what the draft changed. A
 * free slot between two of the firm's meetings is a gap in its day, hatched and said so.
 */
export function MeetingCell({
  companyId,
  slot,
  meeting,
  selected,
  nameOf,
  onSelect,
  onBook,
  movable = false,
  change,
  now = false,
  gap = false,
  timeOf,
}: {
  companyId: string;
  slot: { index: number; startsAt: string };
  meeting: CellMeeting | undefined;
  selected: boolean;
  nameOf: (companyId: string) => string;
  /** Opens the meeting's actions; none in a draft, which is read only. */
  onSelect?: () => void;
  onBook?: () => void;
  movable?: boolean;
  change?: 'added' | 'moved';
  now?: boolean;
  /** A free slot between two of the firm's meetings. */
  gap?: boolean;
  /** How the board writes a slot's start (with its date on another day); `time` by default. */
  timeOf?: (startsAt: string) => string;
}) {
  const { t, time } = useI18n();
  const slotTime = timeOf ?? ((startsAt: string) => time(startsAt));
  const target: CellTarget = {
    companyId,
    slotIndex: slot.index,
    startsAt: slot.startsAt,
    ...(meeting?.id ? { meetingId: meeting.id } : {}),
  };
  const { setNodeRef: dropOn, isOver } = useDroppable({
    id: `${companyId}/${slot.index}`,
    data: target,
  });
  const other = meeting?.companyIds.find((side) => side !== companyId);
  const dragged: DraggedMeeting | undefined =
    meeting?.id !== undefined
      ? { meetingId: meeting.id, companyIds: meeting.companyIds }
      : undefined;
  const { setNodeRef, listeners, attributes, transform } = useDraggable({
    id: `${meeting?.id ?? 'none'}@${companyId}/${slot.index}`,
    data: dragged,
    disabled: !movable || !dragged,
  });
  const classes = [
    meeting ? `cell ${meeting.status}` : gap ? 'free gap' : 'free',
    change ? `change-${change}` : '',
    now ? 'now' : '',
    isOver ? 'over' : '',
  ]
    .filter(Boolean)
    .join(' ');
  if (!meeting || !other) {
    const gapText = gap ? t('org.board.gap', { name: nameOf(companyId) }) : undefined;
    return (
      <td className={classes} ref={dropOn} title={gapText}>
        {gapText && (
          <>
            <small aria-hidden="true">{t('org.board.gapShort')}</small>
            <span className="visually-hidden">{gapText}</span>
          </>
        )}
        {onBook ? (
          <button
            type="button"
            className="link book"
            aria-label={t('org.board.book', {
              company: nameOf(companyId),
              time: slotTime(slot.startsAt),
            })}
            onClick={onBook}
          >
            +
          </button>
        ) : (
          !gapText && <span className="visually-hidden">{t('org.board.free')}</span>
        )}
      </td>
    );
  }
  const status = t(`org.meeting.${meeting.status}`);
  return (
    <td className={classes} ref={dropOn}>
      {movable && dragged && (
        <button
          type="button"
          className="link handle"
          ref={setNodeRef}
          {...listeners}
          {...attributes}
          aria-label={t('org.board.drag', { company: nameOf(companyId), other: nameOf(other) })}
          style={
            transform ? { transform: `translate(${transform.x}px, ${transform.y}px)` } : undefined
          }
        >
          ⠿
        </button>
      )}
      {onSelect ? (
        <button
          type="button"
          className="link"
          aria-pressed={selected}
          aria-label={t('org.board.cell', {
            other: nameOf(other),
            time: slotTime(slot.startsAt),
            status,
          })}
          onClick={onSelect}
        >
          {nameOf(other)}
        </button>
      ) : (
        <span>{nameOf(other)}</span>
      )}
      <small>
        {status}
        {meeting.table !== undefined && ` · ${t('org.board.table', { table: meeting.table })}`}
        {meeting.fixed && ` · ${t('org.board.pinned')}`}
        {change && ` · ${t(`org.draft.change.${change}`)}`}
      </small>
    </td>
  );
}
