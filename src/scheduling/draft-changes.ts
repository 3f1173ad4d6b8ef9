/**
 * What a draft schedule would change against the published one, pure. A run replaces the
 * meetings it may move (new rows, new ids), so meetings are matched by their pair of firms, as
 * agendas compare them (`agenda-changes.ts`): a pair only in the draft is `added`, only in the
 * published schedule `removed`, in both at another slot or table `moved`.
 */
export interface PlacedMeeting {
  /** The published meeting's id; none for a meeting the draft would add. */
  id: string | null;
  slotIndex: number;
  companyA: string;
  companyB: string;
  table: number | null;
}

export interface AddedMeeting {
  companyIds: [string, string];
  slotIndex: number;
  table?: number;
}

export interface MovedMeeting {
  meetingId: string;
  companyIds: [string, string];
  fromSlotIndex: number;
  slotIndex: number;
  fromTable?: number;
  table?: number;
}

export interface RemovedMeeting {
  meetingId: string;
  companyIds: [string, string];
  slotIndex: number;
  table?: number;
}

export interface DraftChanges {
  added: AddedMeeting[];
  moved: MovedMeeting[];
  removed: RemovedMeeting[];
}

function pairKey(meeting: PlacedMeeting): string {
  return [meeting.companyA, meeting.companyB].sort().join(':');
}

const tableOf = (table: number | null, name: 'table' | 'fromTable') =>
  table === null ? {} : { [name]: table };

/** The changes, each list in slot order. */
export function draftChanges(
  published: readonly PlacedMeeting[],
  draft: readonly PlacedMeeting[],
): DraftChanges {
  const was = new Map(published.map((meeting) => [pairKey(meeting), meeting]));
  const is = new Map(draft.map((meeting) => [pairKey(meeting), meeting]));
  const changes: DraftChanges = { added: [], moved: [], removed: [] };
  for (const [pair, now] of is) {
    const old = was.get(pair);
    const companyIds: [string, string] = [now.companyA, now.companyB];
    if (!old) {
      changes.added.push({ companyIds, slotIndex: now.slotIndex, ...tableOf(now.table, 'table') });
    } else if (old.slotIndex !== now.slotIndex || old.table !== now.table) {
      changes.moved.push({
        meetingId: old.id ?? '',
        companyIds,
        fromSlotIndex: old.slotIndex,
        slotIndex: now.slotIndex,
        ...tableOf(old.table, 'fromTable'),
        ...tableOf(now.table, 'table'),
      });
    }
  }
  for (const [pair, old] of was) {
    if (is.has(pair)) continue;
    changes.removed.push({
      meetingId: old.id ?? '',
      companyIds: [old.companyA, old.companyB],
      slotIndex: old.slotIndex,
      ...tableOf(old.table, 'table'),
    });
  }
  for (const list of Object.values(changes) as { slotIndex: number }[][]) {
    list.sort((x, y) => x.slotIndex - y.slotIndex);
  }
  return changes;
}

/** The firms whose agenda the changes touch. */
export function firmsChanged(changes: DraftChanges): Set<string> {
  return new Set(
    [...changes.added, ...changes.moved, ...changes.removed].flatMap((change) => change.companyIds),
  );
}
