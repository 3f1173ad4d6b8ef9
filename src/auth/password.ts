import { availableParallelism } from 'node:os';
import { argon2id, hash, needsRehash, verify, type HashOptions } from 'argon2';

export interface PasswordHashParameters {
  /** KiB of memory per hash. */
  memoryCost: number;
  /** Passes over that memory. */
  timeCost: number;
  /** Lanes (threads) per hash. */
  parallelism: number;
}

/**
 * argon2id with 19 MiB and 2 passes in one lane: OWASP's minimum (its other sets, 46 MiB and 1
 * pass down to 7 MiB and 5, are meant to be as strong), chosen with `npm run bench:argon2`
 * (docs/benchmarks.md): on this 2-core machine a verify takes 20 to 40 ms of one core, a seventh
 * to a tenth of the earlier 64 MiB and 3 passes, so one API process with a core for hashing signs
 * in over 20 users a second (issue 19 asked for 8); the larger 46 MiB and 1 pass took three times
 * as long, the smaller sets were about 10 % faster. One lane, because the library's default of four let one sign-in
 * take every core of a small machine and starve the live rooms. Hashes made with other parameters
 * still verify (they are read from the hash) and are replaced at the user's next sign-in
 * (`passwordNeedsRehash`).
 */
export const PASSWORD_HASH_PARAMETERS: PasswordHashParameters = {
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** What hashes were made with until issue 19: 64 MiB and 3 passes, one lane. */
export const PREVIOUS_PASSWORD_HASH_PARAMETERS: PasswordHashParameters = {
  memoryCost: 65_536,
  timeCost: 3,
  parallelism: 1,
};

/** The library's options for argon2id with these parameters (the benchmark times others with it). */
export function argon2idOptions(parameters: PasswordHashParameters): HashOptions {
  return { type: argon2id, ...parameters };
}

const OPTIONS = argon2idOptions(PASSWORD_HASH_PARAMETERS);

/**
 * At most this many hashes run at once in a process, one core short of all of them (at least one),
 * so that requests other than sign-ins always have a core; the others wait their turn. argon2 runs
 * in the libuv threadpool (4 threads by default), which fs, dns.lookup and async crypto share; pg
 * and ioredis use sockets only (their hosts are addresses, or looked up once per connection), so a
 * queue of sign-ins leaves them alone, and the limit leaves threads for the rest.
 */
const CONCURRENT_HASHES = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: (() => void)[] = [];

async function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (running >= CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line, or give it back.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

export function hashPassword(password: string): Promise<string> {
  return oneAtATime(() => hash(password, OPTIONS));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await oneAtATime(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}

/**
 * Whether a stored hash was made otherwise than `hashPassword` makes them today (another variant,
 * version, memory, passes or lanes), so that it should be replaced once the password is known. A
 * string that is no argon2 hash at all needs it too.
 */
export function passwordNeedsRehash(
  passwordHash: string,
  parameters: PasswordHashParameters = PASSWORD_HASH_PARAMETERS,
): boolean {
  if (!passwordHash.startsWith('$argon2id$')) return true;
  try {
    return needsRehash(passwordHash, parameters);
  } catch {
    return true;
  }
}
