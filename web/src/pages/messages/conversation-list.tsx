import { Link } from 'react-router';
import type { Conversation } from '../../api';
import { CompanyLink } from '../../company-link';
import { useI18n } from '../../i18n';
import { useNames } from '../../names';

/**
 * A company's conversations, the latest first: the other firm (a link to its profile), the last
 * message and when, and how many are unread; each opens its thread.
 */
export function ConversationList({
  companyId,
  conversations,
  activeId,
}: {
  companyId: string;
  conversations: Conversation[];
  activeId?: string;
}) {
  const { t, when } = useI18n();
  const names = useNames();
  if (conversations.length === 0) {
    return <p className="muted conversation-list">{t('messages.none')}</p>;
  }
  return (
    <ul className="plain conversation-list" aria-label={t('messages.listLabel')}>
      {conversations.map((conversation) => {
        const last = conversation.lastMessage;
        const other = conversation.otherCompany;
        return (
          <li
            key={conversation.id}
            className={`conversation${conversation.id === activeId ? ' active' : ''}${
              conversation.unread > 0 ? ' unread' : ''
            }`}
          >
            <div className="conversation-head">
              <strong>
                <CompanyLink id={other.id} name={other.name} />
              </strong>
              {conversation.unread > 0 && (
                <span className="badge pending">
                  {t('messages.unread', { count: conversation.unread })}
                </span>
              )}
            </div>
            <div className="muted">{names.country(other.country)}</div>
            {last && (
              <p className="conversation-last">
                {last.companyId === companyId && `${t('messages.you')} `}
                {last.text}
              </p>
            )}
            <div className="conversation-foot">
              {last && (
                <time className="muted" dateTime={last.sentAt}>
                  {when(last.sentAt)}
                </time>
              )}
              <Link
                to={`/messages/${conversation.id}?as=${companyId}`}
                aria-label={t('messages.openNamed', { name: other.name })}
                aria-current={conversation.id === activeId ? 'page' : undefined}
              >
                {t('messages.open')}
              </Link>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
