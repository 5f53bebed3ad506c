import { useI18n } from '../../i18n/i18n.js';
import type { TextKey } from '../../i18n/messages.types.js';

/** A page of the section that is not built yet: its URL is stable, its content comes later. */
export function AdminPlaceholderPage({ title }: { title: TextKey }) {
  const { t } = useI18n();
  return (
    <section class="panel" aria-labelledby="admin-placeholder-title">
      <h1 id="admin-placeholder-title">{t[title]}</h1>
      <p class="muted">{t.adminNotYet}</p>
    </section>
  );
}
