// The notifications module's public entry.
export { Notifier, type Notice, type NoticeResult, type NotifierOptions } from './notifier.js';
export { TaskNotifier, type TaskNotifierOptions, type UserTaskSearchClient } from './task-notifier.js';
export { notificationRoutes } from './notifications.routes.js';
