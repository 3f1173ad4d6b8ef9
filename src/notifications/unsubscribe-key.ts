import { createHmac, timingSafeEqual } from 'node:crypto';
import { NOTIFICATION_KINDS, type NotificationKind } from './notification.wire';

/**
 * The key of a one-click unsubscribe link: a user and a kind, signed with a key derived from the
 * token secret, so that the link works without signing in and cannot be made for someone else.
 * It does not expire (old emails' links keep working); all it can do is turn one kind's email off.
 */
function signature(secret: string, userId: string, kind: NotificationKind): string {
  return createHmac('sha256', `unsubscribe:${secret}`)
    .update(`${userId}:${kind}`)
    .digest('base64url')
    .slice(0, 32);
}

export function signUnsubscribeKey(secret: string, userId: string, kind: NotificationKind): string {
  const index = NOTIFICATION_KINDS.indexOf(kind);
  return `${userId}.${index}.${signature(secret, userId, kind)}`;
}

/** The user and kind of a well-signed key, or null. */
export function readUnsubscribeKey(
  secret: string,
  key: string,
): { userId: string; kind: NotificationKind } | null {
  const match = /^([0-9a-f-]{36})\.(\d{1,2})\.([A-Za-z0-9_-]{32})$/.exec(key);
  if (!match) return null;
  const kind = NOTIFICATION_KINDS[Number(match[2])] as NotificationKind | undefined;
  if (!kind) return null;
  const expected = Buffer.from(signature(secret, match[1], kind));
  const given = Buffer.from(match[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { userId: match[1], kind };
}
