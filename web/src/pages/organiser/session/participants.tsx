import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../../api/call';
import { client } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { keys, QueryLoaded } from '../../../queries';
import { Pager } from '../pager';
import type { OrganiserSessionDetail } from '../types';
import { AddParticipant } from './add-participant';
import { InviteFirm } from './invite-firm';
import { ParticipantsTable } from './participants-table';

/** Participants may be added, changed or removed in these states (the lifecycle's `join`). */
const CHANGEABLE = new Set(['draft', 'open', 'scheduled']);

/**
 * The session's participants, 50 a page; while they may change, the organiser adds companies of
 * the directory, invites firms by email, edits availability and removes participants.
 */
export function Participants({ detail }: { detail: OrganiserSessionDetail }) {
  const { t } = useI18n();
  const id = detail.id;
  const [page, setPage] = useState(1);
  const editable = CHANGEABLE.has(detail.status);
  const participants = useQuery({
    queryKey: keys.participants(id, page),
    queryFn: () =>
      call(
        client.GET('/api/sessions/{id}/participants', {
          params: { path: { id }, query: { page, pageSize: 50 } },
        }),
      ),
  });
  const takingPart = new Set(participants.data?.items.map((item) => item.companyId));
  return (
    <section aria-labelledby="participants">
      <h2 id="participants">{t('org.participants.title', { count: detail.participantCount })}</h2>
      <QueryLoaded query={participants}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="muted">{t('org.participants.none')}</p>
          ) : (
            <>
              <ParticipantsTable
                participants={list.items}
                timezone={detail.timezone}
                editable={editable}
              />
              <Pager {...list} onPage={setPage} />
            </>
          )
        }
      </QueryLoaded>
      {editable ? (
        <div className="columns">
          <AddParticipant sessionId={id} takingPart={takingPart} />
          <InviteFirm sessionId={id} />
        </div>
      ) : (
        <p className="muted">{t('org.participants.fixed')}</p>
      )}
    </section>
  );
}
