/**
 * Notifications on the wire, as plain values and types with no import at all: the server (the
 * settings DTOs, `notify`, the views) and the web app (the bell, the notifications and settings
 * pages) both compile against this file. Names are SPEC.md's ("Notifications, accounts and teams").
 * Every time is an ISO 8601 instant in UTC.
 */

/** Every kind of notification, in the order the settings page lists them. */
export const NOTIFICATION_KINDS = [
  'request.received',
  'request.answered',
  'request.cancelled',
  'schedule.published',
  'meeting.changed',
  'meeting.reminder',
  'requests.digest',
  'company.verification',
  'application.decided',
  'announcement',
  'message.unread',
  'opportunity.digest',
  'agreement.expiring',
  'followup.survey',
  'invitation',
  'seminar.registration',
  'seminar.reminder',
  'password.reset',
  'email.verification',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The kinds only organisers and admins receive: a firm's user is offered no choice for them. */
export const ORGANISER_KINDS = [
  'agreement.expiring',
] as const satisfies readonly NotificationKind[];

export function isOrganiserKind(kind: NotificationKind): boolean {
  return (ORGANISER_KINDS as readonly string[]).includes(kind);
}

/**
 * Kinds always emailed whatever the reader chose: account emails, and invitations (they go to the
 * address a colleague names, who may have no account and so no settings yet).
 */
export const ALWAYS_SENT_KINDS = ['invitation', 'password.reset', 'email.verification'] as const;

export function isAlwaysSent(kind: string): boolean {
  return (ALWAYS_SENT_KINDS as readonly string[]).includes(kind);
}

/** Account emails: always sent by email, never turned off, never unsubscribed from. */
export const ACCOUNT_KINDS = ['password.reset', 'email.verification'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export function isAccountKind(kind: string): kind is AccountKind {
  return (ACCOUNT_KINDS as readonly string[]).includes(kind);
}

/** `email`: in the app and by email; `in-app`: in the app only; `off`: neither. */
export const DELIVERIES = ['email', 'in-app', 'off'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** What a user gets of a kind they never chose for: email, except announcements (in the app). */
export function defaultDelivery(kind: NotificationKind): Delivery {
  return kind === 'announcement' ? 'in-app' : 'email';
}

export const LANGUAGES = ['en', 'zh-Hant'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Minutes before a meeting that reminders go out, unless the user chose otherwise. */
export const DEFAULT_REMINDERS = [1440, 15] as const;
/** At most this many reminders per meeting, each 1 minute to 7 days before it. */
export const MAX_REMINDERS = 5;
export const REMINDER_MINUTES = { min: 1, max: 10_080 } as const;

/** `GET /api/users/me/settings`; `PATCH` takes any part of it (deliveries merged per kind). */
export interface WireUserSettings {
  language: Language;
  /** An IANA time zone such as Asia/Hong_Kong. */
  timezone: string;
  /** Minutes before a meeting, largest first, no two alike. */
  reminders: number[];
  /** One entry per kind of NOTIFICATION_KINDS. */
  notifications: Record<NotificationKind, Delivery>;
}

/** One notification in the app, its words in the reader's language and time zone. */
export interface WireNotification {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path in the web app, such as `/sessions/<id>`. */
  link: string;
  createdAt: string;
  readAt: string | null;
}

/** `GET /api/notifications`: newest first, with how many are unread in all. */
export interface WireNotificationPage {
  items: WireNotification[];
  total: number;
  /** True when `total` is an estimate (past 1,000 notifications). */
  totalIsEstimate: boolean;
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
  unread: number;
  page: number;
  pageSize: number;
}

/** What `GET /api/unsubscribe?key=` says the one click will do, and what `POST` did. */
export interface WireUnsubscribe {
  kind: NotificationKind;
  /** The address the key is for, partly hidden (`ad…@harbourpay.hk`). */
  email: string;
  /** The kind's delivery now (`in-app` once unsubscribed). */
  delivery: Delivery;
}
