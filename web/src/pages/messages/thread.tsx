import { useEffect, useRef } from 'react';
import type { ChatMessage } from '../../api';
import { CompanyLink } from '../../company-link';
import { useI18n } from '../../i18n';
import { QueryLoaded } from '../../queries';
import { SendBox } from './send-box';
import { useMarkRead, useSendMessage, useThread } from './use-messages';

/** The other firm of a thread: who the company writes to. */
export interface Other {
  id: string;
  name: string;
}

/** The messages, oldest first, each with who wrote it and when, and "Seen" under `seenId`. */
export function MessageList({
  messages,
  companyId,
  seenId,
}: {
  messages: ChatMessage[];
  companyId: string;
  seenId: string | null;
}) {
  const { t, when } = useI18n();
  return (
    <ol className="plain message-list" aria-label={t('messages.historyLabel')}>
      {messages.map((message) => {
        const mine = message.companyId === companyId;
        return (
          <li key={message.id} className={mine ? 'message mine' : 'message theirs'}>
            <div className="message-meta muted">
              {message.senderName ?? t('messages.formerUser')} ·{' '}
              <time dateTime={message.sentAt}>{when(message.sentAt)}</time>
            </div>
            <p className="message-text">{message.text}</p>
            {message.id === seenId && <div className="seen muted">{t('messages.seen')}</div>}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * One conversation, newest at the bottom: "Earlier messages" pages back by cursor, what arrives
 * live shows at once (`message.created` marks the thread stale), the thread is marked read while
 * it is open, and "Seen" stands under the company's last message the other firm has read.
 */
export function Thread({
  conversationId,
  companyId,
  other,
}: {
  conversationId: string;
  companyId: string;
  other: Other;
}) {
  const { t } = useI18n();
  const thread = useThread(conversationId);
  const markRead = useMarkRead(conversationId, companyId);
  const send = useSendMessage({ conversationId, fromCompanyId: companyId, toCompanyId: other.id });
  const pages = thread.data?.pages ?? [];
  const messages = pages.flatMap((page) => page.items).reverse();
  const readUpTo = pages[0]?.readUpTo ?? {};
  const newest = messages[messages.length - 1];
  const ownRead = readUpTo[companyId] ?? null;
  const bottom = useRef<HTMLDivElement>(null);

  // Open and showing a message the company has not read: it is read now (once per message).
  const { mutate: mark } = markRead;
  const marked = useRef<string | null>(null);
  useEffect(() => {
    if (!newest || newest.id === ownRead || marked.current === newest.id) return;
    marked.current = newest.id;
    mark();
  }, [newest, ownRead, mark]);

  // A new message at the bottom comes into view (paging back keeps the place).
  useEffect(() => {
    bottom.current?.scrollIntoView?.({ block: 'nearest' });
  }, [newest?.id]);

  // "Seen": under the company's last message, once the other firm has read up to it or later.
  const lastOwn = messages.map((message) => message.companyId).lastIndexOf(companyId);
  const otherRead = readUpTo[other.id] ?? null;
  const readIndex = otherRead ? messages.findIndex((message) => message.id === otherRead) : -1;
  const seenId = lastOwn >= 0 && readIndex >= lastOwn ? messages[lastOwn].id : null;

  return (
    <section className="thread" aria-labelledby="thread-title">
      <h2 id="thread-title">
        {t('messages.with')} <CompanyLink id={other.id} name={other.name} />
      </h2>
      <QueryLoaded query={thread}>
        {() => (
          <>
            {thread.hasNextPage && (
              <button
                type="button"
                className="secondary"
                disabled={thread.isFetchingNextPage}
                onClick={() => void thread.fetchNextPage()}
              >
                {t('messages.earlier')}
              </button>
            )}
            {messages.length === 0 ? (
              <p className="muted">{t('messages.empty', { name: other.name })}</p>
            ) : (
              <MessageList messages={messages} companyId={companyId} seenId={seenId} />
            )}
          </>
        )}
      </QueryLoaded>
      <div ref={bottom} />
      <SendBox
        id={`send-${conversationId}`}
        to={other.name}
        onSend={(text) => send.mutateAsync(text)}
      />
    </section>
  );
}

/**
 * A thread the pair has not started yet (`/messages/new?from=&to=`): empty, and its first
 * message starts the conversation, whose page then opens.
 */
export function NewThread({
  companyId,
  other,
  onStarted,
}: {
  companyId: string;
  other: Other;
  onStarted: (conversationId: string) => void;
}) {
  const { t } = useI18n();
  const send = useSendMessage({ fromCompanyId: companyId, toCompanyId: other.id });
  return (
    <section className="thread" aria-labelledby="thread-title">
      <h2 id="thread-title">
        {t('messages.with')} <CompanyLink id={other.id} name={other.name} />
      </h2>
      <p className="muted">{t('messages.empty', { name: other.name })}</p>
      <SendBox
        id={`send-new-${other.id}`}
        to={other.name}
        onSend={async (text) => onStarted(await send.mutateAsync(text))}
      />
    </section>
  );
}
