/**
 * Types of the pure meeting scheduler: companies meet one to one in the consecutive slots of a
 * session; candidate pairs are placed by strict priority of their tier.
 */

/**
 * Priority of a candidate pair: 0 mutual requests (both firms asked), 1 accepted requests,
 * 2 pending requests, 3 other pairs (optional fillers, by score).
 */
export type Tier = 0 | 1 | 2 | 3;

export interface SolverCompany {
  /** available[s] for each slot */
  available: boolean[];
  /** At most this many meetings in total, fixed ones included. */
  maxMeetings: number;
}

/**
 * The firms' marks on an unrequested pair (tier 3): `not-interested` when either side said so
 * (never placed), `must-meet` when one side asked for it in its marks (placed before every other
 * filler). Requests (tiers 0-2) ignore it: whether a request stands is the caller's decision.
 */
export type PairPreference = 'must-meet' | 'not-interested';

export interface SolverPair {
  /** Company indices. */
  a: number;
  b: number;
  tier: Tier;
  /** 0..100, used within tier 3 (and to break ties) */
  score: number;
  /** Tier 3 only; absent when neither firm marked the other. */
  preference?: PairPreference;
  /**
   * The slot indices this pair may meet in (a request's window, "mornings only"); absent: any slot
   * both firms are free in. Out-of-range or non-integer entries are ignored.
   */
  slots?: number[];
}

/** A meeting that stays where it is (already held, or fixed by an organiser). */
export interface FixedMeeting {
  a: number;
  b: number;
  slot: number;
}

export interface ScheduleProblem {
  slots: number;
  /** At most this many meetings per slot (in-person sessions); null when unlimited. */
  tables: number | null;
  companies: SolverCompany[];
  pairs: SolverPair[];
  fixed: FixedMeeting[];
}

export type UnplacedReason = 'no-common-slot' | 'max-meetings' | 'tables-full' | 'slots-taken';

export interface PlacedMeeting {
  /** index into pairs */
  pair: number;
  slot: number;
}

export interface ScheduleResult {
  /** New meetings only (fixed ones are not repeated). */
  meetings: PlacedMeeting[];
  /** Every tier 0-2 pair not placed, with the most telling reason. */
  unplaced: { pair: number; reason: UnplacedReason }[];
  placedByTier: [number, number, number, number];
  requestedByTier: [number, number, number, number];
  /**
   * Per company, counting fixed and new meetings: breaks (gaps between two consecutive meetings;
   * one gap of any length counts once) and idle slots (the slots of those gaps).
   */
  breaks: number[];
  idleSlots: number[];
  /** Sum of `breaks`. */
  totalBreaks: number;
  /** Most breaks of a company less the fewest, over companies with at least one meeting (0 if none). */
  breakSpread: number;
}

export interface SolveOptions {
  /**
   * Wall-clock budget of the search for requests and fillers (breaks have their own, below); it
   * often ends earlier, when no move improves, and is then deterministic. The greedy start always
   * runs. Default: 1/16 ms per pair, between 250 ms and 2 s (4,500 pairs: 281 ms; 15,000: 938 ms;
   * 32,000 or more: 2 s). Measured on the benchmark's instances, the requested pairs are all
   * placed well within that. The complete search for accepted requests, when needed, may take up
   * to half the breaks' default budget more.
   */
  timeBudgetMs?: number;
  /**
   * Time for fewer breaks once the requests are placed; the search stops earlier when no firm has
   * a break. Default: 5 ms per placed request, between 1 and 18 s.
   */
  breakBudgetMs?: number;
  /** Seed of the tie-breaking orders (default 1). */
  seed?: number;
}
