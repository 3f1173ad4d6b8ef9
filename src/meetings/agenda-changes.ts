/**
 * What a republished schedule changed in each firm's agenda, pure. A scheduling run replaces the
 * meetings it may move (new rows, new ids), so meetings are matched by their pair of firms: a pair
 * only after is `added`, only before is `removed`, in both at another slot or table is `moved`;
 * a pair in the same slot at the same table is no change, whatever its id.
 */
export interface AgendaMeeting {
  id: string;
  slotIndex: number;
  companyA: string;
  companyB: string;
  table: number | null;
  roomId: string | null;
}

export interface AgendaChange {
  change: 'added' | 'moved' | 'removed';
  partnerId: string;
  before: AgendaMeeting | null;
  after: AgendaMeeting | null;
}

function pairKey(meeting: AgendaMeeting): string {
  return [meeting.companyA, meeting.companyB].sort().join(':');
}

/** Per company whose agenda changed, its changes (in the order of the slots they concern). */
export function agendaChanges(
  before: readonly AgendaMeeting[],
  after: readonly AgendaMeeting[],
): Map<string, AgendaChange[]> {
  const was = new Map(before.map((meeting) => [pairKey(meeting), meeting]));
  const is = new Map(after.map((meeting) => [pairKey(meeting), meeting]));
  const changes = new Map<string, AgendaChange[]>();
  const record = (
    change: AgendaChange['change'],
    old: AgendaMeeting | null,
    now: AgendaMeeting | null,
  ) => {
    const { companyA, companyB } = (now ?? old) as AgendaMeeting;
    for (const [company, partnerId] of [
      [companyA, companyB],
      [companyB, companyA],
    ]) {
      const list = changes.get(company) ?? [];
      list.push({ change, partnerId, before: old, after: now });
      changes.set(company, list);
    }
  };
  for (const [pair, now] of is) {
    const old = was.get(pair);
    if (!old) record('added', null, now);
    else if (old.slotIndex !== now.slotIndex || old.table !== now.table) record('moved', old, now);
  }
  for (const [pair, old] of was) if (!is.has(pair)) record('removed', old, null);
  const slotOf = (change: AgendaChange) => (change.after ?? change.before)?.slotIndex ?? 0;
  for (const list of changes.values()) list.sort((x, y) => slotOf(x) - slotOf(y));
  return changes;
}
