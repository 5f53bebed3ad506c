import { useI18n } from '../i18n/i18n.js';

export function Pager(props: { page: number; pages: number; onPage(page: number): void }) {
  const { t } = useI18n();
  if (props.pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t.pagination}>
      <button
        type="button"
        class="button"
        disabled={props.page <= 1}
        onClick={() => props.onPage(props.page - 1)}
      >
        {t.previousPage}
      </button>
      <span aria-live="polite">{t.pageOf(props.page, props.pages)}</span>
      <button
        type="button"
        class="button"
        disabled={props.page >= props.pages}
        onClick={() => props.onPage(props.page + 1)}
      >
        {t.nextPage}
      </button>
    </nav>
  );
}
