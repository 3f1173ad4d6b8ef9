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

export type NoticeParam = string | number | Moment;
export type NoticeParams = Record<string, NoticeParam>;

export function isMoment(value: NoticeParam): value is Moment {
  return typeof value === 'object' && value !== null && typeof value.at === 'string';
}
