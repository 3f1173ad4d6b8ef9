import type { CellTarget, DraggedMeeting } from './meeting-cell';
import type { BoardMove } from './use-board-changes';

/**
 * What dropping a meeting on a cell asks the server for: onto another meeting, a swap; onto a
 * free cell of another slot, a move there; anywhere else (its own cell, or a free cell of the
 * slot it is in), nothing.
 */
export function moveOfDrop(
  dragged: DraggedMeeting,
  fromSlotIndex: number,
  cell: CellTarget,
): BoardMove | null {
  if (cell.meetingId)
    return cell.meetingId === dragged.meetingId ? null : { swapWith: cell.meetingId };
  return cell.slotIndex === fromSlotIndex ? null : { slotIndex: cell.slotIndex };
}
