import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import type { Membership } from '../../api';
import { useI18n } from '../../i18n';
import { Loading } from '../../ui';
import { useCompany } from '../profile/use-profile';
import { ActingFor } from '../session/acting-for';
import { ConversationList } from './conversation-list';
import { NewThread, Thread } from './thread';
import { speakingCompanies, useAllConversations, useConversations } from './use-messages';

/** What the page shows beside the list: a conversation, a first message to write, or neither. */
export type Opened =
  | { kind: 'none' }
  | { kind: 'conversation'; id: string }
  | { kind: 'new'; from: string; to: string };

/**
 * Messages between the user's company and other firms (`/messages`, `/messages/:id`,
 * `/messages/new?from=&to=`): the company's conversations beside the open one. A user of several
 * verified companies chooses which one speaks (`?as=`); a conversation opens as the company of
 * the user that is one of its two. At phone width there is one column: the list, or the thread
 * with a way back to the list.
 */
export function MessagesPage({ companies, opened }: { companies: Membership[]; opened: Opened }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const speaking = speakingCompanies(companies);
  const all = useAllConversations(companies);
  const ids = speaking.map((company) => company.companyId);
  const asked = search.get('as') ?? (opened.kind === 'new' ? opened.from : null);
  // An open conversation speaks for the user's company that is one of its two.
  const owners =
    opened.kind === 'conversation'
      ? ids.filter((id) => all.byCompany.get(id)?.some((c) => c.id === opened.id))
      : [];
  const chosen = asked && ids.includes(asked) ? asked : undefined;
  // The chosen company, unless the open conversation is another of the user's companies'.
  const companyId =
    (owners.length > 0 && !(chosen && owners.includes(chosen)) ? owners[0] : chosen) ??
    ids[0] ??
    '';
  const list = useConversations(companyId);

  if (speaking.length === 0) {
    return (
      <main>
        <h1>{t('messages.title')}</h1>
        <p className="muted">{t('messages.noCompany')}</p>
        <Link to="/company">{t('nav.company')}</Link>
      </main>
    );
  }

  let side;
  if (opened.kind === 'conversation') {
    const conversation = list.data?.find((candidate) => candidate.id === opened.id);
    if (conversation) {
      side = (
        <Thread
          key={`${conversation.id}-${companyId}`}
          conversationId={conversation.id}
          companyId={companyId}
          other={conversation.otherCompany}
        />
      );
    } else side = list.isPending ? <Loading /> : <p>{t('common.notFound')}</p>;
  } else if (opened.kind === 'new') {
    const existing = list.data?.find((candidate) => candidate.otherCompany.id === opened.to);
    if (existing) return <Navigate replace to={`/messages/${existing.id}?as=${companyId}`} />;
    side = list.isPending ? (
      <Loading />
    ) : (
      <NewDraft
        companyId={companyId}
        to={opened.to}
        onStarted={(id) => void navigate(`/messages/${id}?as=${companyId}`, { replace: true })}
      />
    );
  }

  return (
    <main className={side ? 'messages has-thread' : 'messages'}>
      <h1>{t('messages.title')}</h1>
      {speaking.length > 1 && (
        <ActingFor
          companies={speaking}
          value={companyId}
          onChange={(id) => void navigate(`/messages?as=${id}`)}
        />
      )}
      <div className="messages-layout">
        <div className="conversations">
          {list.isPending ? (
            <Loading />
          ) : (
            <ConversationList
              companyId={companyId}
              conversations={list.data ?? []}
              activeId={opened.kind === 'conversation' ? opened.id : undefined}
            />
          )}
        </div>
        {side ? (
          <div className="thread-column">
            <Link className="back-to-list" to={`/messages?as=${companyId}`}>
              ← {t('messages.all')}
            </Link>
            {side}
          </div>
        ) : (
          <p className="muted thread-placeholder">{t('messages.choose')}</p>
        )}
      </div>
    </main>
  );
}

/** The first message to a firm the company has no conversation with yet. */
function NewDraft({
  companyId,
  to,
  onStarted,
}: {
  companyId: string;
  to: string;
  onStarted: (conversationId: string) => void;
}) {
  const { t } = useI18n();
  const company = useCompany(to);
  if (company.isPending) return <Loading />;
  if (!company.data || to === companyId) return <p>{t('common.notFound')}</p>;
  return (
    <NewThread
      companyId={companyId}
      other={{ id: company.data.id, name: company.data.name }}
      onStarted={onStarted}
    />
  );
}

/** The header's link to the messages, with how many are unread across the user's companies. */
export function MessagesNavLink({ companies }: { companies: Membership[] }) {
  const { t } = useI18n();
  const { unread } = useAllConversations(companies);
  if (speakingCompanies(companies).length === 0) return null;
  return (
    <Link to="/messages">
      {t('nav.messages')}
      {unread > 0 && (
        <>
          <span className="nav-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
          {/* Read out with the link's own words: "Messages (2 unread)". */}
          <span className="visually-hidden"> {t('messages.navUnread', { count: unread })}</span>
        </>
      )}
    </Link>
  );
}
