import type { FieldError } from '../../lib/errors.js';
import type { FormJsSchema } from '../forms/index.js';

/**
 * The files a start form refers to (the attachments module): each must have been uploaded by the starter with this
 * process's start form, for this field, and not used by another start yet; its reference is replaced by the stored
 * file's own name, type and size.
 */
export interface StartAttachments {
  check(
    starter: { username: string },
    processId: string,
    form: FormJsSchema,
    values: Record<string, unknown>,
  ): Promise<{ values: Record<string, unknown>; fileIds: string[]; errors: FieldError[] }>;
  /** The instance was started with these files: they belong to it, in the chain of the unit that started it. */
  started(fileIds: readonly string[], processInstanceKey: string, chain: string): Promise<void>;
}
