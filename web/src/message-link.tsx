import { Link } from 'react-router';
import { useI18n } from './i18n';
import { useOrganiserActing } from './pages/session/organiser-acting';

/**
 * "Message": opens the conversation of the user's company `from` with the firm `to` (the pair's
 * thread, or an empty one whose first message starts it). Wherever a firm sees another firm;
 * not for an organiser acting for the firm.
 */
export function MessageLink({ from, to }: { from: string; to: { id: string; name: string } }) {
  const { t } = useI18n();
  // An organiser acting for a firm does not read or write its messages.
  const organiser = useOrganiserActing();
  if (organiser || from === to.id) return null;
  return (
    <Link
      className="message-link"
      to={`/messages/new?from=${from}&to=${to.id}`}
      aria-label={t('messages.messageNamed', { name: to.name })}
    >
      {t('messages.message')}
    </Link>
  );
}
