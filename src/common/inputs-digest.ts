import { createHash } from 'node:crypto';

/**
 * The digest of the inputs a job or a plan depends on: the same exactly when their JSON is. Job
 * ids that name one state of their inputs (scheduling runs, full rescores) take the first
 * `length` hex digits; a plan's fingerprint and the scoring settings of a rescore use it too.
 */
export function inputsDigest(inputs: unknown, length?: number): string {
  const hex = createHash('sha1').update(JSON.stringify(inputs)).digest('hex');
  return length === undefined ? hex : hex.slice(0, length);
}

/** The length of the inputs key in a job id. */
export const JOB_KEY_LENGTH = 16;
