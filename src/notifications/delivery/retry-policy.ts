/**
 * How an email that failed is tried again: after 1 s, 2 s, 4 s ... doubling up to 5 minutes
 * between tries, for 30 tries (about two hours: SMTP down for minutes costs nothing), unless the
 * server refused it for good (a 5xx reply, such as an unknown mailbox), which no retry mends.
 */
export const MAX_ATTEMPTS = 30;
const FIRST_DELAY_MS = 1000;
const LONGEST_DELAY_MS = 5 * 60_000;

/** The pause after the `attempts`-th try failed. */
export function retryDelayMs(attempts: number): number {
  return Math.min(LONGEST_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1));
}

/** An SMTP reply in the 500s to the message itself; connection trouble is never permanent. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
