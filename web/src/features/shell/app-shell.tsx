import type { ComponentChildren } from 'preact';
import { useI18n } from '../../i18n/i18n.js';
import { onLinkClick, usePath } from '../../lib/router.js';
import { Alert } from '../../ui/alert.js';
import type { Session } from '../auth/auth.api.js';
import { useSession } from '../auth/session.context.js';
import { hasTaskWork, isAdministrator } from '../admin/admin-access.js';
import { useMayStart } from '../process-start/use-may-start.js';
import { NotificationBell } from '../notifications/notification-bell.js';
import { mayWatchPeriods } from '../periods/status-names.js';
import { mayMonitor } from '../monitor/may-monitor.js';
import { LanguageSwitch } from './language-switch.js';
import { UserSummary } from './user-summary.js';

interface NavItem {
  path: string;
  label: string;
}

/** The signed-in frame: the committee's header, the user, navigation, sign-out, and the page in <main>. */
export function AppShell({ session, children }: { session: Session; children: ComponentChildren }) {
  const { t } = useI18n();
  const { signOut } = useSession();
  const { pathname } = usePath();
  // Offered only to users the start table lets start something (the server decides; the page itself says so too).
  const mayStart = useMayStart(session.user);
  const nav: NavItem[] = [
    ...(hasTaskWork(session.user) ? [{ path: '/inbox', label: t.navInbox }] : []),
    ...(mayStart ? [{ path: '/processes/start', label: t.navStartProcess }] : []),
    // Period dashboard and documents (issue 15, points 4 and 5).
    ...(mayWatchPeriods(session.user) ? [{ path: '/monitor/periods', label: t.navPeriods }] : []),
    { path: '/documents', label: t.navDocuments },
    // The administrators' section: offered to administrators only (the server refuses everyone else anyway).
    ...(isAdministrator(session.user) ? [{ path: '/admin', label: t.navAdmin }] : []),
    ...(mayMonitor(session.user) ? [{ path: '/monitor/instances', label: t.navMonitor }] : []),
    { path: '/account/password', label: t.navChangePassword },
  ];
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header class="shell__header">
        <div class="brand">
          <p class="brand__committee">{t.committee}</p>
          <p class="brand__product">{t.product}</p>
        </div>
        <div class="shell__account">
          <UserSummary user={session.user} />
          <div class="shell__actions">
            <NotificationBell enabled={!session.user.mustChangePassword} />
            <LanguageSwitch />
            <button type="button" class="button" onClick={() => void signOut()}>
              {t.signOut}
            </button>
          </div>
        </div>
      </header>
      <nav class="shell__nav" aria-label={t.mainNavigation}>
        <ul>
          {nav.map((item) => (
            <li key={item.path}>
              <a
                href={item.path}
                aria-current={pathname.startsWith(item.path) ? 'page' : undefined}
                onClick={(event) => onLinkClick(event, item.path)}
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" class="shell__main" tabIndex={-1}>
        {session.user.mustChangePassword && <Alert kind="info">{t.mustChangePassword}</Alert>}
        {children}
      </main>
    </div>
  );
}
