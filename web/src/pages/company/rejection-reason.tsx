import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { keys } from '../../queries';

/**
 * Why an organiser rejected one of the user's companies, and when: the company view carries the
 * reason for its own users (the email said it too). Nothing while it loads or without a reason.
 */
export function RejectionReason({ companyId }: { companyId: string }) {
  const { t, dateTime } = useI18n();
  const company = useQuery({
    queryKey: keys.company(companyId),
    queryFn: () => call(client.GET('/api/companies/{id}', { params: { path: { id: companyId } } })),
  });
  const reason = company.data?.statusReason;
  if (!company.data || company.data.status !== 'rejected' || !reason) return null;
  const at = company.data.statusChangedAt;
  return (
    <div className="notice">
      <p>{at ? t('company.rejectedOn', { time: dateTime(at) }) : t('company.status.rejected')}</p>
      <p>
        <strong>{t('company.rejectionReason')}</strong> <q>{reason}</q>
      </p>
      <p className="muted">{t('company.rejectionNext')}</p>
    </div>
  );
}
