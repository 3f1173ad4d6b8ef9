import { availableParallelism } from 'node:os';
import { hash, verify, argon2id } from 'argon2';

/**
 * argon2id with 64 MiB and 3 passes (the library's defaults, above OWASP's minimum) in one lane.
 * The library's default of four lanes let one sign-in take every core of a small machine, so a
 * burst of sign-ins at the start of a session starved the live rooms (bench:load). Hashes made
 * with four lanes still verify: the parameters are read from the hash.
 */
const OPTIONS = { type: argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 1 } as const;

/**
 * At most this many hashes run at once in a process, one core short of all of them (at least one),
 * so that requests other than sign-ins always have a core; the others wait their turn.
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
