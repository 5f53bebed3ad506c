import type { JSX } from 'preact';
import { matchPath } from '../../lib/router.js';
import type { SessionUser } from '../../lib/contracts.js';
import { isAdministrator } from './admin-access.js';
import { AdminForbiddenPage } from './admin-forbidden.page.js';
import { AdminHomePage } from './admin-home.page.js';
import { AdminLayout } from './admin-layout.js';
import { AdminPlaceholderPage } from './admin-placeholder.page.js';
import { AuditPage } from './organisation/audit.page.js';
import { UnitsPage } from './organisation/units.page.js';
import { UsersPage } from './organisation/users.page.js';

export interface AdminRoute {
  pattern: string;
  render(params: Record<string, string>): JSX.Element;
}

/** The studio's pages (processes, forms, decisions, settings); placeholders until they are built. */
const studioRoutes: AdminRoute[] = [
  { pattern: '/admin/processes', render: () => <AdminPlaceholderPage title="adminNavProcesses" /> },
  { pattern: '/admin/forms', render: () => <AdminPlaceholderPage title="adminNavForms" /> },
  { pattern: '/admin/decisions', render: () => <AdminPlaceholderPage title="adminNavDecisions" /> },
  { pattern: '/admin/settings', render: () => <AdminPlaceholderPage title="adminNavSettings" /> },
];

/** The organisation's pages (units, users, audit log). */
const organisationRoutes: AdminRoute[] = [
  { pattern: '/admin/units', render: () => <UnitsPage /> },
  { pattern: '/admin/users', render: () => <UsersPage /> },
  { pattern: '/admin/audit', render: () => <AuditPage /> },
];

const adminRoutes: AdminRoute[] = [
  { pattern: '/admin', render: () => <AdminHomePage /> },
  ...studioRoutes,
  ...organisationRoutes,
];

export function isAdminPath(pathname: string): boolean {
  return pathname === '/admin' || pathname.startsWith('/admin/');
}

/**
 * The page of an /admin path inside the section's layout, or undefined when no page has that path. `registered` is a
 * page found for the path elsewhere (a feature that registers its /admin pages in the app's route table): it wins over
 * this section's own table, where the studio's entries are placeholders.
 */
export function renderAdminRoute(
  pathname: string,
  user: SessionUser,
  registered?: JSX.Element,
): JSX.Element | undefined {
  if (!isAdministrator(user)) return <AdminForbiddenPage />;
  if (registered) return <AdminLayout>{registered}</AdminLayout>;
  for (const route of adminRoutes) {
    const params = matchPath(route.pattern, pathname);
    if (params) return <AdminLayout>{route.render(params)}</AdminLayout>;
  }
  return undefined;
}
