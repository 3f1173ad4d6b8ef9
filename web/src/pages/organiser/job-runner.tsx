import { useEffect, useEffectEvent, useState } from 'react';
import { api } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import type { LiveSocket } from '../../live';
import { ErrorBox } from '../../ui';
import type { JobView } from './types';

const FINISHED = ['completed', 'failed'];
const POLL_MS = 2000;
const SHOWN_STATES = ['waiting', 'waiting-children', 'delayed', 'active', 'completed', 'failed'];

const percentOf = (job: JobView) =>
  job.state === 'completed' ? 100 : typeof job.progress === 'number' ? job.progress : 0;

/** The newer of two reports of one job: a finished job stays finished, progress never goes back. */
function newer(current: JobView | null, next: JobView): JobView {
  if (!current || current.id !== next.id) return next;
  if (FINISHED.includes(current.state)) return current;
  if (!FINISHED.includes(next.state) && percentOf(next) < percentOf(current)) return current;
  return next;
}

/**
 * A button that queues a job (`POST path` answering `202 {jobId}`) and its progress bar, fed by
 * the live `job.progress` events, with `GET /api/jobs/:id` polled meanwhile in case they are lost.
 */
export function JobRunner({
  name,
  path,
  socket,
  disabled,
  onFinished,
}: {
  name: 'scoring' | 'scheduling';
  path: string;
  socket: LiveSocket | null;
  disabled?: boolean;
  onFinished?: () => void;
}) {
  const { t } = useI18n();
  const [jobId, setJobId] = useState<string | null>(null);
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const finished = job !== null && FINISHED.includes(job.state);

  useEffect(() => {
    if (!jobId || !socket) return;
    const update = (event: { job: JobView }) => {
      if (event.job.id === jobId) setJob((current) => newer(current, event.job));
    };
    socket.on('job.progress', update);
    return () => {
      socket.off('job.progress', update);
    };
  }, [jobId, socket]);

  useEffect(() => {
    if (!jobId || finished) return;
    let stopped = false;
    const poll = async () => {
      try {
        const polled = await api<JobView>('GET', `/jobs/${jobId}`);
        if (stopped) return;
        setJob((current) => newer(current, polled));
        setError(null);
      } catch (caught) {
        if (!stopped) setError(caught);
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [jobId, finished]);

  // The latest callback, called once when the job finishes (not again when the parent re-renders).
  const finish = useEffectEvent(() => onFinished?.());
  useEffect(() => {
    if (finished) finish();
  }, [finished]);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const queued = await api<{ jobId: string }>('POST', path);
      setJob(null);
      setJobId(queued.jobId);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const percent = job ? percentOf(job) : 0;
  const running = jobId !== null && !finished;
  const state = job?.state ?? 'waiting';
  const stateShown = SHOWN_STATES.includes(state) ? state : 'active';
  return (
    <div className="job">
      <button type="button" onClick={() => void start()} disabled={disabled || busy || running}>
        {t(`org.job.run.${name}`)}
      </button>
      {jobId && (
        <div className="job-progress">
          <label htmlFor={`${name}-progress`}>{t(`org.job.label.${name}`)}</label>
          <progress id={`${name}-progress`} max={100} value={percent} />
          <span role="status" aria-live="polite">
            {t(`org.job.state.${stateShown}` as MessageKey, { percent })}
          </span>
          {job?.failedReason && <ErrorBox error={new Error(job.failedReason)} />}
        </div>
      )}
      {error !== null && <ErrorBox error={error} />}
    </div>
  );
}
