import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { duration } from '../../duration';
import { useI18n } from '../../i18n';
import { keys } from '../../queries';
import { useOrganiserActing } from './organiser-acting';

/**
 * Whether the firm's day has gaps between its meetings, and how long it idles in them, as the
 * server counts them (`GET /api/sessions/:id/agenda/gaps`, under the agenda's key so that it
 * loads again with it). Nothing while it loads or when it cannot: the agenda says enough.
 */
export function AgendaGaps({ sessionId, companyId }: { sessionId: string; companyId: string }) {
  const { t } = useI18n();
  const acting = useOrganiserActing();
  const gaps = useQuery({
    queryKey: [...keys.agenda(sessionId, companyId), 'gaps'],
    queryFn: () =>
      call(
        client.GET('/api/sessions/{id}/agenda/gaps', {
          params: { path: { id: sessionId }, query: { companyId } },
        }),
      ),
  });
  if (!gaps.data) return null;
  const { breaks, idleMinutes } = gaps.data;
  return (
    <p>
      {breaks === 0
        ? t(acting ? 'agenda.noGapsActing' : 'agenda.noGaps')
        : t(acting ? 'agenda.gapsActing' : 'agenda.gaps', {
            count: breaks,
            idle: duration(t, idleMinutes),
          })}
    </p>
  );
}
