import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Membership } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { keys, QueryLoaded } from '../../queries';
import { ActingFor } from './acting-for';
import { CompanyNotices } from './company-notices';
import { Participation } from './participation';
import { SessionHeader } from './session-header';
import { WhoTakesPart } from './who-takes-part';

/** One session: join it, then matches, requests and the agenda of the chosen company. */
export function SessionPage({ id, companies }: { id: string; companies: Membership[] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const session = useQuery({
    queryKey: keys.session(id),
    queryFn: () => call(client.GET('/api/sessions/{id}', { params: { path: { id } } })),
  });
  const verified = companies.filter((company) => company.status === 'verified');
  const [companyId, setCompanyId] = useState(verified[0]?.companyId ?? '');
  const company = verified.find((candidate) => candidate.companyId === companyId);

  return (
    <main>
      <Link to="/sessions">← {t('nav.sessions')}</Link>
      <QueryLoaded query={session}>
        {(detail) => (
          <>
            <SessionHeader session={detail} />
            <CompanyNotices companies={companies} />
            {verified.length > 1 && (
              <ActingFor companies={verified} value={companyId} onChange={setCompanyId} />
            )}
            {company && (
              <Participation
                key={company.companyId}
                session={detail}
                company={company}
                onJoined={() =>
                  void queryClient.invalidateQueries({ queryKey: keys.session(id), exact: true })
                }
              />
            )}
            <WhoTakesPart sessionId={id} count={detail.participantCount} />
          </>
        )}
      </QueryLoaded>
    </main>
  );
}
