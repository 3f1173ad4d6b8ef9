import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { WireNotificationPage } from '../../../src/notifications/notification.wire';
import { client } from '../api/client';
import { keys } from '../queries';

/** One page of the signed-in user's notifications, newest first. */
export function useNotifications(page: number, unreadOnly: boolean) {
  return useQuery({
    queryKey: keys.notificationList(`${page}:${unreadOnly}`),
    queryFn: async (): Promise<WireNotificationPage> =>
      (
        await client.GET('/api/notifications', {
          params: { query: { page, pageSize: 20, unread: unreadOnly ? 'true' : undefined } },
        })
      ).data!,
  });
}

/** How many notifications are unread: the bell's number. */
export function useUnreadCount() {
  return useQuery({
    queryKey: keys.unreadCount,
    queryFn: async (): Promise<number> =>
      (await client.GET('/api/notifications', { params: { query: { pageSize: 1 } } })).data!.unread,
  });
}

/**
 * While signed in, the live connection says when a notification arrives, and every
 * notification query is marked stale (socket.io-client is loaded only once this runs).
 */
export function useLiveNotifications(enabled = true): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    let closed = false;
    let disconnect = () => {};
    const invalidate = () => void queryClient.invalidateQueries({ queryKey: keys.notifications });
    void import('../live').then(({ connectLive }) => {
      if (closed) return;
      const socket = connectLive();
      disconnect = () => socket.disconnect();
      // What arrived while the connection was down is loaded on connecting again.
      socket.on('connect', invalidate);
      socket.on('notification', invalidate);
    });
    return () => {
      closed = true;
      disconnect();
    };
  }, [queryClient, enabled]);
}
