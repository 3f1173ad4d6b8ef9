import { createHmac, timingSafeEqual } from 'node:crypto';
import { FOLLOW_UP_LINK_DAYS } from './follow-ups.wire';

/**
 * The key of a follow-up survey's emailed link: the survey's id and the instant the link stops
 * working, signed (HMAC-SHA256) with a key derived from the token secret, so that the link works
 * without signing in, cannot be made for another survey and cannot be stretched. A link expires
 * FOLLOW_UP_LINK_DAYS after the survey was sent. `<surveyId>.<expires, Unix seconds>.<signature>`.
 */
const DAY_MS = 24 * 3600_000;

function signature(secret: string, surveyId: string, expires: number): Buffer {
  return createHmac('sha256', `follow-up:${secret}`).update(`${surveyId}:${expires}`).digest();
}

/** When a link sent at `sentAt` stops working. */
export function followUpExpiry(sentAt: Date): Date {
  return new Date(sentAt.getTime() + FOLLOW_UP_LINK_DAYS * DAY_MS);
}

export function signFollowUpKey(secret: string, surveyId: string, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${surveyId}.${expires}.${signature(secret, surveyId, expires).toString('base64url')}`;
}

export type FollowUpKeyReading =
  { valid: true; surveyId: string; expiresAt: Date } | { valid: false };

/** The survey and expiry of a well-signed key (expired or not: the caller tells), or invalid. */
export function readFollowUpKey(secret: string, key: string): FollowUpKeyReading {
  const match =
    /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(
      key,
    );
  if (!match) return { valid: false };
  const expires = Number(match[2]);
  // Compared as text: base64url's last character carries two spare bits, which decoding drops.
  const expected = Buffer.from(signature(secret, match[1], expires).toString('base64url'));
  const given = Buffer.from(match[3]);
  if (given.length !== expected.length || !timingSafeEqual(expected, given))
    return { valid: false };
  return { valid: true, surveyId: match[1], expiresAt: new Date(expires * 1000) };
}
