import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';
import type { DocumentItem } from '../../lib/contracts.js';
import { formatDate } from '../../lib/dates.js';
import { DocumentDownloads } from './document-downloads.js';
import { documentsApi } from './documents.api.js';

/**
 * The documents of one process instance the user may see, as a card (task page, instance page). Renders nothing
 * while there are none, so a step before the document exists shows no empty box.
 */
export function InstanceDocuments({ processInstanceKey }: { processInstanceKey: string | undefined }) {
  const { t } = useI18n();
  const [items, setItems] = useState<DocumentItem[]>([]);
  useEffect(() => {
    if (!processInstanceKey) return;
    let live = true;
    documentsApi
      .list({ processInstanceKey })
      .then((list) => live && setItems(list.items))
      .catch(() => live && setItems([]));
    return () => {
      live = false;
    };
  }, [processInstanceKey]);
  if (items.length === 0) return null;
  return (
    <section class="card" aria-labelledby="instance-documents">
      <h2 id="instance-documents">{t.documentsOfTask}</h2>
      <ul class="doc-list">
        {items.map((doc) => (
          <li key={doc.id}>
            <span class="doc-list__title">
              {doc.soKyHieu} · {formatDate(doc.ngayBanHanh ?? doc.createdAt)}
            </span>
            <DocumentDownloads id={doc.id} tenTep={doc.tenTep} label={doc.soKyHieu} />
          </li>
        ))}
      </ul>
    </section>
  );
}
