/**
 * The scoring kernel: scores every pair of a compiled session and keeps each company's top k.
 *
 * Layout of the work for one row company A:
 *  1. Complementarity, sparse: walk A's offers through the "who seeks tag t" index and A's seeks
 *     through the "who offers tag t" index, adding the tag's rarity weight into two Float32
 *     accumulators indexed by the other company B. Only companies sharing a tag are touched.
 *  2. Everything else, dense: one pass over B with typed-array reads, bit operations and a 16-bit
 *     popcount table. Eligible pairs with a positive score go into fixed-size min-heaps.
 *
 * Bit-exact symmetry: score(A, B) and score(B, A) are computed with the same floating-point
 * operations (each component is a commutative expression, and both accumulators sum the same tag
 * set in ascending tag id order), so the symmetric and the row mode give identical lists.
 */
import type { CompiledSession } from './compile-session';

export interface TopMatches {
  k: number;
  n: number;
  /** Company i's matches are others[i * k .. i * k + counts[i]), best first; -1 marks empty places. */
  others: Int32Array;
  scores: Float32Array;
  counts: Int32Array;
}

export interface TopMatchesOptions {
  /** How many matches to keep per company. */
  k: number;
  /** Row companies [start, end) to score; default all. Other companies get empty lists. */
  rows?: [start: number, end: number];
  /**
   * All-pairs mode: each unordered pair is scored once and offered to both companies' lists.
   * About twice as fast as the row mode over all rows; requires rows to cover every company.
   */
  symmetric?: boolean;
}

/** Number of set bits of every 16-bit value. */
const POPCOUNT16 = (() => {
  const table = new Uint8Array(65536);
  for (let i = 1; i < 65536; i++) table[i] = table[i >>> 1] + (i & 1);
  return table;
})();

/**
 * Scores one pair, or returns -1 when the pair is ineligible. Same arithmetic as the kernel, so the
 * result equals the kernel's score (after rounding to Float32).
 */
export function scorePair(c: CompiledSession, a: number, b: number): number {
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0 || a >= c.n || b >= c.n) {
    throw new RangeError(`Company indices must be in [0, ${c.n}), got ${a} and ${b}`);
  }
  if (a === b) return -1;
  if (c.crossBorderOnly && c.country[a] === c.country[b]) return -1;
  if (c.hasSides) {
    const sa = c.side[a];
    const sb = c.side[b];
    if (sa < 0 || sb < 0 || sa === sb) return -1;
  }
  const common = andCount(c.slotBits, a * c.slotWords, b * c.slotWords, c.slotWords);
  if (c.video && common === 0) return -1;

  // Same sums as the kernel's accumulators: the shared tags in ascending id order, in Float32.
  const acc = new Float32Array(2);
  forSharedTags(c.offerTags, c.offerStart, a, c.seekTags, c.seekStart, b, (t) => {
    acc[0] += c.tagWeights[t];
  });
  forSharedTags(c.offerTags, c.offerStart, b, c.seekTags, c.seekStart, a, (t) => {
    acc[1] += c.tagWeights[t];
  });
  return pairScore(c, a, b, acc[0], acc[1], common);
}

/** Calls fn(t) for every tag t in both sorted lists (X's offers and Y's seeks). */
function forSharedTags(
  xTags: Int32Array,
  xStart: Int32Array,
  x: number,
  yTags: Int32Array,
  yStart: Int32Array,
  y: number,
  fn: (tag: number) => void,
): void {
  let i = xStart[x];
  let j = yStart[y];
  const iEnd = xStart[x + 1];
  const jEnd = yStart[y + 1];
  while (i < iEnd && j < jEnd) {
    if (xTags[i] < yTags[j]) i++;
    else if (xTags[i] > yTags[j]) j++;
    else {
      fn(xTags[i]);
      i++;
      j++;
    }
  }
}

function andCount(bits: Uint32Array, aBase: number, bBase: number, words: number): number {
  let count = 0;
  for (let w = 0; w < words; w++) {
    const x = bits[aBase + w] & bits[bBase + w];
    count += POPCOUNT16[x & 0xffff] + POPCOUNT16[x >>> 16];
  }
  return count;
}

/**
 * The score of an eligible pair given the accumulated tag weights (A's offers sought by B, B's
 * offers sought by A) and the number of common slots. Readable twin of the kernel's inner loop.
 */
