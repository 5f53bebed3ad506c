import { useCallback, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';
import { formatTime } from '../../lib/dates.js';
import { events } from '../../lib/event-bus.js';
import { ApiProblem } from '../../lib/problem.js';
import { onLinkClick } from '../../lib/router.js';
import { Alert } from '../../ui/alert.js';
import { problemMessage } from '../auth/problem-message.js';
import type { MountedForm } from '../forms/form-viewer.js';
import { inboxApi } from '../inbox/inbox-api.provider.js';
import type { TaskDetail } from '../../lib/contracts.js';
import { TaskActions, type TaskAction } from './task-actions.js';
import { TaskContext } from './task-context.js';
import { TaskForm } from './task-form.js';
import { useTask } from './use-task.js';

type Outcome = { kind: 'success' | 'error' | 'info'; text: string } | undefined;

export function TaskPage({ taskId }: { taskId: string }) {
  const { t, locale } = useI18n();
  const { task, error, reload } = useTask(taskId);
  const [form, setForm] = useState<MountedForm | null>(null);
  const [busy, setBusy] = useState<TaskAction | undefined>(undefined);
  const [outcome, setOutcome] = useState<Outcome>(undefined);
  const onReady = useCallback((mounted: MountedForm | null) => setForm(mounted), []);

  const run = async (action: TaskAction, current: TaskDetail) => {
    setOutcome(undefined);
    if ((action === 'draft' || action === 'complete') && !form) return;
    setBusy(action);
    try {
      if (action === 'claim') await inboxApi.claim(current.id);
      if (action === 'unclaim') await inboxApi.unclaim(current.id);
      if (action === 'draft' && form) {
        const { savedAt } = await inboxApi.saveDraft(current.id, form.data());
        setOutcome({ kind: 'success', text: t.draftSaved(formatTime(savedAt)) });
      }
      if (action === 'complete' && form) {
        const { data, errors } = form.submit();
        if (Object.keys(errors).length > 0) return;
        await inboxApi.complete(current.id, data);
        events.emit('task.completed', { taskId: current.id });
        setOutcome({ kind: 'success', text: t.taskCompleted });
        // The side panel's holder and history as they are now (the completion is in the history).
        await reload({ quiet: true });
        return;
      }
      if (action === 'claim' || action === 'unclaim') await reload();
    } catch (caught) {
      if (caught instanceof ApiProblem && caught.errors.length > 0 && form) {
        const unplaced = form.showServerErrors(caught.errors);
        setOutcome({ kind: 'error', text: [t.errorValidation, ...unplaced].join(' ') });
      } else setOutcome({ kind: 'error', text: problemMessage(caught, t, locale) });
    } finally {
      setBusy(undefined);
    }
  };

  if (error !== undefined) return <Alert kind="error">{problemMessage(error, t, locale)}</Alert>;
  if (!task) return <p class="muted">{t.loading}</p>;
  const completedHere = outcome?.kind === 'success' && outcome.text === t.taskCompleted;
  // Completed here, or opened again later (from a link or the history) after it was done.
  const done = completedHere || !task.open;
  return (
    <div class="task-page">
      <p>
        <a href="/inbox" onClick={(event) => onLinkClick(event, '/inbox')}>
          ← {t.backToInbox}
        </a>
      </p>
      <h1>{task.name}</h1>
      <div class="task-page__columns">
        <section class="card task-page__form" aria-labelledby="task-form-title">
          <h2 id="task-form-title">{t.formTitle}</h2>
          {outcome && <Alert kind={outcome.kind}>{outcome.text}</Alert>}
          {!completedHere && !task.open && <Alert kind="info">{t.taskClosed}</Alert>}
          {done && (
            // The task is gone from the user's list: the next step is the list, one click away.
            <p class="task-actions">
              <a
                class="button button--primary"
                href="/inbox"
                onClick={(event) => onLinkClick(event, '/inbox')}
              >
                {t.backToInbox}
              </a>
            </p>
          )}
          {!done && <TaskForm schema={task.form} data={task.data} onReady={onReady} />}
          {!done && (
            <TaskActions
              task={task}
              busy={busy}
              formReady={form !== null}
              onAction={(a) => void run(a, task)}
            />
          )}
        </section>
        <TaskContext task={task} completed={done} />
      </div>
    </div>
  );
}
