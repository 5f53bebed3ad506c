import { useI18n } from '../../i18n/i18n.js';
import { formatDate, formatDateTime } from '../../lib/dates.js';
import type { TaskDetail } from '../../lib/contracts.js';
import { InstanceDocuments } from '../documents/instance-documents.js';
import { ProcessDiagram } from './process-diagram.js';
import { TaskComments } from './task-comments.js';

/**
 * Beside the form: the business context, the diagram, the history and the comments. Once the user has completed the
 * task here, it says so (the page fetches the task again, so the history shows the completion).
 */
export function TaskContext({ task, completed = false }: { task: TaskDetail; completed?: boolean }) {
  const { t } = useI18n();
  return (
    <aside class="task-context" aria-label={t.taskContext}>
      <section class="card">
        <h2>{t.taskContext}</h2>
        <dl class="facts">
          <dt>{t.process}</dt>
          <dd>{task.processName}</dd>
          {/* A task outside any unit or period (a Bloc body's own step) has no such row, rather than a dash. */}
          {task.unitName && <dt>{t.unit}</dt>}
          {task.unitName && <dd>{task.unitName}</dd>}
          {task.period && <dt>{t.period}</dt>}
          {task.period && <dd>{task.period}</dd>}
          <dt>{t.created}</dt>
          <dd>{formatDate(task.createdAt)}</dd>
          <dt>{t.due}</dt>
          <dd>{formatDate(task.dueDate) || t.noDueDate}</dd>
          <dt>{t.assignee}</dt>
          <dd>{task.assigneeName ?? t.unassigned}</dd>
          {(completed || !task.open) && <dt>{t.status}</dt>}
          {(completed || !task.open) && <dd class="facts__done">{t.statusCompleted}</dd>}
        </dl>
      </section>
      <InstanceDocuments processInstanceKey={task.processInstanceKey} />
      {task.diagram && (
        <section class="card">
          <h2>{t.diagram}</h2>
          <ProcessDiagram
            bpmnXml={task.diagram.bpmnXml}
            activeElementId={completed || !task.open ? undefined : task.diagram.activeElementId}
          />
        </section>
      )}
      <section class="card">
        <h2>{t.history}</h2>
        {task.history.length === 0 ? (
          <p class="muted">{t.noHistory}</p>
        ) : (
          <ol class="timeline">
            {task.history.map((entry) => (
              <li key={`${entry.at}-${entry.action}`}>
                <span class="timeline__meta">
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  {entry.step && (
                    <>
                      {' · '}
                      <span class="timeline__step">{entry.step}</span>
                    </>
                  )}
                </span>{' '}
                <span>
                  {entry.actor}: {entry.action}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <TaskComments taskId={task.id} initial={task.comments} open={task.open} />
    </aside>
  );
}
