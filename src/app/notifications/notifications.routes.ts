import type { Connection } from 'mongoose';

/** Where the notices are kept: the app's connection. */
export type NotificationStore = Pick<Connection, 'collection'>;
import { notFound } from '../../lib/errors.js';
import { SIGNED_IN } from '../http/permissions.js';
import { defineRoute, type RouteDefinition } from '../http/route.types.js';

const PAGE = 50;

/** The signed-in user's in-app notifications (newest first) and marking one as read. */
export function notificationRoutes(connection: NotificationStore): RouteDefinition[] {
  const inbox = () => connection.collection('notifications');
  return [
    defineRoute({
      method: 'get',
      path: '/api/notifications',
      permission: SIGNED_IN,
      summary: "The signed-in user's notifications, newest first, with the unread count",
      handler: async ({ res, principal }) => {
        const username = principal!.username;
        const items = await inbox().find({ username }).sort({ createdAt: -1 }).limit(PAGE).toArray();
        const unread = await inbox().countDocuments({ username, read: false });
        res.json({
          unread,
          items: items.map((item) => ({
            id: String(item._id),
            kind: item.kind,
            subject: item.subject,
            text: item.text,
            processInstanceKey: item.processInstanceKey ?? null,
            read: item.read === true,
            createdAt: item.createdAt,
          })),
        });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/notifications/:id/read',
      permission: SIGNED_IN,
      summary: 'Mark one of the signed-in user’s notifications as read',
      handler: async ({ req, res, principal }) => {
        const result = await inbox().updateOne(
          { _id: String(req.params.id ?? '') as never, username: principal!.username },
          { $set: { read: true } },
        );
        if (result.matchedCount === 0) throw notFound('Không tìm thấy thông báo.');
        res.status(204).end();
      },
    }),
  ];
}
