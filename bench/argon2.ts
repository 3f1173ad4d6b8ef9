import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { hash, verify } from 'argon2';
import {
  argon2idOptions,
  PASSWORD_HASH_PARAMETERS,
  PREVIOUS_PASSWORD_HASH_PARAMETERS,
  type PasswordHashParameters,
} from '../src/auth/password';
import { machine, option } from './support';

/**
 * `npm run bench:argon2` (about two minutes; `--rounds N` of `--seconds S` per measurement, 3
 * of 2 by default): argon2id
 * hashing and verifying with OWASP's parameter sets (each as strong as the others: 46 MiB and 1
 * pass, 19 MiB and 2, 12 MiB and 3, 9 MiB and 4, 7 MiB and 5, all in one lane), today's parameters
 * and the earlier ones (64 MiB, 3 passes), one at a time and two at once (the libuv threadpool runs
 * them; two is every core of this machine). Beside them, in the same run, the anchor: SHA-256 of 64
 * bytes in a loop on the main thread, so a figure can be read against the machine's speed at that
 * moment. A sign-in verifies one hash; an API process lets `availableParallelism() - 1` hashes run
 * at once (one on 2 cores), so "verifies/s, 1 at a time" is the sign-ins per second one process
 * can give while the machine is otherwise idle.
 */
const SECONDS = Number(option('seconds') ?? 2);
const ROUNDS = Number(option('rounds') ?? 3);
const PASSWORD = 'a-good-long-password';

interface Candidate {
  label: string;
  parameters: PasswordHashParameters;
}

const mib = (kib: number): string => `${(kib / 1024).toFixed(kib % 1024 === 0 ? 0 : 1)} MiB`;
const describe = ({ memoryCost, timeCost, parallelism }: PasswordHashParameters): string =>
  `m=${memoryCost} (${mib(memoryCost)}) t=${timeCost} p=${parallelism}`;

const CANDIDATES: Candidate[] = [
  { label: 'OWASP 1', parameters: { memoryCost: 47_104, timeCost: 1, parallelism: 1 } },
  { label: 'OWASP 2', parameters: { memoryCost: 19_456, timeCost: 2, parallelism: 1 } },
  { label: 'OWASP 3', parameters: { memoryCost: 12_288, timeCost: 3, parallelism: 1 } },
  { label: 'OWASP 4', parameters: { memoryCost: 9_216, timeCost: 4, parallelism: 1 } },
  { label: 'OWASP 5', parameters: { memoryCost: 7_168, timeCost: 5, parallelism: 1 } },
  { label: 'before', parameters: PREVIOUS_PASSWORD_HASH_PARAMETERS },
];

/** `work` run `concurrency` at a time, again and again for SECONDS: operations per second and ms per operation. */
async function measure(
  concurrency: number,
  work: () => Promise<unknown>,
): Promise<{ perSecond: number; msEach: number }> {
  await work(); // warm up: the first call allocates
  const durations: number[] = [];
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const begun = performance.now();
        await work();
        durations.push(performance.now() - begun);
      }
    }),
  );
  const elapsed = performance.now() - started;
  return {
    perSecond: (durations.length / elapsed) * 1000,
    msEach: durations.reduce((sum, ms) => sum + ms, 0) / durations.length,
  };
}

/** SHA-256 of 64 bytes on the main thread, for SECONDS: millions per second. */
function anchor(): number {
  const input = Buffer.alloc(64, 7);
  let count = 0;
  const started = performance.now();
  const until = started + SECONDS * 1000;
  while (performance.now() < until) {
    for (let i = 0; i < 10_000; i += 1) createHash('sha256').update(input).digest();
    count += 10_000;
  }
  return count / (performance.now() - started) / 1000;
}

async function run(): Promise<void> {
  console.log(`bench:argon2 on ${machine()}; ${ROUNDS} rounds of ${SECONDS} s per measurement`);
  console.log(`today's parameters: ${describe(PASSWORD_HASH_PARAMETERS)} (src/auth/password.ts)`);
  const same = (a: PasswordHashParameters, b: PasswordHashParameters): boolean =>
    describe(a) === describe(b);
  const rows = CANDIDATES.some(({ parameters }) => same(parameters, PASSWORD_HASH_PARAMETERS))
    ? CANDIDATES
    : [{ label: 'today', parameters: PASSWORD_HASH_PARAMETERS }, ...CANDIDATES];
  // Rounds over every row in turn, so that a busy moment of the shared machine does not fall on
  // one row only; each row keeps its best round, the anchor shows how far the machine moved.
  const best = rows.map(() => ({
    hashing: Infinity,
    one: { msEach: Infinity, perSecond: 0 },
    two: { msEach: Infinity, perSecond: 0 },
  }));
  const anchors: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    anchors.push(anchor());
    for (const [index, { parameters }] of rows.entries()) {
      const options = argon2idOptions(parameters);
      const stored = await hash(PASSWORD, options);
      const hashing = await measure(1, () => hash(PASSWORD, options));
      const one = await measure(1, () => verify(stored, PASSWORD));
      const two = await measure(2, () => verify(stored, PASSWORD));
      const kept = best[index];
      kept.hashing = Math.min(kept.hashing, hashing.msEach);
      if (one.perSecond > kept.one.perSecond) kept.one = one;
      if (two.perSecond > kept.two.perSecond) kept.two = two;
    }
  }
  console.log(
    `anchor: SHA-256 of 64 bytes on the main thread, ${anchors.map((m) => m.toFixed(2)).join(', ')} M/s in the rounds\n`,
  );
  console.log(
    'parameters                                hash ms   verify: 1 at a time       2 at once',
  );
  for (const [index, { label: name, parameters }] of rows.entries()) {
    const label = same(parameters, PASSWORD_HASH_PARAMETERS) ? `${name} *` : name;
    const { hashing, one, two } = best[index];
    console.log(
      `${label.padEnd(9)} ${describe(parameters).padEnd(30)} ${hashing.toFixed(1).padStart(7)}  ` +
        `${one.msEach.toFixed(1).padStart(7)} ms ${one.perSecond.toFixed(1).padStart(6)}/s  ` +
        `${two.msEach.toFixed(1).padStart(7)} ms ${two.perSecond.toFixed(1).padStart(6)}/s`,
    );
  }
  console.log("* today's parameters; each figure the best of its rounds");
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
