import type { FieldError } from '../../lib/errors.js';
import type { Clock } from '../../lib/clock.js';
import { fileFieldValues, withValuesAt, type FormJsSchema } from '../forms/index.js';
import type { CheckedAttachments, EngineTask, SubmissionAttachments, TaskTaker } from '../inbox/index.js';
import { usableInSubmission } from './attachment-access.js';
import type { AttachmentStore, StoredAttachment } from './attachment.store.js';
import { refOf } from './attachment-views.js';

const NOT_UPLOADED = 'Tệp chưa được tải lên máy chủ. Hãy chọn lại tệp rồi gửi.';
const NOT_YOURS = 'Tệp đính kèm không tồn tại hoặc không được tải lên cho biểu mẫu này.';
const DUPLICATE = 'Tệp này đã được chọn hai lần.';

const idOf = (ref: unknown): string =>
  typeof ref === 'object' && ref !== null && typeof (ref as { id?: unknown }).id === 'string'
    ? (ref as { id: string }).id
    : '';

/**
 * The server's check of a submission's file references, once the form's own rules passed: each must be a stored file
 * that `usable` accepts for its field (uploaded by the submitter for this form). The value kept is the stored file's
 * own name, type and size, never what the browser sent.
 */
export async function checkReferences(
  store: AttachmentStore,
  form: FormJsSchema,
  values: Record<string, unknown>,
  usable: (file: StoredAttachment, fieldKey: string) => boolean,
  context: Record<string, unknown> = {},
): Promise<CheckedAttachments> {
  const fields = fileFieldValues(form, values);
  const held = new Set(
    fileFieldValues(form, context)
      .filter(({ value }) => Array.isArray(value) && value.length > 0)
      .map(({ field }) => field),
  );
  const kept: (readonly (string | number)[])[] = [];
  const referred = fields.flatMap(({ value }) => (Array.isArray(value) ? value.map(idOf) : []));
  const stored = new Map((await store.findMany(referred)).map((file) => [file.id, file]));
  const errors: FieldError[] = [];
  const replacements: { path: readonly (string | number)[]; value: unknown }[] = [];
  const fileIds: string[] = [];
  for (const { field, key, path, value } of fields) {
    // form-js cannot show stored files (its file picker empties a value it has no files for): a field sent empty
    // keeps the files the instance already holds there; new files replace them.
    if (held.has(field) && (value === null || value === '' || (Array.isArray(value) && value.length === 0))) {
      kept.push(path);
      continue;
    }
    if (typeof value === 'string') {
      // form-js's own reference to files its page holds: the browser did not upload them.
      if (value !== '') errors.push({ field, message: NOT_UPLOADED });
      continue;
    }
    if (!Array.isArray(value)) continue;
    const seen = new Set<string>();
    const refs = [];
    for (const ref of value) {
      const file = stored.get(idOf(ref));
      if (!file || !usable(file, key)) {
        errors.push({ field, message: NOT_YOURS });
        break;
      }
      if (seen.has(file.id)) {
        errors.push({ field, message: DUPLICATE });
        break;
      }
      seen.add(file.id);
      refs.push(refOf(file));
    }
    fileIds.push(...seen);
    replacements.push({ path, value: refs });
  }
  return { values: withValuesAt(values, replacements, kept), fileIds, errors };
}

/** The inbox's check of a task form's file references (SubmissionAttachments): the submitter's uploads for this task. */
export class SubmissionCheck implements SubmissionAttachments {
  constructor(
    private readonly store: AttachmentStore,
    private readonly clock: Clock,
  ) {}

  check(
    taker: TaskTaker,
    task: EngineTask,
    form: FormJsSchema,
    values: Record<string, unknown>,
    context: Record<string, unknown>,
  ): Promise<CheckedAttachments> {
    return checkReferences(
      this.store,
      form,
      values,
      (file, key) => usableInSubmission(file, task, taker, key),
      context,
    );
  }

  async submitted(fileIds: readonly string[]): Promise<void> {
    await this.store.markSubmitted(fileIds, this.clock.now());
  }
}
