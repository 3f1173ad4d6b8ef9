import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type Membership } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n, VIEWER_ZONE } from '../../i18n';
import { keys, QueryLoaded } from '../../queries';
import { AgendaEntry } from './agenda-entry';
import { AgendaGaps } from './agenda-gaps';
import { CalendarLinks } from './calendar-links';
import { useOrganiserActing } from './organiser-acting';

/**
 * The company's published meetings, in the viewer's time zone, with the gaps between them, and
 * the calendar links.
 */
export function Agenda({ sessionId, company }: { sessionId: string; company: Membership }) {
  const { t } = useI18n();
  // An organiser acting for the firm reads whose agenda this is, not "yours".
  const acting = useOrganiserActing();
  const queryClient = useQueryClient();
  const queryKey = keys.agenda(sessionId, company.companyId);
  const agenda = useQuery({
    queryKey,
    queryFn: () =>
      call(
        client.GET('/api/sessions/{id}/agenda', {
          params: {
            path: { id: sessionId },
            query: { companyId: company.companyId, timezone: VIEWER_ZONE },
          },
        }),
      ),
  });
  const reload = () => void queryClient.invalidateQueries({ queryKey });
  // A meeting that ends while the page is open offers the feedback form without a reload.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(tick);
  }, []);
  const [cancelled, setCancelled] = useState<string | null>(null);
  return (
    <section aria-labelledby="agenda">
      <h2 id="agenda">
        {acting ? t('agenda.titleActing', { name: company.name }) : t('agenda.title')}
      </h2>
      {cancelled && (
        <p className="notice" role="status">
          {t('meeting.cancelled', { name: cancelled })}
        </p>
      )}
      <QueryLoaded query={agenda}>
        {(items) =>
          items.length === 0 ? (
            <p className="muted">{t('agenda.none')}</p>
          ) : (
            <>
              {items.length > 1 && (
                <AgendaGaps sessionId={sessionId} companyId={company.companyId} />
              )}
              <ol className="plain agenda">
                {items.map((item) => (
                  <AgendaEntry
                    key={item.id}
                    item={item}
                    company={company}
                    now={now}
                    onChange={reload}
                    onCancelled={() => {
                      setCancelled(item.other.name);
                      reload();
                    }}
                  />
                ))}
              </ol>
            </>
          )
        }
      </QueryLoaded>
      <CalendarLinks sessionId={sessionId} company={company} />
    </section>
  );
}
