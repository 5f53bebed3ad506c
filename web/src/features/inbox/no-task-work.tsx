import { useI18n } from '../../i18n/i18n.js';
import { onLinkClick } from '../../lib/router.js';

/**
 * The inbox of a user without staff work (an administrator, a supervisor): the inbox API would refuse them, so instead
 * of asking it they are told why there is nothing here, and where their work is.
 */
export function NoTaskWork({ administrator }: { administrator: boolean }) {
  const { t } = useI18n();
  return (
    <section class="panel" aria-labelledby="no-task-work-title">
      <h1 id="no-task-work-title">{t.noTaskWorkTitle}</h1>
      <p>{t.noTaskWorkText}</p>
      {administrator && (
        <p>
          <a href="/admin" onClick={(event) => onLinkClick(event, '/admin')}>
            {t.noTaskWorkAdmin}
          </a>
        </p>
      )}
    </section>
  );
}
