/**
 * Sanity timing, run by hand (not a test; tests never assert on time):
 *
 *   npx tsc --ignoreConfig --outDir /tmp/scoring-timing --rootDir src src/matching/scoring/timing.manual.ts \
 *     --module nodenext --target es2023 --strict --skipLibCheck --types node
 *   node /tmp/scoring-timing/matching/scoring/timing.manual.js [companies] [k]
 */
import { compileSession } from './compile-session';
import { scoreTopMatches } from './score-kernel';
import { syntheticProfiles, syntheticSession } from './synthetic-profiles';

function main(): void {
  const n = Number(process.argv[2] ?? 10_000);
  const k = Number(process.argv[3] ?? 50);
  const profiles = syntheticProfiles(n, 42);
  const session = syntheticSession();

  let started = performance.now();
  const compiled = compileSession(profiles, session);
  const compileMs = performance.now() - started;

  const pairs = (n * (n - 1)) / 2;
  for (let run = 1; run <= 3; run++) {
    started = performance.now();
    const top = scoreTopMatches(compiled, { k, symmetric: true });
    const seconds = (performance.now() - started) / 1000;
    let kept = 0;
    for (let i = 0; i < n; i++) kept += top.counts[i];
    console.log(
      `run ${run}: ${n} companies, ${pairs} pairs, k=${k}: ${seconds.toFixed(3)} s, ` +
        `${(pairs / seconds / 1e6).toFixed(1)} M pairs/s, ${kept} matches kept ` +
        `(compile ${compileMs.toFixed(0)} ms)`,
    );
  }
}

if (require.main === module) main();
