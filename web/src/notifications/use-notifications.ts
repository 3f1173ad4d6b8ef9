import { useQuery } from '@tanstack/react-query';
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
