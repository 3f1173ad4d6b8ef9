import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Membership } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { keys, QueryLoaded } from '../../queries';
import { OrganiserActing } from '../session/organiser-acting';
import { Participation } from '../session/participation';
import type { CompanyProfile } from './types';
import { useOrganiserSession } from './session';

/**
 * A firm's own view of a session (matches, requests, agenda) opened by an organiser, who sends,
 * answers and cancels in the firm's name (SPEC, "Organisers' control"), under a banner saying so.
 */
export function ActForPage({ sessionId, companyId }: { sessionId: string; companyId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const session = useOrganiserSession(sessionId);
  const company = useQuery({
    queryKey: keys.company(companyId),
    queryFn: () => call(client.GET('/api/companies/{id}', { params: { path: { id: companyId } } })),
  });

  return (
    <main>
      <p>
        <Link to={`/organise/sessions/${sessionId}`}>← {t('org.actFor.back')}</Link>
      </p>
      <QueryLoaded query={session}>
        {(detail) => (
          <QueryLoaded query={company}>
            {(firm) => (
              <>
                <h1>{t('org.actFor.title', { name: firm.name, title: detail.title })}</h1>
                <div className="notice acting">
                  <p>
                    <strong>{t('org.actFor.banner', { name: firm.name })}</strong>
                  </p>
                  <p>{t('org.actFor.bannerDetail', { name: firm.name })}</p>
                </div>
                <OrganiserActing.Provider value={true}>
                  <Participation
                    key={firm.id}
                    session={detail}
                    company={asMembership(firm)}
                    onJoined={() =>
                      void queryClient.invalidateQueries({ queryKey: keys.session(sessionId) })
                    }
                  />
                </OrganiserActing.Provider>
              </>
            )}
          </QueryLoaded>
        )}
      </QueryLoaded>
    </main>
  );
}

/**
 * What the firm's components read of a membership: the company's id, name, country and status.
 * The organiser is none of its users; `member` is the role that lets them do least.
 */
function asMembership(company: CompanyProfile): Membership {
  return {
    companyId: company.id,
    name: company.name,
    country: company.country,
    status: company.status,
    role: 'member',
  };
}
