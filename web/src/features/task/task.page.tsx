import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';
import { formatTime } from '../../lib/dates.js';
import { events } from '../../lib/event-bus.js';
import { ApiProblem } from '../../lib/problem.js';
import { onLinkClick } from '../../lib/router.js';
import { Alert } from '../../ui/alert.js';
import { attachmentsApi } from '../attachments/attachments.api.js';
import { withUploadedFiles } from '../attachments/form-files.js';
import { TaskAttachments } from '../attachments/task-attachments.js';
import { problemMessage } from '../auth/problem-message.js';
import { ErrorSummary } from '../forms/error-summary.js';
import type { MountedForm } from '../forms/form-viewer.js';
import type { InvalidField } from '../forms/invalid-fields.js';
import { inboxApi } from '../inbox/inbox-api.provider.js';
import type { TaskDetail } from '../../lib/contracts.js';
import { ClaimBar } from './claim-bar.js';
import { TaskActions, type TaskAction } from './task-actions.js';
import { TaskContext } from './task-context.js';
import { TaskForm } from './task-form.js';
import { useTask } from './use-task.js';

/** A message and where it belongs: beside the claim button at the top, or beside the form's buttons. */
type Outcome = { at: 'claim' | 'actions'; kind: 'success' | 'error' | 'info'; text: string } | undefined;
interface Invalid {
  fields: InvalidField[];
  extra: string[];
}
const NO_ERRORS: Invalid = { fields: [], extra: [] };

