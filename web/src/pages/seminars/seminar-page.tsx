import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Membership, User } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { keys, QueryLoaded } from '../../queries';
import { RegistrationPanel } from './registration-panel';
import { SeminarFacts } from './seminar-facts';
import { isOrganiserRole, SEMINAR_REFETCH_MS } from './types';

/** One seminar: what, when and where; the viewer's seat; organisers' links to manage it. */
export function SeminarPage({
  id,
  user,
  companies,
}: {
  id: string;
  user: User;
  companies: Membership[];
}) {
  const { t } = useI18n();
  const seminar = useQuery({
    queryKey: keys.seminar(id),
    queryFn: () => call(client.GET('/api/seminars/{id}', { params: { path: { id } } })),
    refetchInterval: SEMINAR_REFETCH_MS,
  });
  return (
    <main>
      <Link to="/seminars">← {t('seminars.title')}</Link>
      <QueryLoaded query={seminar}>
        {(current) => (
          <>
            <h1>{current.title}</h1>
            <SeminarFacts seminar={current} />
            {current.description && <p className="prewrap">{current.description}</p>}
            {isOrganiserRole(user) && (
              <div className="toolbar">
                <Link to={`/organise/seminars/${id}/edit`} className="button secondary">
                  {t('seminars.edit')}
                </Link>
                <Link to={`/organise/seminars/${id}/registrations`} className="button secondary">
                  {t('seminars.registrations')}
                </Link>
                <Link to={`/organise/seminars/${id}/check-in`} className="button">
                  {t('seminars.checkIn')}
                </Link>
              </div>
            )}
            {companies.length > 0 && <RegistrationPanel seminar={current} companies={companies} />}
          </>
        )}
      </QueryLoaded>
    </main>
  );
}
