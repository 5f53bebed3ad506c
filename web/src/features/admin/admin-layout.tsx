import type { ComponentChildren } from 'preact';
import { useI18n } from '../../i18n/i18n.js';
import { onLinkClick, usePath } from '../../lib/router.js';
import { ADMIN_SECTIONS } from './admin-sections.js';
import './admin.css';

/** The administrators' section: its own navigation beside (on a phone, above) the page. */
export function AdminLayout({ children }: { children: ComponentChildren }) {
  const { t } = useI18n();
  const { pathname } = usePath();
  return (
    <div class="admin">
      <nav class="admin__nav" aria-label={t.adminNavigation}>
        <p class="admin__nav-title">
          <a href="/admin" onClick={(event) => onLinkClick(event, '/admin')}>
            {t.adminTitle}
          </a>
        </p>
        <ul>
          {ADMIN_SECTIONS.map((section) => (
            <li key={section.path}>
              <a
                href={section.path}
                aria-current={
                  pathname === section.path || pathname.startsWith(`${section.path}/`) ? 'page' : undefined
                }
                onClick={(event) => onLinkClick(event, section.path)}
              >
                {t[section.label]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="admin__page">{children}</div>
    </div>
  );
}
