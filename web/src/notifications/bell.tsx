import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { useLiveNotifications, useUnreadCount } from './use-notifications';

/**
 * The bell in the app's header on every page: the unread count (kept fresh by the live
 * `notification` event) and a link to the notifications. `live` false: no live connection (tests).
 */
export function Bell({ live = true }: { live?: boolean }) {
  const { t } = useI18n();
  const count = useUnreadCount().data ?? 0;
  useLiveNotifications(live);
  return (
    <Link
      to="/notifications"
      className="bell"
      aria-label={count > 0 ? t('notify.bellUnread', { count }) : t('notify.bell')}
    >
      <span aria-hidden="true">🔔</span>
      {count > 0 && (
        <span className="bell-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
