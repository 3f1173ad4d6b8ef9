import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { WireNotification } from '../../../src/notifications/notification.wire';
import { client } from '../api/client';
import { useI18n } from '../i18n';
import { useNotifications } from '../notifications/use-notifications';
import { keys, QueryLoaded } from '../queries';
import { ErrorBox } from '../ui';
import { Pager } from './organiser/pager';

/** The notification centre: newest first, paged, mark one or all read, each a link into the app. */
export function NotificationsPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(page, unreadOnly);
  const queryClient = useQueryClient();
  const markRead = useMutation({
    mutationFn: async (body: { ids: string[] } | { all: true }) =>
      (await client.POST('/api/notifications/read', { body })).data!,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.notifications }),
  });
  return (
    <main>
      <h1>{t('notify.title')}</h1>
      <div className="toolbar">
        <label>
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(event) => {
              setUnreadOnly(event.target.checked);
              setPage(1);
            }}
          />{' '}
          {t('notify.unreadOnly')}
        </label>
        <button
          type="button"
          className="secondary"
          disabled={markRead.isPending || (list.data?.unread ?? 0) === 0}
          onClick={() => markRead.mutate({ all: true })}
        >
          {t('notify.markAllRead')}
        </button>
      </div>
      {markRead.error && <ErrorBox error={markRead.error} />}
      <QueryLoaded query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('notify.none')}</p>
          ) : (
            <>
              <p className="muted">{t('notify.unreadCount', { count: data.unread })}</p>
              <ul className="notifications">
                {data.items.map((item) => (
                  <NotificationItem
                    key={item.id}
                    item={item}
                    busy={markRead.isPending}
                    onRead={() => markRead.mutate({ ids: [item.id] })}
                  />
                ))}
              </ul>
              <Pager
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                totalIsEstimate={data.totalIsEstimate}
                nextCursor={data.nextCursor}
                onPage={setPage}
              />
            </>
          )
        }
      </QueryLoaded>
    </main>
  );
}

function NotificationItem({
  item,
  busy,
  onRead,
}: {
  item: WireNotification;
  busy: boolean;
  onRead: () => void;
}) {
  const { t, dateTime } = useI18n();
  const unread = item.readAt === null;
  return (
    <li className={unread ? 'notification unread' : 'notification'}>
      <p>
        {unread && <span className="badge">{t('notify.new')}</span>}{' '}
        <Link to={item.link} onClick={unread ? onRead : undefined}>
          <strong>{item.title}</strong>
        </Link>
      </p>
      <p>{item.body}</p>
      <p className="muted">
        <time dateTime={item.createdAt}>{dateTime(item.createdAt)}</time>
        {unread && (
          <>
            {' · '}
            <button type="button" className="link" disabled={busy} onClick={onRead}>
              {t('notify.markRead')}
            </button>
          </>
        )}
      </p>
    </li>
  );
}
