import type { JSX } from 'preact';
import { isAdminPath, renderAdminRoute } from '../features/admin/admin-routes.js';
import type { SessionUser } from '../lib/contracts.js';
import { ChangePasswordPage } from '../features/auth/change-password.page.js';
import { InboxPage } from '../features/inbox/inbox.page.js';
import { InstancePage } from '../features/monitor/instance.page.js';
import { InstancesPage } from '../features/monitor/instances.page.js';
import { ProcessPage } from '../features/monitor/process.page.js';
import { NotificationsPage } from '../features/notifications/notifications.page.js';
import { DocumentsPage } from '../features/documents/documents.page.js';
import { PeriodDashboardPage } from '../features/periods/period-dashboard.page.js';
import { PeriodsPage } from '../features/periods/periods.page.js';
import { UnitReportPage } from '../features/periods/unit-report.page.js';
import { StartProcessPage } from '../features/process-start/start-process.page.js';
import { TaskPage } from '../features/task/task.page.js';
import { studioRoutes } from '../features/studio/studio.routes.js';
import { matchPath } from '../lib/router.js';
import { NotFoundPage } from './not-found.page.js';

interface RouteEntry {
  pattern: string;
  render(params: Record<string, string>): JSX.Element;
}

/** The signed-in pages by path; "/" and "/sign-in" lead to the user's home (homeOf). /admin/… has its own table. */
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
  // The period dashboard and the documents (issue 15, points 4 and 5).
  { pattern: '/monitor/periods', render: () => <PeriodsPage /> },
  {
    pattern: '/monitor/periods/:id',
    render: (params) => <PeriodDashboardPage periodId={params.id ?? ''} key={params.id} />,
  },
  {
    pattern: '/monitor/periods/:id/units/:unitCode',
    render: (params) => (
      <UnitReportPage
        periodId={params.id ?? ''}
        unitCode={params.unitCode ?? ''}
        key={`${params.id}/${params.unitCode}`}
      />
    ),
  },
  { pattern: '/documents', render: () => <DocumentsPage /> },
  // The administrators' studio (issue 14).
  ...studioRoutes,
];

function matchRoute(pathname: string): JSX.Element | undefined {
  for (const route of routes) {
    const params = matchPath(route.pattern, pathname);
    if (params) return route.render(params);
  }
  return undefined;
}

export function renderRoute(pathname: string, user: SessionUser): JSX.Element {
  // The administrators' section: only for administrators, inside its layout. A page registered in the table above
  // under /admin (the studio's) is shown there; the section's own table has the rest, placeholders last.
  if (isAdminPath(pathname))
    return renderAdminRoute(pathname, user, matchRoute(pathname)) ?? <NotFoundPage />;
  return matchRoute(pathname) ?? <NotFoundPage />;
}
