import { useI18n } from '../../i18n/i18n.js';

/** What a user who is not an administrator sees at /admin/…: the server refuses them the data anyway. */
export function AdminForbiddenPage() {
  const { t } = useI18n();
  return (
    <section class="panel" aria-labelledby="admin-forbidden-title">
      <h1 id="admin-forbidden-title">{t.adminForbiddenTitle}</h1>
      <p>{t.adminForbiddenText}</p>
    </section>
  );
}
