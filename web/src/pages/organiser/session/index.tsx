import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import type { LiveSocket } from '../../../live';
import { useI18n } from '../../../i18n';
import { keys, QueryLoaded } from '../../../queries';
import { AnnounceForm } from '../announce';
import { useLiveSocket } from '../live-socket';
import { EDITABLE_STATES } from './editable-states';
import { FollowUpsPanel } from './follow-ups-panel';
import { Lifecycle } from './lifecycle';
import { Participants } from './participants';
import { SessionFacts } from './session-facts';
import { SessionJobs } from './session-jobs';
import { SessionPages } from './session-pages';
import { useOrganiserSession } from './use-organiser-session';

export { EDITABLE_STATES } from './editable-states';
export { useOrganiserSession } from './use-organiser-session';

/** One session as its organiser runs it: settings, lifecycle, scoring, scheduling, participants. */
export function OrganiserSessionPage({ id }: { id: string }) {
  const { t } = useI18n();
  const session = useOrganiserSession(id);
  const socket = useLiveSocket();
  useSessionStatusUpdates(id, socket);

  return (
    <main>
      <p>
        <Link to="/organise">← {t('org.home.title')}</Link>
      </p>
      <QueryLoaded query={session}>
        {(detail) => (
          <>
            <h1>{detail.title}</h1>
            <div>
              <span className={`badge ${detail.status}`}>
                {t(`sessions.status.${detail.status}`)}
              </span>{' '}
              <span className="badge">{t(`sessions.mode.${detail.mode}`)}</span>
            </div>
            {detail.description && <p>{detail.description}</p>}
            <SessionFacts detail={detail} />
            <SessionPages detail={detail} />
            <Lifecycle detail={detail} />
            <SessionJobs detail={detail} socket={socket} />
            {detail.status !== 'draft' && detail.status !== 'closed' && (
              <AnnounceForm sessionId={id} socket={socket} />
            )}
            {!EDITABLE_STATES.includes(detail.status) && (
              <FollowUpsPanel key={detail.followUpMonths.join(',')} detail={detail} />
            )}
            <Participants detail={detail} />
          </>
        )}
      </QueryLoaded>
    </main>
  );
}

/**
 * The session's status as it changes elsewhere (it went live at its start, another organiser
 * closed it or took a move back): `session.updated` reaches the organisers' room.
 */
function useSessionStatusUpdates(id: string, socket: LiveSocket | null): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    const onUpdated = (event: { sessionId: string }) => {
      if (event.sessionId === id)
        void queryClient.invalidateQueries({ queryKey: keys.session(id), exact: true });
    };
    socket.on('session.updated', onUpdated);
    return () => {
      socket.off('session.updated', onUpdated);
    };
  }, [id, socket, queryClient]);
}
