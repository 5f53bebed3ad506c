import { useCallback, useEffect, useState } from 'preact/hooks';
import { inboxApi } from '../inbox/inbox-api.provider.js';
import type { TaskDetail } from '../../lib/contracts.js';

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
  return { task, error, reload };
}
