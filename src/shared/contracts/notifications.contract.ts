/** The in-app notifications' contract (src/app/notifications/notifications.routes.ts). Types only. */

export interface NotificationItem {
  id: string;
  /** What happened: cong-viec-moi (new task), sap-den-han (due soon), qua-han (overdue), giao-bao-cao, … */
  kind: string;
  subject: string;
  text: string;
  /** The task it is about, opened from the notice; null for a notice about a whole process. */
  taskKey: string | null;
  processInstanceKey: string | null;
  read: boolean;
  createdAt: string;
}

/** GET /api/notifications?page=N: newest first, a page of items, and the unread count over all of them. */
export interface NotificationList {
  unread: number;
  total: number;
  page: number;
  pageSize: number;
  items: NotificationItem[];
}

/** GET /api/notifications/unread-count: for the bell, polled often, so it reads no notice. */
export interface UnreadCount {
  unread: number;
}
