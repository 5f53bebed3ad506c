import { useI18n } from '../i18n/i18n.js';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section class="panel">
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundText}</p>
    </section>
  );
}