function pairScore(
  c: CompiledSession,
  a: number,
  b: number,
  aToB: number,
  bToA: number,
  commonSlots: number,
): number {
  const w = c.weights;
  const complementarity = aToB * c.invSeekWeights[b] + bToA * c.invSeekWeights[a];
  const sectorInter = andCount(c.sectorBits, a * c.sectorWords, b * c.sectorWords, c.sectorWords);
  const sectorUnion = c.sectorCount[a] + c.sectorCount[b] - sectorInter;
  const partnerInter = andCount(
    c.partnerBits,
    a * c.partnerWords,
    b * c.partnerWords,
    c.partnerWords,
  );
  const partnerMin = Math.min(c.partnerCount[a], c.partnerCount[b]);
  const ca = c.country[a];
  const cb = c.country[b];
  const markets =
    ((c.marketBits[b * c.marketWords + (ca >>> 5)] >>> (ca & 31)) & 1) +
    ((c.marketBits[a * c.marketWords + (cb >>> 5)] >>> (cb & 31)) & 1);
  const language =
    andCount(c.languageBits, a * c.languageWords, b * c.languageWords, c.languageWords) > 0 ? 1 : 0;
  const slotMin = Math.min(c.slotsAvailable[a], c.slotsAvailable[b]);
  const r = c.reciprocals;
  let score =
    w[0] * 0.5 * complementarity +
    w[1] * sectorInter * r[sectorUnion] +
    w[2] * partnerInter * r[partnerMin] +
    w[3] * 0.5 * markets +
    w[4] * language;
  if (c.video) score += w[5] * commonSlots * r[slotMin];
  return Math.fround(score);
}

/**
 * Each row company's top k eligible matches with a positive score, best first (ties: lower index
 * first). Throws a RangeError on a bad k or rows.
 */
