import { useI18n } from '../../i18n/i18n.js';
import { onLinkClick } from '../../lib/router.js';
import { ADMIN_SECTIONS } from './admin-sections.js';

/** /admin: the section's overview, one card per page. */
export function AdminHomePage() {
  const { t } = useI18n();
  return (
    <section class="panel" aria-labelledby="admin-home-title">
      <h1 id="admin-home-title">{t.adminTitle}</h1>
      <p class="muted">{t.adminIntro}</p>
      <ul class="admin-cards">
        {ADMIN_SECTIONS.map((section) => (
          <li key={section.path} class="admin-card">
            <a href={section.path} onClick={(event) => onLinkClick(event, section.path)}>
              {t[section.label]}
            </a>
            <p>{t[section.summary]}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
