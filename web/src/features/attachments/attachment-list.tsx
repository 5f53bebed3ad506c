import { useI18n } from '../../i18n/i18n.js';
import type { AttachmentItem } from '../../lib/contracts.js';
import { formatDateTime } from '../../lib/dates.js';

const sizeText = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`
    : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`;

/**
 * Files attached in a process instance, with a download link each (task page, cockpit's instance page).
 * Renders nothing while there are none.
 */
export function AttachmentCard({
  items,
  id,
  className,
}: {
  items: readonly AttachmentItem[];
  id: string;
  /** The page's own frame for a section (the cockpit's `monitor-section`); a plain block by default. */
  className?: string;
}) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <section class={`attachments ${className ?? ''}`.trim()} aria-labelledby={id}>
      <h2 id={id}>{t.attachmentsTitle}</h2>
      <ul class="doc-list">
        {items.map((item) => (
          <li key={item.id}>
            <a class="attachments__file" href={item.href} download={item.name}>
              {item.name}
            </a>{' '}
            <span class="muted">
              ({sizeText(item.size)}) · {item.step} · {item.uploadedBy} ·{' '}
              <time dateTime={item.submittedAt}>{formatDateTime(item.submittedAt)}</time>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
