import { useI18n } from '../../i18n/i18n.js';
import type { TextKey } from '../../i18n/messages.types.js';
import { formatDate } from '../../lib/dates.js';
import { onLinkClick } from '../../lib/router.js';
import { priorityLevel } from './inbox-query.js';
import type { TaskSummary } from '../../lib/contracts.js';

const priorityKeys: Record<ReturnType<typeof priorityLevel>, TextKey> = {
  high: 'priorityHigh',
  medium: 'priorityMedium',
  low: 'priorityLow',
};

/** The tasks as a table; on a phone each row is laid out as a card (CSS only, the semantics stay a table). */
export function TaskList({ items, now }: { items: TaskSummary[]; now: number }) {
  const { t } = useI18n();
  if (items.length === 0) return <p class="empty">{t.noTasks}</p>;
  return (
    <table class="task-table">
      <thead>
        <tr>
          <th scope="col">{t.colTask}</th>
          <th scope="col">{t.colUnit}</th>
          <th scope="col">{t.colDue}</th>
          <th scope="col">{t.colPriority}</th>
          <th scope="col">{t.colAssignee}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((task) => {
          const overdue = task.dueDate !== null && Date.parse(task.dueDate) < now;
          const href = `/tasks/${encodeURIComponent(task.id)}`;
          const level = priorityLevel(task.priority);
          return (
            <tr key={task.id}>
              <td data-label={t.colTask}>
                <div>
                  <a href={href} onClick={(event) => onLinkClick(event, href)}>
                    {task.name}
                  </a>
                  {task.returned && <span class="tag tag--returned">{t.returnedTag}</span>}
                  {task.updating && <span class="tag tag--updating">{t.updatingTag}</span>}
                  <span class="task-table__process">{task.processName}</span>
                </div>
              </td>
              <td data-label={t.colUnit}>
                <div>
                  {task.unitName}
                  {/* The period tells apart the same step of two periods (six-monthly and annual) of one unit. */}
                  {task.period && <span class="task-table__period">{task.period}</span>}
                </div>
              </td>
              <td data-label={t.colDue}>
                <div>
                  {formatDate(task.dueDate)}
                  {overdue && <span class="tag tag--danger">{t.overdue}</span>}
                </div>
              </td>
              <td data-label={t.colPriority}>
                <div>
                  <span class={`tag tag--${level}`}>{t[priorityKeys[level]]}</span>
                </div>
              </td>
              <td data-label={t.colAssignee}>
                <div>{task.assigneeName ?? t.unassigned}</div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
