import type { JSX } from 'preact';
import { ChangePasswordPage } from '../features/auth/change-password.page.js';
import { InboxPage } from '../features/inbox/inbox.page.js';
import { InstancePage } from '../features/monitor/instance.page.js';
import { InstancesPage } from '../features/monitor/instances.page.js';
import { ProcessPage } from '../features/monitor/process.page.js';
import { NotificationsPage } from '../features/notifications/notifications.page.js';
import { StartProcessPage } from '../features/process-start/start-process.page.js';
import { TaskPage } from '../features/task/task.page.js';
import { matchPath } from '../lib/router.js';
import { NotFoundPage } from './not-found.page.js';

interface RouteEntry {
  pattern: string;
  render(params: Record<string, string>): JSX.Element;
}

/** The signed-in pages by path; "/" and "/sign-in" lead to the inbox. */
const routes: RouteEntry[] = [
  { pattern: '/inbox', render: () => <InboxPage /> },
  {
    pattern: '/tasks/:taskId',
    render: (params) => <TaskPage taskId={params.taskId ?? ''} key={params.taskId} />,
  },
  { pattern: '/processes/start', render: () => <StartProcessPage /> },
  { pattern: '/account/password', render: () => <ChangePasswordPage /> },
  // The supervisors' cockpit (issue 15).
  { pattern: '/monitor/instances', render: () => <InstancesPage /> },
  {
    pattern: '/monitor/instances/:key',
    render: (params) => <InstancePage instanceKey={params.key ?? ''} key={params.key} />,
  },
  {
    pattern: '/monitor/processes/:id',
    render: (params) => <ProcessPage processId={params.id ?? ''} key={params.id} />,
  },
  { pattern: '/notifications', render: () => <NotificationsPage /> },
];

export const HOME = '/inbox';

export function renderRoute(pathname: string): JSX.Element {
  for (const route of routes) {
    const params = matchPath(route.pattern, pathname);
    if (params) return route.render(params);
  }
  return <NotFoundPage />;
}
