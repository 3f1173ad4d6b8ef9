import { createHmac, timingSafeEqual } from 'node:crypto';
import { CHECK_IN_ALPHABET, CHECK_IN_CODE_LENGTH } from './seminars.wire';

/**
 * A registration's check-in code, derived rather than stored: the HMAC of the seminar and the
 * registration under a key derived from the token secret, its first 50 bits written in Crockford's
 * base 32 (10 characters). Nobody can make a code without the secret, a code names its seminar
 * (another seminar's code matches none of this one's registrations), and no column or migration is
 * needed. 50 bits are plenty behind an organiser-only, rate-limited route: guessing one of a
 * seminar's 10,000 seats takes about 10^11 tries.
 */
export function checkInCode(secret: string, seminarId: string, registrationId: string): string {
  const digest = createHmac('sha256', `seminar-check-in:${secret}`)
    .update(`${seminarId}:${registrationId}`)
    .digest();
  let bits = 0n;
  for (let index = 0; index < 7; index += 1) bits = (bits << 8n) | BigInt(digest[index]);
  bits >>= 6n; // 56 bits read, 50 kept
  let code = '';
  for (let index = 0; index < CHECK_IN_CODE_LENGTH; index += 1) {
    code = CHECK_IN_ALPHABET[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return code;
}

/** The registration (of those given) whose code this canonical code is, or undefined. */
export function findByCheckInCode<Registration extends { id: string }>(
  secret: string,
  seminarId: string,
  registrations: readonly Registration[],
  code: string,
): Registration | undefined {
  const given = Buffer.from(code);
  return registrations.find((registration) => {
    const expected = Buffer.from(checkInCode(secret, seminarId, registration.id));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
