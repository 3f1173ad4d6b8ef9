/**
 * The states of a background job as `GET /api/jobs/:id` and `job.progress` give them (BullMQ's
 * `JobState`, and `unknown` for a job it no longer knows), with no import at all: the server and
 * the web app's job runner share this list.
 */
export const JOB_STATES = [
  'waiting',
  'waiting-children',
  'prioritized',
  'delayed',
  'active',
  'completed',
  'failed',
  'unknown',
] as const;
export type JobState = (typeof JOB_STATES)[number];
