import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { CompanyLink } from '../../company-link';
import { useI18n } from '../../i18n';
import { useNames } from '../../names';
import { keys, QueryLoaded } from '../../queries';
import { Pager } from '../organiser/pager';

/** The firms taking part in the session, 50 a page, by name: who a firm may meet. */
export function WhoTakesPart({ sessionId, count }: { sessionId: string; count: number }) {
  const { t } = useI18n();
  const names = useNames();
  const [page, setPage] = useState(1);
  const participants = useQuery({
    queryKey: keys.participants(sessionId, page),
    queryFn: () =>
      call(
        client.GET('/api/sessions/{id}/participants', {
          params: { path: { id: sessionId }, query: { page, pageSize: 50 } },
        }),
      ),
  });
  return (
    <section aria-labelledby="who-takes-part">
      <h2 id="who-takes-part">{t('session.whoTakesPart', { count })}</h2>
      <QueryLoaded query={participants}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="muted">{t('org.participants.none')}</p>
          ) : (
            <>
              <ul className="plain">
                {list.items.map((participant) => (
                  <li key={participant.companyId}>
                    <strong>
                      <CompanyLink id={participant.companyId} name={participant.name} />
                    </strong>{' '}
                    <span className="muted">
                      {participant.city}, {names.country(participant.country)}
                    </span>
                  </li>
                ))}
              </ul>
              <Pager {...list} onPage={setPage} />
            </>
          )
        }
      </QueryLoaded>
    </section>
  );
}
