import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../../api/call';
import { client } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { keys, QueryLoaded } from '../../../queries';
import { Pager } from '../pager';
import { ParticipantsTable } from './participants-table';

/** The session's participants, 50 a page. */
export function Participants({ id, count }: { id: string; count: number }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const participants = useQuery({
    queryKey: keys.participants(id, page),
    queryFn: () =>
      call(
        client.GET('/api/sessions/{id}/participants', {
          params: { path: { id }, query: { page, pageSize: 50 } },
        }),
      ),
  });
  return (
    <section aria-labelledby="participants">
      <h2 id="participants">{t('org.participants.title', { count })}</h2>
      <QueryLoaded query={participants}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="muted">{t('org.participants.none')}</p>
          ) : (
            <>
              <ParticipantsTable participants={list.items} />
              <Pager {...list} onPage={setPage} />
            </>
          )
        }
      </QueryLoaded>
    </section>
  );
}
