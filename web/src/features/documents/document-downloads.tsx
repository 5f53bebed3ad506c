import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';
import { problemMessage } from '../auth/problem-message.js';
import { documentsApi } from './documents.api.js';

/** The .docx link and the PDF button of one document; the server's refusal (e.g. 503, no LibreOffice) is shown. */
export function DocumentDownloads({ id, tenTep, label }: { id: string; tenTep: string; label: string }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const pdf = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await documentsApi.downloadPdf(id, tenTep);
    } catch (problem) {
      setError(problemMessage(problem, t, locale) || t.pdfFailed);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="doc-downloads">
      <a class="button button--small" href={documentsApi.docxHref(id)} download={tenTep}>
        {t.downloadDocx}
        <span class="visually-hidden"> {label}</span>
      </a>
      <button type="button" class="button button--small" disabled={busy} onClick={() => void pdf()}>
        {busy ? t.downloadingPdf : t.downloadPdf}
        <span class="visually-hidden"> {label}</span>
      </button>
      {error && (
        <span class="doc-downloads__error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
