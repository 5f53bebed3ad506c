import type { NotificationList, UnreadCount } from '../../lib/contracts.js';
import { requestJson } from '../../lib/http.js';

/** The server's notifications API (src/app/notifications/notifications.routes.ts). */
export const notificationsApi = {
  list: (page = 1) => requestJson<NotificationList>(`/api/notifications?page=${page}`),
  unreadCount: () => requestJson<UnreadCount>('/api/notifications/unread-count'),
  markRead: (id: string) =>
    requestJson<void>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
  markAllRead: () => requestJson<void>('/api/notifications/read-all', { method: 'POST' }),
};
