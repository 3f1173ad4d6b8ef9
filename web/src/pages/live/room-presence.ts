import type {
  LivePresence,
  PresenceChange,
  PresencePage,
  PresenceUser,
  ServerToClientEvents,
} from '../../live';

/**
 * What the live room knows of who is in it: the count, the people from the firms the user meets
 * (always followed), and the pages of everyone that the user chose to load. A room of 10,000 is
 * never downloaded whole: `session:join` gives the count, the partners and a first page;
 * `presence:page` the next ones.
 */
export interface RoomPresence {
  count: number;
  /** The room's presence version this reflects, sent back as `since` when joining again. */
  version: number;
  partnerCompanyIds: string[];
  partners: PresenceUser[];
  /** The pages of the room loaded so far, by name. */
  everyone: PresenceUser[];
  /** The cursor of the next page; null once the whole room is loaded. */
  next: string | null;
  /** People came and went in numbers the server did not list: the pages may be out of date. */
  stale: boolean;
}

type PresenceEvent = Parameters<ServerToClientEvents['presence']>[0];

/** Where a user sorts in the room's pages, as the server orders them: by name, then by id. */
const rankOf = (user: PresenceUser): string => `${user.name.toLowerCase()}\u0000${user.userId}`;

const byRank = (a: PresenceUser, b: PresenceUser): number => {
  const [x, y] = [rankOf(a), rankOf(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};

const meets = (user: PresenceUser, partnerCompanyIds: string[]): boolean =>
  user.companies.some((company) => partnerCompanyIds.includes(company.id));

function applyTo(list: PresenceUser[], change: PresenceChange): PresenceUser[] {
  const others = list.filter((user) => user.userId !== change.user.userId);
  return change.online ? [...others, change.user].sort(byRank) : others;
}

/**
 * The room as a join acknowledges it: a first join (or one too far behind) starts from the first
 * page; a client joining again with `since` keeps its pages and applies what changed.
 */
export function joinedPresence(
  presence: LivePresence,
  previous: RoomPresence | null,
): RoomPresence {
  const base = {
    count: presence.count,
    version: presence.version,
    partnerCompanyIds: presence.partnerCompanyIds,
    partners: [...presence.partners].sort(byRank),
  };
  if (presence.changes && previous) {
    return applyChanges({ ...previous, ...base }, presence.changes);
  }
  return {
    ...base,
    everyone: presence.page?.users ?? [],
    next: presence.page?.next ?? null,
    stale: false,
  };
}

/** Changes applied to the partners and to the loaded pages (new arrivals where they sort). */
function applyChanges(room: RoomPresence, changes: PresenceChange[]): RoomPresence {
  let { partners, everyone } = room;
  for (const change of changes) {
    if (meets(change.user, room.partnerCompanyIds)) partners = applyTo(partners, change);
    // An arrival beyond the loaded pages comes with the page it sorts in.
    const last = room.everyone.at(-1);
    const loaded = room.next === null || (!!last && byRank(change.user, last) <= 0);
    if (loaded || !change.online) everyone = applyTo(everyone, change);
  }
  return { ...room, partners, everyone };
}

/** A `presence` batch of the room. */
export function presenceEvent(room: RoomPresence, event: PresenceEvent): RoomPresence {
  const changed = applyChanges(room, event.changes);
  // Batches may come out of order (several processes): the latest version's count holds.
  const newer = event.version > room.version;
  return {
    ...changed,
    count: newer ? event.count : room.count,
    version: newer ? event.version : room.version,
    stale: room.stale || event.omitted > 0,
  };
}

/** `presence.partners`: partners who came or went in a batch too large to list. */
export function partnersEvent(room: RoomPresence, changes: PresenceChange[]): RoomPresence {
  let { partners } = room;
  for (const change of changes) partners = applyTo(partners, change);
  return { ...room, partners };
}

/** A page loaded with `presence:page`: the first replaces the list, a later one extends it. */
export function pageLoaded(room: RoomPresence, page: PresencePage, first: boolean): RoomPresence {
  const kept = first ? [] : room.everyone;
  const ids = new Set(kept.map((user) => user.userId));
  return {
    ...room,
    everyone: [...kept, ...page.users.filter((user) => !ids.has(user.userId))],
    next: page.next,
    stale: first ? false : room.stale,
  };
}
