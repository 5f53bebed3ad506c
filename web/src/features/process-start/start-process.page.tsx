import { attachmentsApi } from '../attachments/attachments.api.js';
import { withUploadedFiles } from '../attachments/form-files.js';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';
import { ApiProblem } from '../../lib/problem.js';
import { onLinkClick } from '../../lib/router.js';
import { Alert } from '../../ui/alert.js';
import { problemMessage } from '../auth/problem-message.js';
import { ErrorSummary } from '../forms/error-summary.js';
import type { MountedForm } from '../forms/form-viewer.js';
import type { InvalidField } from '../forms/invalid-fields.js';
import type { FormData } from '../../lib/contracts.js';
import { TaskForm } from '../task/task-form.js';
import { newStartRequestId, processStartApi, type StartableProcess } from './process-start.api.js';
import { startedWhat } from './started-summary.js';

const EMPTY: FormData = {};

/** "Khởi tạo quy trình": the processes the user may start; the chosen one's start form, validated on the server. */
export function StartProcessPage() {
  const { t, locale } = useI18n();
  const [items, setItems] = useState<StartableProcess[] | undefined>(undefined);
  const [chosen, setChosen] = useState<StartableProcess | undefined>(undefined);
  const [form, setForm] = useState<MountedForm | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<
    { kind: 'success' | 'error'; text: string; started?: boolean } | undefined
  >();
  const [invalid, setInvalid] = useState<InvalidField[]>([]);
  const startRequestId = useRef<string | undefined>(undefined);
  const onReady = useCallback((mounted: MountedForm | null) => setForm(mounted), []);

  /** The fields in error, summed up beside the button, and the focus in the first of them. */
  const showInvalid = async (current: MountedForm) => {
    const fields = await current.invalidFields();
    setInvalid(fields);
    fields[0]?.focus();
  };

  useEffect(() => {
    processStartApi.startable().then(
      ({ items: found }) => setItems(found),
      (caught: unknown) => setOutcome({ kind: 'error', text: problemMessage(caught, t, locale) }),
    );
  }, []);

  const start = async () => {
    if (!chosen || !form) return;
    setOutcome(undefined);
    setInvalid([]);
    const { data, errors, files } = form.submit();
    if (Object.keys(errors).length > 0) return void (await showInvalid(form));
    setBusy(true);
    try {
      // One id per start, kept across retries of it (a timeout, the engine away): the server starts it once.
      startRequestId.current ??= newStartRequestId();
      // The chosen files go first; the start form then refers to them as stored (checked by the server).
      const submitted = await withUploadedFiles(data, files, (field, file) =>
        attachmentsApi.uploadForStart(chosen.processId, field, file),
      );
      await processStartApi.start(chosen.processId, submitted, startRequestId.current);
      startRequestId.current = undefined;
      setChosen(undefined);
      // What was started, by its name and period (never the engine's number); kept until the user closes it.
      const what = startedWhat(chosen.processId, data, t);
      setOutcome({
        kind: 'success',
        text: what ? t.startDoneFor(chosen.name, what) : t.startDone(chosen.name),
        started: true,
      });
    } catch (caught) {
      if (caught instanceof ApiProblem && caught.errors.length > 0) {
        const unplaced = form.showServerErrors(caught.errors);
        setOutcome({ kind: 'error', text: [t.errorValidation, ...unplaced].join(' ') });
        await showInvalid(form);
      } else setOutcome({ kind: 'error', text: problemMessage(caught, t, locale) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="start-page">
      <p>
        <a href="/inbox" onClick={(event) => onLinkClick(event, '/inbox')}>
          ← {t.backToInbox}
        </a>
      </p>
      <h1>{chosen ? chosen.name : t.startTitle}</h1>
      <div aria-live="polite">
        {outcome?.started && (
          <Alert kind="success">
            <p>{outcome.text}</p>
            <p class="alert__actions">
              <a
                class="button button--primary"
                href="/inbox"
                onClick={(event) => onLinkClick(event, '/inbox')}
              >
                {t.backToInbox}
              </a>
              <button type="button" class="button" onClick={() => setOutcome(undefined)}>
                {t.dismiss}
              </button>
            </p>
          </Alert>
        )}
      </div>
      {!chosen && outcome && !outcome.started && <Alert kind={outcome.kind}>{outcome.text}</Alert>}
      {!chosen && items === undefined && !outcome && <p class="muted">{t.loading}</p>}
      {!chosen && items !== undefined && items.length === 0 && (
        <Alert kind="info">
          <p>
            <strong>{t.startNone}</strong>
          </p>
          <p>{t.startNoneHint}</p>
        </Alert>
      )}
      {!chosen && items !== undefined && items.length > 0 && (
        <section class="card">
          <p>{t.startIntro}</p>
          <ul class="start-list">
            {items.map((item) => (
              <li key={item.processId}>
                <span>{item.name}</span>{' '}
                <button
                  type="button"
                  class="button"
                  aria-label={`${t.startChoose}: ${item.name}`}
                  onClick={() => {
                    setOutcome(undefined);
                    setInvalid([]);
                    setChosen(item);
                  }}
                >
                  {t.startChoose}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {chosen && (
        <section class="card" aria-label={chosen.name}>
          <TaskForm schema={chosen.form} data={EMPTY} onReady={onReady} />
          {/* Messages beside the button that caused them. */}
          <div aria-live="polite">
            {outcome && !outcome.started && <Alert kind={outcome.kind}>{outcome.text}</Alert>}
          </div>
          <ErrorSummary fields={invalid} />
          <div class="task-actions">
            <button
              type="button"
              class="button button--primary"
              disabled={busy || !form}
              onClick={() => void start()}
            >
              {busy ? t.startStarting : t.startSubmit}
            </button>{' '}
            <button
              type="button"
              class="button"
              onClick={() => {
                setOutcome(undefined);
                setInvalid([]);
                setChosen(undefined);
              }}
            >
              {t.startCancel}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