export function scoreTopMatches(c: CompiledSession, options: TopMatchesOptions): TopMatches {
  const n = c.n;
  const k = options.k;
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be an integer >= 0, got ${k}`);
  const symmetric = options.symmetric ?? false;
  const [rowStart, rowEnd] = options.rows ?? [0, n];
  if (
    !Number.isInteger(rowStart) ||
    !Number.isInteger(rowEnd) ||
    rowStart < 0 ||
    rowEnd > n ||
    rowStart > rowEnd
  ) {
    throw new RangeError(
      `rows must satisfy 0 <= start <= end <= ${n}, got [${rowStart}, ${rowEnd})`,
    );
  }
  if (symmetric && (rowStart !== 0 || rowEnd !== n)) {
    throw new RangeError('The symmetric mode scores all pairs: rows must cover every company');
  }

  const top: TopMatches = {
    k,
    n,
    others: new Int32Array(n * k).fill(-1),
    scores: new Float32Array(n * k),
    counts: new Int32Array(n),
  };
  if (k === 0 || n < 2) return top;
  // The score a new candidate must beat to enter a list: 0 until the list is full (only positive
  // scores are kept), then the list's worst score. Candidates reach every list in ascending index
  // order, so a tie with the worst never wins (ties go to the lower index).
  const thresholds = new Float32Array(n);

  // accOut[B]: Σ w(t) over A's offers that B seeks; accIn[B]: Σ w(t) over B's offers that A seeks.
  const accOut = new Float32Array(n);
  const accIn = new Float32Array(n);
  // In the symmetric mode only B > A matters; inverted lists are ascending, so a cursor per tag
  // skips the companies already done, moving forward only.
  const seekersCursor = c.seekersStart.slice(0, -1);
  const offerersCursor = c.offerersStart.slice(0, -1);

  // Each row is two small function calls rather than the body of one long loop: V8 optimises them
  // as ordinary functions, which measured faster than on-stack replacement of one big function.
  for (let a = rowStart; a < rowEnd; a++) {
    if (c.hasSides && c.side[a] < 0) continue; // on no side: eligible with nobody
    const lo = symmetric ? a + 1 : 0;
    if (symmetric) accumulateRow(c, a, accOut, accIn, seekersCursor, offerersCursor);
    else accumulateRow(c, a, accOut, accIn, null, null);
    scanRow(c, a, lo, accOut, accIn, top, thresholds, symmetric);
    accOut.fill(0, lo);
    accIn.fill(0, lo);
  }

  for (let i = 0; i < n; i++) sortList(top, i);
  return top;
}

/**
 * Adds, for row company A, the rarity weights of the tags it shares with every other company B:
 * accOut[B] over A's offers that B seeks, accIn[B] over A's seeks that B offers. With cursors
 * (symmetric mode), only companies B > A are visited.
 */
function accumulateRow(
  c: CompiledSession,
  a: number,
  accOut: Float32Array,
  accIn: Float32Array,
  seekersCursor: Int32Array | null,
  offerersCursor: Int32Array | null,
): void {
  const { offerStart, offerTags, seekStart, seekTags, tagWeights } = c;
  const { offerersStart, offerers, seekersStart, seekers } = c;
  for (let j = offerStart[a], end = offerStart[a + 1]; j < end; j++) {
    const t = offerTags[j];
    const w = tagWeights[t];
    let p = seekersStart[t];
    const pEnd = seekersStart[t + 1];
    if (seekersCursor !== null) {
      p = seekersCursor[t];
      while (p < pEnd && seekers[p] <= a) p++;
      seekersCursor[t] = p;
    }
    for (; p < pEnd; p++) accOut[seekers[p]] += w;
  }
  for (let j = seekStart[a], end = seekStart[a + 1]; j < end; j++) {
    const t = seekTags[j];
    const w = tagWeights[t];
    let p = offerersStart[t];
    const pEnd = offerersStart[t + 1];
    if (offerersCursor !== null) {
      p = offerersCursor[t];
      while (p < pEnd && offerers[p] <= a) p++;
      offerersCursor[t] = p;
    }
    for (; p < pEnd; p++) accIn[offerers[p]] += w;
  }
}

/** Scores row company A against companies lo..n-1 (but A) and offers the results to the lists. */
function scanRow(
  c: CompiledSession,
  a: number,
  lo: number,
  accOut: Float32Array,
  accIn: Float32Array,
  top: TopMatches,
  thresholds: Float32Array,
  symmetric: boolean,
): void {
  const n = c.n;
  const { invSeekWeights, country, side, crossBorderOnly, hasSides, video } = c;
  const { sectorWords, sectorBits, sectorCount, partnerWords, partnerBits, partnerCount } = c;
  const { languageWords, languageBits, marketWords, marketBits } = c;
  const { slotWords, slotBits, slotsAvailable, reciprocals } = c;
  const wComp = c.weights[0] * 0.5;
  const wSector = c.weights[1];
  const wPartner = c.weights[2];
  const wMarket = c.weights[3] * 0.5;
  const wLanguage = c.weights[4];
  const wTime = c.weights[5];
  const pc = POPCOUNT16;

  const sa = side[a];
  const ca = country[a];
  const invSeekA = invSeekWeights[a];
  const sectorA = a * sectorWords;
  const sectorCountA = sectorCount[a];
  const partnerA = a * partnerWords;
  const partnerCountA = partnerCount[a];
  const languageA = a * languageWords;
  const marketA = a * marketWords;
  const slotA = a * slotWords;
  const slotsAvailableA = slotsAvailable[a];
  const caWord = ca >>> 5;
  const caBit = ca & 31;
  // A's first words, read once (V8 does not hoist these loads: the loop writes to typed arrays).
  const slotA0 = slotBits[slotA];
  const sectorA0 = sectorBits[sectorA];
  const partnerA0 = partnerBits[partnerA];
  const languageA0 = languageBits[languageA];

  // A's list only changes when offered something in this loop: keep its threshold in a local.
  let thresholdA = thresholds[a];
  for (let b = lo; b < n; b++) {
    if (b === a) continue;
    const cb = country[b];
    if (crossBorderOnly && cb === ca) continue;
    if (hasSides) {
      const sb = side[b];
      if (sb < 0 || sb === sa) continue;
    }
    // Bit sets are almost always one word long: the first word is read inline and the loops over
    // further words are skipped by a branch that is always predicted right.
    let timeValue = 0;
    if (video) {
      const bBase = b * slotWords;
      let x = slotA0 & slotBits[bBase];
      let common = pc[x & 0xffff] + pc[x >>> 16];
      for (let w = 1; w < slotWords; w++) {
        x = slotBits[slotA + w] & slotBits[bBase + w];
        common += pc[x & 0xffff] + pc[x >>> 16];
      }
      if (common === 0) continue;
      const slotsAvailableB = slotsAvailable[b];
      timeValue =
        common * reciprocals[slotsAvailableA < slotsAvailableB ? slotsAvailableA : slotsAvailableB];
    }

    let bBase = b * sectorWords;
    let x = sectorA0 & sectorBits[bBase];
    let sectorInter = pc[x & 0xffff] + pc[x >>> 16];
    for (let w = 1; w < sectorWords; w++) {
      x = sectorBits[sectorA + w] & sectorBits[bBase + w];
      sectorInter += pc[x & 0xffff] + pc[x >>> 16];
    }
    const sectorUnion = sectorCountA + sectorCount[b] - sectorInter;

    bBase = b * partnerWords;
    x = partnerA0 & partnerBits[bBase];
    let partnerInter = pc[x & 0xffff] + pc[x >>> 16];
    for (let w = 1; w < partnerWords; w++) {
      x = partnerBits[partnerA + w] & partnerBits[bBase + w];
      partnerInter += pc[x & 0xffff] + pc[x >>> 16];
    }
    const partnerCountB = partnerCount[b];
    const partnerMin = partnerCountA < partnerCountB ? partnerCountA : partnerCountB;

    bBase = b * languageWords;
    x = languageA0 & languageBits[bBase];
    for (let w = 1; w < languageWords; w++)
      x |= languageBits[languageA + w] & languageBits[bBase + w];
    const language = x !== 0 ? 1 : 0;

    const markets =
      ((marketBits[b * marketWords + caWord] >>> caBit) & 1) +
      ((marketBits[marketA + (cb >>> 5)] >>> (cb & 31)) & 1);

    let score =
      wComp * (accOut[b] * invSeekWeights[b] + accIn[b] * invSeekA) +
      wSector * sectorInter * reciprocals[sectorUnion] +
      wPartner * partnerInter * reciprocals[partnerMin] +
      wMarket * markets +
      wLanguage * language;
    if (video) score += wTime * timeValue;
    score = Math.fround(score);

    if (score > thresholdA) {
      offer(top, thresholds, a, b, score);
      thresholdA = thresholds[a];
    }
    if (symmetric && score > thresholds[b]) offer(top, thresholds, b, a, score);
  }
}

/**
 * Offers candidate `other` with `score` to `owner`'s list, a min-heap on (score, -index) kept in
 * others/scores[owner * k ..]: the root is the worst entry. The caller has checked that the score
 * beats the threshold, so the candidate goes in (evicting the root when the list is full).
 */
function offer(
  top: TopMatches,
  thresholds: Float32Array,
  owner: number,
  other: number,
  score: number,
): void {
  const { k, others, scores, counts } = top;
  const base = owner * k;
  const size = counts[owner];
  if (size < k) {
    // Sift up from the new leaf.
    let i = size;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!isWorse(score, other, scores[base + parent], others[base + parent])) break;
      scores[base + i] = scores[base + parent];
      others[base + i] = others[base + parent];
      i = parent;
    }
    scores[base + i] = score;
    others[base + i] = other;
    counts[owner] = size + 1;
    if (size + 1 === k) thresholds[owner] = scores[base];
  } else {
    siftDown(scores, others, base, k, score, other);
    thresholds[owner] = scores[base];
  }
}

/** Whether entry (s1, i1) ranks below (s2, i2): lower score, or equal score and higher index. */
function isWorse(s1: number, i1: number, s2: number, i2: number): boolean {
  return s1 < s2 || (s1 === s2 && i1 > i2);
}

/** Puts (score, other) at the root of the heap [base, base + size) and restores the heap order. */
function siftDown(
  scores: Float32Array,
  others: Int32Array,
  base: number,
  size: number,
  score: number,
  other: number,
): void {
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (
      child + 1 < size &&
      isWorse(
        scores[base + child + 1],
        others[base + child + 1],
        scores[base + child],
        others[base + child],
      )
    ) {
      child++;
    }
    if (!isWorse(scores[base + child], others[base + child], score, other)) break;
    scores[base + i] = scores[base + child];
    others[base + i] = others[base + child];
    i = child;
  }
  scores[base + i] = score;
  others[base + i] = other;
}

/** Heap sort of one company's list in place: the worst goes last, so the best ends up first. */
function sortList(top: TopMatches, owner: number): void {
  const { k, others, scores, counts } = top;
  const base = owner * k;
  for (let end = counts[owner] - 1; end > 0; end--) {
    const score = scores[base + end];
    const other = others[base + end];
    scores[base + end] = scores[base];
    others[base + end] = others[base];
    siftDown(scores, others, base, end, score, other);
  }
}