export function TaskPage({ taskId }: { taskId: string }) {
  const { t, locale } = useI18n();
  const { task, error, reload } = useTask(taskId);
  const [form, setForm] = useState<MountedForm | null>(null);
  const [busy, setBusy] = useState<TaskAction | undefined>(undefined);
  const [outcome, setOutcome] = useState<Outcome>(undefined);
  const [invalid, setInvalid] = useState<Invalid>(NO_ERRORS);
  const [completedHere, setCompletedHere] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const claimBar = useRef<HTMLDivElement>(null);
  const backLink = useRef<HTMLAnchorElement>(null);
  /** Where the focus goes once an action is over and the page drawn again (a disabled button takes no focus). */
  const focusNext = useRef<(() => void) | undefined>(undefined);
  const onReady = useCallback((mounted: MountedForm | null) => setForm(mounted), []);
  const loaded = task !== undefined;

  // Opening a task puts the focus on its title, so keyboard and screen reader users start at the task, not the body.
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded, taskId]);

  useEffect(() => {
    if (busy !== undefined || !focusNext.current) return;
    const move = focusNext.current;
    focusNext.current = undefined;
    move();
  }, [busy, task]);

  /** Shows the fields in error beside the buttons, and puts the focus in the first of them. */
  const showInvalid = async (current: MountedForm, extra: string[] = []) => {
    const fields = await current.invalidFields();
    setInvalid({ fields, extra });
    fields[0]?.focus();
  };

  const run = async (action: TaskAction, current: TaskDetail) => {
    setOutcome(undefined);
    setInvalid(NO_ERRORS);
    if ((action === 'draft' || action === 'complete') && !form) return;
    const at = action === 'claim' || action === 'unclaim' ? 'claim' : 'actions';
    setBusy(action);
    try {
      if (action === 'claim') {
        await inboxApi.claim(current.id);
        await reload({ quiet: true });
        focusNext.current = () => form?.focusFirstField();
      }
      if (action === 'unclaim') {
        await inboxApi.unclaim(current.id);
        await reload({ quiet: true });
        focusNext.current = () => claimBar.current?.querySelector<HTMLButtonElement>('button')?.focus();
      }
      if (action === 'draft' && form) {
        const { savedAt } = await inboxApi.saveDraft(current.id, form.data());
        setOutcome({ at, kind: 'success', text: t.draftSaved(formatTime(savedAt)) });
      }
      if (action === 'complete' && form) {
        const { data, errors, files } = form.submit();
        if (Object.keys(errors).length > 0) return void (await showInvalid(form));
        // The chosen files go first; the form then refers to them as stored (the server checks each reference).
        const submitted = await withUploadedFiles(data, files, (field, file) =>
          attachmentsApi.upload(current.id, field, file),
        );
        await inboxApi.complete(current.id, submitted);
        events.emit('task.completed', { taskId: current.id });
        setCompletedHere(true);
        setOutcome({ at, kind: 'success', text: t.taskCompleted });
        // The side panel's holder and history as they are now (the completion is in the history).
        await reload({ quiet: true });
        // The form is gone: the focus goes to what comes next, the way back to the list.
        focusNext.current = () => backLink.current?.focus();
      }
    } catch (caught) {
      if (caught instanceof ApiProblem && caught.errors.length > 0 && form) {
        const unplaced = form.showServerErrors(caught.errors);
        setOutcome({ at, kind: 'error', text: t.errorValidation });
        await showInvalid(form, unplaced);
      } else {
        setOutcome({ at, kind: 'error', text: problemMessage(caught, t, locale) });
        // Someone else was quicker, or the task moved on: show who holds it now.
        if (caught instanceof ApiProblem && (caught.status === 409 || caught.status === 403))
          await reload({ quiet: true });
      }
    } finally {
      setBusy(undefined);
    }
  };

  if (error !== undefined) return <Alert kind="error">{problemMessage(error, t, locale)}</Alert>;
  if (!task) return <p class="muted">{t.loading}</p>;
  // Completed here, or opened again later (from a link or the history) after it was done.
  const done = completedHere || !task.open;
  const message = (at: 'claim' | 'actions') =>
    outcome?.at === at && <Alert kind={outcome.kind}>{outcome.text}</Alert>;
  return (
    <div class="task-page">
      <p>
        <a href="/inbox" onClick={(event) => onLinkClick(event, '/inbox')}>
          ← {t.backToInbox}
        </a>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {task.name}
      </h1>
      {task.updating && !done && (
        <p class="returned-note" role="status">
          <span class="tag tag--updating">{t.updatingTag}</span> {t.updatingNote}
        </p>
      )}
      {task.returned && !done && (
        <p class="returned-note">
          <span class="tag tag--returned">{t.returnedTag}</span> {t.returnedNote}
        </p>
      )}
      <div class="task-page__columns">
        <section class="card task-page__form" aria-labelledby="task-form-title">
          <h2 id="task-form-title">{t.formTitle}</h2>
          {done && (
            <div aria-live="polite">
              {completedHere ? message('actions') : <Alert kind="info">{t.taskClosed}</Alert>}
            </div>
          )}
          {done && (
            // The task is gone from the user's list: the next step is the list, one click away.
            <p class="task-actions">
              <a
                ref={backLink}
                class="button button--primary"
                href="/inbox"
                onClick={(event) => onLinkClick(event, '/inbox')}
              >
                {t.backToInbox}
              </a>
            </p>
          )}
          {!done && (
            <div ref={claimBar}>
              <ClaimBar
                task={task}
                busy={busy !== undefined}
                onClaim={() => void run('claim', task)}
                onUnclaim={() => void run('unclaim', task)}
              >
                {message('claim')}
              </ClaimBar>
            </div>
          )}
          <TaskAttachments taskId={task.id} version={done ? 'done' : 'open'} />
          {!done && (
            <TaskForm schema={task.form} data={task.data} onReady={onReady} readOnly={!task.canComplete} />
          )}
          {!done && task.canComplete && (
            <TaskActions busy={busy} enabled={form !== null} onAction={(a) => void run(a, task)}>
              {message('actions')}
              <ErrorSummary fields={invalid.fields} extra={invalid.extra} />
            </TaskActions>
          )}
        </section>
        <TaskContext task={task} completed={done} />
      </div>
    </div>
  );
}
