import { useState } from 'preact/hooks';
import { useI18n } from '../../../i18n/i18n.js';
import type { OrganisationImportResult } from '../../../lib/contracts.js';
import { formatDateTime } from '../../../lib/dates.js';
import { ApiProblem } from '../../../lib/problem.js';
import { Alert } from '../../../ui/alert.js';
import { problemMessage } from '../../auth/problem-message.js';
import { adminOrganisationApi, IMPORT_TEMPLATE_URL } from './admin-organisation.api.js';
import { useLoaded } from './use-loaded.js';

/** The JSON body limit is 1 MB and base64 grows a file by a third. */
const MAX_FILE_BYTES = 700 * 1024;

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** The units page's import: template, choose a file, check it, then import it; errors listed per row. */
export function OrganisationImport({ onImported }: { onImported(): void }) {
  const { t, locale } = useI18n();
  const [file, setFile] = useState<File | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<OrganisationImportResult | undefined>(undefined);
  const [failure, setFailure] = useState<{ message: string; rows: string[] } | undefined>(undefined);
  const interrupted = useLoaded(() => adminOrganisationApi.interruptedImports(), 'interrupted');

  const run = async (apply: boolean) => {
    if (!file) return;
    setResult(undefined);
    setFailure(undefined);
    if (file.size > MAX_FILE_BYTES) {
      setFailure({ message: t.importTooLarge, rows: [] });
      return;
    }
    setBusy(true);
    try {
      const answer = await adminOrganisationApi.importOrganisation({
        fileName: file.name,
        contentBase64: await base64Of(file),
        apply,
      });
      setResult(answer);
      if (answer.applied) {
        onImported();
        interrupted.reload();
      }
    } catch (error) {
      const rows =
        error instanceof ApiProblem && error.status === 422 ? error.errors.map((e) => e.message) : [];
      setFailure({ message: rows.length > 0 ? t.importErrors : problemMessage(error, t, locale), rows });
    } finally {
      setBusy(false);
    }
  };

  const summary = result?.summary;
  return (
    <section class="card admin-import" aria-labelledby="import-title">
      <h2 id="import-title">{t.importTitle}</h2>
      <p class="muted">{t.importIntro}</p>
      {interrupted.value?.items.map((item) => (
        <Alert kind="error" key={item.startedAt}>
          {t.importInterrupted(item.fileName, formatDateTime(item.startedAt))}
        </Alert>
      ))}
      <p>
        <a href={IMPORT_TEMPLATE_URL} download>
          {t.importTemplate}
        </a>
      </p>
      <div class="field">
        <label for="import-file">{t.importFile}</label>
        <input
          id="import-file"
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => {
            setFile(event.currentTarget.files?.[0]);
            setResult(undefined);
            setFailure(undefined);
          }}
        />
      </div>
      <div class="admin-import__actions">
        <button type="button" class="button" disabled={!file || busy} onClick={() => void run(false)}>
          {t.importCheck}
        </button>
        <button
          type="button"
          class="button button--primary"
          disabled={!file || busy}
          onClick={() => void run(true)}
        >
          {t.importApply}
        </button>
        {busy && <span aria-live="polite">{t.importWorking}</span>}
      </div>
      {summary && result && (
        <Alert kind="success">
          {result.applied ? t.importApplied(result.rows) : t.importChecked(result.rows)}{' '}
          {t.importSummary(
            summary.unitsCreated,
            summary.unitsRenamed,
            summary.usersCreated,
            summary.membershipsAdded,
          )}
        </Alert>
      )}
      {failure && (
        <Alert kind="error">
          <p>{failure.message}</p>
          {failure.rows.length > 0 && (
            <ul class="admin-import__errors">
              {failure.rows.map((row) => (
                <li key={row}>{row}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
    </section>
  );
}
