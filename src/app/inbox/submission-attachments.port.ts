import type { FieldError } from '../../lib/errors.js';
import type { FormJsSchema } from '../forms/index.js';
import type { TaskTaker } from './task-access.js';
import type { EngineTask } from './task-engine.port.js';

/** What the form's file fields hold once checked: the values to complete with, the files they refer to, or errors. */
export interface CheckedAttachments {
  values: Record<string, unknown>;
  fileIds: string[];
  errors: FieldError[];
}

/**
 * The files a submission refers to (the attachments module): each must exist, have been uploaded by the submitter
 * for this very task and this field; its reference is replaced by the stored file's own name, type and size.
 */
export interface SubmissionAttachments {
  check(
    taker: TaskTaker,
    task: EngineTask,
    form: FormJsSchema,
    values: Record<string, unknown>,
    /** The task's variables: files a field already holds stay when the form sends it empty. */
    context: Record<string, unknown>,
  ): Promise<CheckedAttachments>;
  /** The task was completed with these files: they are listed from now on for whoever sees the task. */
  submitted(fileIds: readonly string[]): Promise<void>;
}
