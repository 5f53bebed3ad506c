import type { EngineTask, TaskScope, TaskTaker } from '../inbox/index.js';
import type { StoredAttachment } from './attachment.store.js';

/**
 * Whom a file shows to through one of the instance's tasks: the same rule as the task's comments and history
 * (task-scope.ts). Someone who may see the task sees the files of its chain (their unit's drafting, head's approval,
 * the Bloc's review of it), or of the whole instance for the Bloc's bodies. A file uploaded but not submitted yet is
 * its uploader's alone, on the task it was uploaded for.
 */
export function visibleThroughTask(
  attachment: StoredAttachment,
  task: EngineTask,
  scope: TaskScope,
  taker: TaskTaker,
): boolean {
  if (attachment.processInstanceKey !== task.processInstanceKey) return false;
  if (attachment.submittedAt === null)
    return attachment.uploadedBy === taker.username && attachment.taskKey === task.key;
  return scope.whole || attachment.chain === scope.chain;
}

/** Whether a submission may refer to the file in this field: uploaded by the submitter, for this task and field. */
export function usableInSubmission(
  attachment: StoredAttachment,
  task: EngineTask,
  taker: TaskTaker,
  fieldKey: string,
): boolean {
  return (
    attachment.taskKey === task.key &&
    attachment.processInstanceKey === task.processInstanceKey &&
    attachment.uploadedBy === taker.username &&
    attachment.field === fieldKey
  );
}
