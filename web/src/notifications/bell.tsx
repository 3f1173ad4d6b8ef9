import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { useUnreadCount } from './use-notifications';

/**
 * The bell in the app's header on every page: the unread count (kept fresh by the live
 * `notification` event, see `live-sync.ts`) and a link to the notifications.
 */
export function Bell() {
  const { t } = useI18n();
  const count = useUnreadCount().data ?? 0;
  return (
    <Link
      to="/notifications"
      className="bell"
      aria-label={count > 0 ? t('notify.bellUnread', { count }) : t('notify.bell')}
    >
      {/* Drawn, not an emoji: many systems have no emoji font (a box showed instead). */}
      <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none">
        <path
          d="M6 10a6 6 0 1 1 12 0c0 4 1.5 6 2.5 7H3.5C4.5 16 6 14 6 10Z M10 20a2 2 0 0 0 4 0"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinejoin="round"
        />
      </svg>
      {count > 0 && (
        <span className="bell-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
