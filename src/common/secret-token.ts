import { createHash, randomBytes } from 'node:crypto';

/**
 * The secret of an emailed link (a password reset, an address to verify, a team invitation): 32
 * random bytes, base64url, sent once and never stored. The database keeps its SHA-256 only, so a
 * copy of the database opens no account; a plain hash is enough for 256 random bits (no salt or
 * slow hash needed, unlike a password), and it lets a link be found by an index.
 */
export interface SecretToken {
  /** What the link carries. */
  token: string;
  /** What is stored: the SHA-256 of `token`, in hex. */
  hash: string;
}

export function newSecretToken(): SecretToken {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
