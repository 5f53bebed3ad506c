import { useCallback, useEffect, useState } from 'preact/hooks';
import { inboxApi } from '../inbox/inbox-api.provider.js';
import type { TaskDetail } from '../../lib/contracts.js';

/** How often a task the engine is still updating (CREATING, ASSIGNING… on Camunda) is read again until it settles. */
const UPDATING_RECHECK_MS = 1_000;

/**
 * A task's unit and period never change; once the task is done the engine may no longer give them, so the page keeps
 * those it was shown rather than blank them.
 */
function keepContext(previous: TaskDetail | undefined, next: TaskDetail): TaskDetail {
  if (!previous || previous.id !== next.id) return next;
  return {
    ...next,
    unitName: next.unitName || previous.unitName,
    period: next.period || previous.period,
  };
}

export function useTask(taskId: string): {
  task: TaskDetail | undefined;
  error: unknown;
  /** Fetches the task again; with `quiet`, a failure keeps the task shown instead of replacing the page. */
  reload(options?: { quiet?: boolean }): Promise<void>;
} {
  const [task, setTask] = useState<TaskDetail | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const reload = useCallback(
    async (options: { quiet?: boolean } = {}) => {
      try {
        const next = await inboxApi.get(taskId);
        setTask((previous) => keepContext(previous, next));
        setError(undefined);
      } catch (caught) {
        if (!options.quiet) setError(caught);
      }
    },
    [taskId],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  // A task in a transient state cannot be acted on yet: the page reads it again until the engine has settled it.
  const updating = task?.updating === true && task.open;
  useEffect(() => {
    if (!updating) return;
    const timer = setInterval(() => void reload({ quiet: true }), UPDATING_RECHECK_MS);
    return () => clearInterval(timer);
  }, [updating, reload]);
  return { task, error, reload };
}
