import type { MeetingRequest } from '../../api';
import { useI18n } from '../../i18n';

/** A request's status badge, saying when the interest is mutual. */
export function RequestStatus({ request }: { request: MeetingRequest }) {
  const { t } = useI18n();
  return (
    <span className={`badge ${request.status}`}>
      {t(`requests.status.${request.status}`)}
      {request.mutual && ` · ${t('requests.mutual')}`}
    </span>
  );
}
