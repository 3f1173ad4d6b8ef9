/**
 * Refuses the secrets a deployment must not run with: the placeholders printed in
 * docker-compose.yml, .env.example and docs/operations.md (anyone can sign tokens or sign in with
 * them), and values too predictable to be secrets. Pure functions; each answers why a value is
 * refused (to follow the variable's name) or null, and never quotes the value.
 */
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '../database/seed/demo-credentials';

/** Values that were printed as examples; refused verbatim as well as by their words. */
const PUBLISHED_PLACEHOLDERS = new Set([
  'change-me-to-a-long-random-string-of-32-or-more-characters',
  'change-me-please',
]);

/** Words that mark a value as a placeholder, looked for in its letters and digits only. */
const PLACEHOLDER_WORDS = [
  'changeme',
  'changethis',
  'replaceme',
  'replacethis',
  'placeholder',
  'yoursecret',
  'yourpassword',
  'secretgoeshere',
  'insecure',
];

/** Passwords that stay guessable whatever digits or symbols are added to them. */
const COMMON_PASSWORDS = new Set([
  'password',
  'passw',
  'passwd',
  'passwor',
  'admin',
  'adminadmin',
  'administrator',
  'root',
  'secret',
  'letmein',
  'welcome',
  'qwerty',
  'qwertyuiop',
  'asdfghjkl',
  'iloveyou',
  'trustno',
  'abc',
  'abcdef',
  'changeit',
  'test',
  'demo',
]);

export const JWT_SECRET_MIN_BITS = 112;
export const ADMIN_PASSWORD_MIN_LENGTH = 12;
export const ADMIN_PASSWORD_MIN_BITS = 50;
/** Only the start of a very long value is estimated (the estimate is quadratic in its length). */
const ESTIMATED_PREFIX = 256;

const lettersAndDigits = (value: string): string => value.toLowerCase().replace(/[^a-z0-9]/g, '');

function isPlaceholder(value: string): boolean {
  const plain = lettersAndDigits(value);
  return (
    PUBLISHED_PLACEHOLDERS.has(value.toLowerCase()) ||
    PLACEHOLDER_WORDS.some((word) => plain.includes(word))
  );
}

/** Length of the longest run from `at` that repeats one starting earlier (overlap allowed). */
function repeatLength(chars: number[], at: number): number {
  let longest = 0;
  for (let from = 0; from < at; from++) {
    let length = 0;
    while (at + length < chars.length && chars[from + length] === chars[at + length]) length++;
    longest = Math.max(longest, length);
  }
  return longest;
}

/**
 * A rough estimate of the randomness in a value, in bits, meant to catch the obviously weak (not
 * to bless the strong): each character that does not follow from the ones before it counts
 * log2 of the alphabet the value draws from (lower case 26, upper case 26, digits 10, others 33).
 * A character follows when it continues a run or a sequence (`aaa`, `abc`, `321`), or belongs to
 * a repeat of three or more characters seen earlier (`abcabc`, `secret-secret`).
 */
export function estimatedEntropyBits(value: string): number {
  const chars = Array.from(value.slice(0, ESTIMATED_PREFIX), (char) => char.codePointAt(0)!);
  const alphabet =
    (/[a-z]/.test(value) ? 26 : 0) +
    (/[A-Z]/.test(value) ? 26 : 0) +
    (/[0-9]/.test(value) ? 10 : 0) +
    (/[^a-zA-Z0-9]/.test(value) ? 33 : 0);
  let surprising = 0;
  for (let at = 0; at < chars.length;) {
    const repeat = repeatLength(chars, at);
    if (repeat >= 3) {
      at += repeat;
      continue;
    }
    const step = chars[at] - chars[at - 1];
    const continues = at >= 2 && Math.abs(step) <= 1 && step === chars[at - 1] - chars[at - 2];
    if (!continues) surprising++;
    at++;
  }
  return surprising * Math.log2(Math.max(alphabet, 2));
}

const GENERATE = 'generate one with `openssl rand -base64 48`';

/** Why JWT_SECRET (already 32+ characters) may not sign tokens, or null. */
export function weakJwtSecret(secret: string): string | null {
  if (isPlaceholder(secret)) {
    return `is a placeholder from the examples, which anyone could use to sign tokens: ${GENERATE}`;
  }
  if (estimatedEntropyBits(secret) < JWT_SECRET_MIN_BITS) {
    return `is too predictable (repeated characters, sequences or repeated parts; it needs about ${JWT_SECRET_MIN_BITS} bits of randomness): ${GENERATE}`;
  }
  return null;
}

/** Why ADMIN_PASSWORD (already 12+ characters) may not be the first admin's password, or null. */
export function weakAdminPassword(password: string, email: string | undefined): string | null {
  const lower = password.toLowerCase();
  const address = email?.toLowerCase();
  if (address && (lower === address || lower === address.split('@')[0])) {
    return 'must not be the admin email or its local part';
  }
  if (password === DEMO_PASSWORD && address !== DEMO_ADMIN_EMAIL) {
    return `is the demo accounts' published password, allowed only for the demo admin ${DEMO_ADMIN_EMAIL}: choose another`;
  }
  if (isPlaceholder(password)) return 'is a placeholder from the examples: choose a real password';
  if (COMMON_PASSWORDS.has(lower.replace(/[^a-z]/g, ''))) {
    return 'is a common password with digits or symbols added: choose another';
  }
  if (estimatedEntropyBits(password) < ADMIN_PASSWORD_MIN_BITS) {
    return 'is too predictable (repeated characters, sequences or repeated parts): choose another';
  }
  return null;
}
