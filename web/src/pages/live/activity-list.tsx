import { useI18n } from '../../i18n';
import { AnswerRequest } from './answer-request';
import type { Activity } from './use-live-room';

/**
 * What happened in the room; a request received can be answered from its notice, unless its two
 * firms already have a meeting, which answers it.
 */
export function ActivityList({
  activity,
  companyIds,
}: {
  activity: Activity[];
  companyIds: string[];
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="activity">
      <h2 id="activity">{t('live.activity')}</h2>
      <ul className="plain" aria-live="polite">
        {activity.map((item) => (
          <li key={item.id}>
            {t(item.key, {
              ...item.values,
              ...(item.status ? { status: t(`requests.status.${item.status}`) } : {}),
              ...(item.sessionStatus ? { status: t(`sessions.status.${item.sessionStatus}`) } : {}),
            })}
            {item.request?.message && (
              <>
                {' '}
                <q>{item.request.message}</q>
              </>
            )}
            {item.request &&
              item.request.status === 'pending' &&
              companyIds.includes(item.request.toCompanyId) &&
              (item.request.scheduled ? (
                <p className="muted">{t('requests.meetingScheduled')}</p>
              ) : (
                <AnswerRequest request={item.request} />
              ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
