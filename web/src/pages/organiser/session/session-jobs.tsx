import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import type { LiveSocket } from '../../../live';
import { keys } from '../../../queries';
import { JobRunner } from '../job-runner';
import { ACTION_STATES, type OrganiserSessionDetail } from '../types';

/** Scoring and scheduling, each run when the session's status allows; then a link to the board. */
export function SessionJobs({
  detail,
  socket,
}: {
  detail: OrganiserSessionDetail;
  socket: LiveSocket | null;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [scheduled, setScheduled] = useState(false);
  const id = detail.id;
  return (
    <section aria-labelledby="jobs">
      <h2 id="jobs">{t('org.session.jobs')}</h2>
      <p className="muted">{t('org.session.jobsHint')}</p>
      <div className="columns">
        <JobRunner
          name="scoring"
          sessionId={id}
          socket={socket}
          disabled={!ACTION_STATES.score.includes(detail.status)}
        />
        <JobRunner
          name="scheduling"
          sessionId={id}
          socket={socket}
          disabled={!ACTION_STATES.schedule.includes(detail.status)}
          requestDeadline={detail.requestDeadline}
          onFinished={() => {
            setScheduled(true);
            void queryClient.invalidateQueries({ queryKey: keys.session(id), exact: true });
          }}
        />
      </div>
      {scheduled && (
        <p className="notice ok">
          <Link to={`/organise/sessions/${id}/schedule`}>{t('org.session.seeBoard')}</Link>
        </p>
      )}
    </section>
  );
}
