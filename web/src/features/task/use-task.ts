import { useCallback, useEffect, useState } from 'preact/hooks';
import { inboxApi } from '../inbox/inbox-api.provider.js';
import type { TaskDetail } from '../inbox/inbox.types.js';

export function useTask(taskId: string): {
  task: TaskDetail | undefined;
  error: unknown;
  reload(): Promise<void>;
} {
  const [task, setTask] = useState<TaskDetail | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const reload = useCallback(async () => {
    try {
      setTask(await inboxApi.get(taskId));
      setError(undefined);
    } catch (caught) {
      setError(caught);
    }
  }, [taskId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { task, error, reload };
}
