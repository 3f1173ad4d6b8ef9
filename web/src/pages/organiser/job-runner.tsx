import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useState } from 'react';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n';
import type { LiveSocket } from '../../live';
import { keys } from '../../queries';
import { ErrorBox } from '../../ui';
import type { JobView } from './types';

const FINISHED = ['completed', 'failed'];
const POLL_MS = 2000;
/** The words of each state; one the runner does not tell apart reads as running. */
const STATE_WORDS: Record<JobView['state'], MessageKey> = {
  waiting: 'org.job.state.waiting',
  'waiting-children': 'org.job.state.waiting-children',
  prioritized: 'org.job.state.active',
  delayed: 'org.job.state.delayed',
  active: 'org.job.state.active',
  completed: 'org.job.state.completed',
  failed: 'org.job.state.failed',
  unknown: 'org.job.state.active',
};

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
 * A button that queues the session's scoring or scheduling job (`POST` answering `202 {jobId}`) and its progress bar, fed by
 * the live `job.progress` events, with `GET /api/jobs/:id` polled meanwhile in case they are lost.
 */
export function JobRunner({
  name,
  sessionId,
  socket,
  disabled,
  requestDeadline,
  onFinished,
}: {
  /** `draft`: a scheduling run that makes a draft instead of publishing. */
  name: 'scoring' | 'scheduling' | 'draft';
  sessionId: string;
  socket: LiveSocket | null;
  disabled?: boolean;
  /** For scheduling: before this instant the organiser is asked first (requests still come). */
  requestDeadline?: string;
  onFinished?: () => void;
}) {
  const { t, dateTime } = useI18n();
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const start = useMutation({
    mutationFn: () =>
      name === 'scoring'
        ? call(client.POST('/api/sessions/{id}/scoring', { params: { path: { id: sessionId } } }))
        : call(
            client.POST('/api/sessions/{id}/schedule', {
              params: { path: { id: sessionId } },
              body: name === 'draft' ? { draft: true } : {},
            }),
          ),
    onSuccess: (queued) => setJobId(queued.jobId),
  });
  const early = () =>
    name !== 'scoring' &&
    requestDeadline !== undefined &&
    Date.now() < new Date(requestDeadline).getTime();
  const run = () => {
    setAsking(false);
    start.mutate();
  };
  // Polled until it finishes, in case live events are lost; a poll never undoes a newer event.
  const polled = useQuery({
    queryKey: keys.job(jobId ?? ''),
    queryFn: () => call(client.GET('/api/jobs/{id}', { params: { path: { id: jobId ?? '' } } })),
    enabled: jobId !== null,
    refetchInterval: (query) =>
      query.state.data && FINISHED.includes(query.state.data.state) ? false : POLL_MS,
    refetchIntervalInBackground: true,
    structuralSharing: (current, next) =>
      newer((current as JobView | undefined) ?? null, next as JobView),
  });
  const job = polled.data ?? null;
  const finished = job !== null && FINISHED.includes(job.state);

  useEffect(() => {
    if (!jobId || !socket) return;
    const update = (event: { job: JobView }) => {
      if (event.job.id === jobId) queryClient.setQueryData(keys.job(jobId), event.job);
    };
    socket.on('job.progress', update);
    return () => {
      socket.off('job.progress', update);
    };
  }, [jobId, socket, queryClient]);

  // The latest callback, called once when the job finishes (not again when the parent re-renders).
  const finish = useEffectEvent(() => onFinished?.());
  useEffect(() => {
    if (finished) finish();
  }, [finished]);

  const percent = job ? percentOf(job) : 0;
  const running = jobId !== null && !finished;
  const state = job?.state ?? 'waiting';
  return (
    <div className="job">
      <button
        type="button"
        onClick={() => (early() ? setAsking(true) : run())}
        disabled={disabled || start.isPending || running || asking}
      >
        {t(`org.job.run.${name}`)}
      </button>
      {asking && requestDeadline && (
        <div className="notice" role="alertdialog" aria-labelledby={`${name}-early`}>
          <p id={`${name}-early`}>{t('org.draft.early', { time: dateTime(requestDeadline) })}</p>
          <div className="actions">
            <button type="button" onClick={run} autoFocus>
              {t('org.draft.runAnyway')}
            </button>
            <button type="button" className="secondary" onClick={() => setAsking(false)}>
              {t('org.draft.notYet')}
            </button>
          </div>
        </div>
      )}
      {jobId && (
        <div className="job-progress">
          <label htmlFor={`${name}-progress`}>{t(`org.job.label.${name}`)}</label>
          <progress id={`${name}-progress`} max={100} value={percent} />
          <span role="status" aria-live="polite">
            {t(STATE_WORDS[state], { percent })}
          </span>
          {job?.failedReason && <ErrorBox error={new Error(job.failedReason)} />}
        </div>
      )}
      {start.isError && <ErrorBox error={start.error} />}
      {polled.isError && <ErrorBox error={polled.error} />}
    </div>
  );
}
