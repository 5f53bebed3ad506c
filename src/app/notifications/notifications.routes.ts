import type { Connection } from 'mongoose';
import type { NotificationItem, NotificationList, UnreadCount } from '../../shared/contracts/index.js';
import { notFound } from '../../lib/errors.js';
import { SIGNED_IN } from '../http/permissions.js';
import { defineRoute, type RouteDefinition } from '../http/route.types.js';

/** Where the notices are kept: the app's connection. */
export type NotificationStore = Pick<Connection, 'collection'>;

const PAGE_SIZE = 50;
/** Deep enough for a year of notices; past it the list says how many there are but pages no further. */
const MAX_PAGE = 200;

/** ?page=N, 1 when absent or not a page number (a list request never fails on its paging). */
function pageOf(raw: unknown): number {
  const page = Number(raw);
  return Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1;
}

interface StoredNotice {
  _id: unknown;
  kind?: unknown;
  subject?: unknown;
  text?: unknown;
  taskKey?: unknown;
  processInstanceKey?: unknown;
  read?: unknown;
  createdAt?: unknown;
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');
const keyOf = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

function itemOf(stored: StoredNotice): NotificationItem {
  return {
    id: String(stored._id),
    kind: textOf(stored.kind),
    subject: textOf(stored.subject),
    text: textOf(stored.text),
    taskKey: keyOf(stored.taskKey),
    processInstanceKey: keyOf(stored.processInstanceKey),
    read: stored.read === true,
    createdAt: stored.createdAt instanceof Date ? stored.createdAt.toISOString() : textOf(stored.createdAt),
  };
}

/** The signed-in user's in-app notifications (newest first), their unread count, and marking them read. */
export function notificationRoutes(connection: NotificationStore): RouteDefinition[] {
  const notices = () => connection.collection('notifications');
  return [
    defineRoute({
      method: 'get',
      path: '/api/notifications',
      permission: SIGNED_IN,
      summary: "The signed-in user's notifications, newest first, a page of 50, with the unread count",
      handler: async ({ req, res, principal }) => {
        const username = principal!.username;
        const page = pageOf(req.query.page);
        const [items, unread, total] = await Promise.all([
          notices()
            .find({ username })
            .sort({ createdAt: -1 })
            .skip((page - 1) * PAGE_SIZE)
            .limit(PAGE_SIZE)
            .toArray(),
          notices().countDocuments({ username, read: false }),
          notices().countDocuments({ username }),
        ]);
        res.json({
          unread,
          total,
          page,
          pageSize: PAGE_SIZE,
          items: items.map((item) => itemOf(item as StoredNotice)),
        } satisfies NotificationList);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/notifications/unread-count',
      permission: SIGNED_IN,
      summary: "How many of the signed-in user's notifications are unread (the bell)",
      handler: async ({ res, principal }) => {
        const unread = await notices().countDocuments({ username: principal!.username, read: false });
        res.json({ unread } satisfies UnreadCount);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/notifications/read-all',
      permission: SIGNED_IN,
      summary: 'Mark all of the signed-in user’s notifications as read',
      handler: async ({ res, principal }) => {
        await notices().updateMany({ username: principal!.username, read: false }, { $set: { read: true } });
        res.status(204).end();
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/notifications/:id/read',
      permission: SIGNED_IN,
      summary: 'Mark one of the signed-in user’s notifications as read',
      handler: async ({ req, res, principal }) => {
        const result = await notices().updateOne(
          { _id: String(req.params.id ?? '') as never, username: principal!.username },
          { $set: { read: true } },
        );
        if (result.matchedCount === 0) throw notFound('Không tìm thấy thông báo.');
        res.status(204).end();
      },
    }),
  ];
}
