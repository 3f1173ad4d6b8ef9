/**
 * The parameters of a notice, stored with the in-app notification and rendered into its words.
 * A `moment` is written in the reader's own time zone, with the other firm's local time beside it
 * when `otherZone` is given (for a firm in Hong Kong meeting one in Vancouver, say).
 */
export interface Moment {
  at: string;
  /** The other firm's IANA time zone. */
  otherZone?: string;
  /** Whose time `otherZone` is: the other firm's name. */
  otherName?: string;
}

/**
 * Lines of a notice (an agenda, the requests of a digest): each item is written with the catalogue
 * message `line` (its moments in the reader's zone too) and the lines are joined one a line,
 * each starting with a bullet. An empty list writes nothing.
 */
export interface NoticeList {
  line: string;
  items: Record<string, string | number | Moment>[];
}

export type NoticeParam = string | number | Moment | NoticeList;
export type NoticeParams = Record<string, NoticeParam>;

export function isMoment(value: NoticeParam): value is Moment {
  return (
    typeof value === 'object' && value !== null && 'at' in value && typeof value.at === 'string'
  );
}

export function isNoticeList(value: NoticeParam): value is NoticeList {
  return (
    typeof value === 'object' && value !== null && 'items' in value && Array.isArray(value.items)
  );
}
