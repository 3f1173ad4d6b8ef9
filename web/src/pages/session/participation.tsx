import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Membership, SessionDetail } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { keys, QueryLoaded } from '../../queries';
import { Agenda } from './agenda';
import { JoinButton } from './join-button';
import { Matches } from './matches';
import { Requests } from './requests';
import { FIRST_PAGE, useMatches } from './use-matches';

/** Matches, requests and agenda once the company takes part; the join button before. */
export function Participation({
  session,
  company,
  onJoined,
}: {
  session: SessionDetail;
  company: Membership;
  onJoined: () => void;
}) {
  const { t } = useI18n();
  // The matches answer 404 `participant.not_found` (null) while the company has not joined; the
  // first page is the one the matches list shows first, loaded once.
  const matches = useMatches(session.id, company.companyId, FIRST_PAGE);
  const requests = useQuery({
    queryKey: keys.requests(session.id, company.companyId),
    queryFn: () =>
      call(
        client.GET('/api/sessions/{id}/requests', {
          params: { path: { id: session.id }, query: { companyId: company.companyId } },
        }),
      ),
  });
  // The firms this company has asked already (pending or accepted): no second request button.
  const asked = new Set(
    requests.isSuccess
      ? requests.data.sent
          .filter((request) => request.status === 'pending' || request.status === 'accepted')
          .map((request) => request.toCompanyId)
      : [],
  );

  return (
    <QueryLoaded query={matches}>
      {(firstPage) =>
        firstPage === null ? (
          <JoinButton sessionId={session.id} company={company} onJoined={onJoined} />
        ) : (
          <>
            <p className="notice ok" role="status">
              {t('session.joined', { name: company.name })}
              {session.status !== 'closed' && (
                <>
                  {' · '}
                  <Link to={`/sessions/${session.id}/live`}>{t('live.open')}</Link>
                </>
              )}
            </p>
            <div className="columns">
              <Agenda sessionId={session.id} company={company} />
              <Requests
                sessionId={session.id}
                session={session}
                company={company}
                requests={requests}
              />
            </div>
            <Matches sessionId={session.id} company={company} asked={asked} />
          </>
        )
      }
    </QueryLoaded>
  );
}
