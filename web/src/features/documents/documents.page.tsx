import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';
import type { DocumentList } from '../../lib/contracts.js';
import { formatDate } from '../../lib/dates.js';
import { navigate, usePath } from '../../lib/router.js';
import { Alert } from '../../ui/alert.js';
import { Pager } from '../../ui/pager.js';
import { PROCESS_NAMES } from '../periods/status-names.js';
import { DocumentDownloads } from './document-downloads.js';
import { documentsApi } from './documents.api.js';

/** /documents: the generated documents the user may see, filtered by process and text; the filter is in the URL. */
export function DocumentsPage() {
  const { t } = useI18n();
  const { search } = usePath();
  const processId = search.get('processId') ?? '';
  const q = search.get('q') ?? '';
  const period = search.get('period') ?? '';
  const unit = search.get('unit') ?? '';
  const page = Number(search.get('page') ?? '1') || 1;
  const [list, setList] = useState<DocumentList | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [typed, setTyped] = useState(q);

  useEffect(() => {
    let live = true;
    documentsApi
      .list({ processId, q, period, unit, page })
      .then((found) => {
        if (!live) return;
        setList(found);
        setFailed(false);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [processId, q, period, unit, page]);

  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams(search);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    if (!('page' in changes)) next.delete('page');
    const query = next.toString();
    navigate(`/documents${query ? `?${query}` : ''}`, { replace: true });
  };

  return (
    <section class="panel" aria-labelledby="documents-title">
      <h1 id="documents-title">{t.documentsTitle}</h1>
      <p class="muted">{t.documentsIntro}</p>
      <form
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          go({ q: typed.trim() });
        }}
      >
        <label class="field field--inline">
          <span>{t.filterProcess}</span>
          <select value={processId} onChange={(event) => go({ processId: event.currentTarget.value })}>
            <option value="">{t.allProcesses}</option>
            {Object.entries(PROCESS_NAMES).map(([id, key]) => (
              <option key={id} value={id}>
                {t[key]}
              </option>
            ))}
          </select>
        </label>
        <label class="field field--inline">
          <span>{t.documentsSearch}</span>
          <input type="search" value={typed} onInput={(event) => setTyped(event.currentTarget.value)} />
        </label>
        <button type="submit" class="button">
          {t.refresh}
        </button>
      </form>
      {failed && <Alert kind="error">{t.documentsLoadFailed}</Alert>}
      {!list && !failed && <p aria-busy="true">{t.loading}</p>}
      {list && list.items.length === 0 && <p class="empty">{t.documentsNone}</p>}
      {list && list.items.length > 0 && (
        <table class="task-table doc-table">
          <thead>
            <tr>
              <th scope="col">{t.colNumber}</th>
              <th scope="col">{t.colDate}</th>
              <th scope="col">{t.colProcess}</th>
              <th scope="col">{t.colPeriod}</th>
              <th scope="col">{t.colUnit}</th>
              <th scope="col">{t.colDownload}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((doc) => (
              <tr key={doc.id}>
                <td data-label={t.colNumber}>{doc.soKyHieu}</td>
                <td data-label={t.colDate}>{formatDate(doc.ngayBanHanh ?? doc.createdAt)}</td>
                <td data-label={t.colProcess}>
                  {doc.processId && PROCESS_NAMES[doc.processId] ? t[PROCESS_NAMES[doc.processId]!] : ''}
                </td>
                <td data-label={t.colPeriod}>{doc.periodLabel ?? ''}</td>
                <td data-label={t.colUnit}>{doc.units.map((u) => u.name).join(', ')}</td>
                <td data-label={t.colDownload}>
                  <DocumentDownloads id={doc.id} tenTep={doc.tenTep} label={doc.soKyHieu} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list && (
        <Pager
          page={list.page}
          pages={Math.ceil(list.total / list.pageSize)}
          onPage={(next) => go({ page: String(next) })}
        />
      )}
    </section>
  );
}
