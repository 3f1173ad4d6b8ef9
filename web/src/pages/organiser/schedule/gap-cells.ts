/**
 * The gaps of each firm's row on the board, as `${companyId}/${slotIndex}` keys: the free slots
 * between two of its meetings (pass no cancelled meeting). The same rule as the server's count
 * of breaks (`dayGaps`), applied to cells: the board marks where the placement report counts.
 */
export function gapCells(
  meetings: readonly { slotIndex: number; companyIds: readonly string[] }[],
): Set<string> {
  const days = new Map<string, Set<number>>();
  for (const meeting of meetings) {
    for (const companyId of meeting.companyIds) {
      const day = days.get(companyId) ?? new Set<number>();
      day.add(meeting.slotIndex);
      days.set(companyId, day);
    }
  }
  const gaps = new Set<string>();
  for (const [companyId, day] of days) {
    const slots = [...day].sort((x, y) => x - y);
    for (let i = 1; i < slots.length; i++) {
      for (let slot = slots[i - 1] + 1; slot < slots[i]; slot++) gaps.add(`${companyId}/${slot}`);
    }
  }
  return gaps;
}
