import type { SessionDetail } from '../../api';
import { useI18n, VIEWER_ZONE } from '../../i18n';

/** The session's title, status, mode, times and description. */
export function SessionHeader({ session }: { session: SessionDetail }) {
  const { t, dateTime } = useI18n();
  return (
    <>
      <h1>{session.title}</h1>
      <div>
        <span className={`badge ${session.status}`}>{t(`sessions.status.${session.status}`)}</span>{' '}
        <span className="badge">{t(`sessions.mode.${session.mode}`)}</span>
      </div>
      <p>
        {t('session.when', {
          start: dateTime(session.startsAt),
          end: dateTime(session.endsAt),
          zone: VIEWER_ZONE,
        })}
      </p>
      <p className="muted">
        {t('session.slot', { minutes: session.slotMinutes })} ·{' '}
        {t('session.participants', { count: session.participantCount })} ·{' '}
        {t('session.deadline', { time: dateTime(session.requestDeadline) })}
      </p>
      {session.description && <p>{session.description}</p>}
    </>
  );
}
