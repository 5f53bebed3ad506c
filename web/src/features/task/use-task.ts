import { useCallback, useEffect, useState } from 'preact/hooks';
import { inboxApi } from '../inbox/inbox-api.provider.js';
import type { TaskDetail } from '../../lib/contracts.js';

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
        setTask(await inboxApi.get(taskId));
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
