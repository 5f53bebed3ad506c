import { translateFormJsMessage as translateShared } from '../../../../src/shared/form-js-messages.vi.js';

/**
 * form-js 1.23's validation messages are English-only and it has no translation service. The table is shared with the
 * server (src/shared/form-js-messages.vi.ts, the same wording as the server's own messages); the two messages below
 * only reach a form's author (a min/max that is not a number) and are translated here.
 */
const authorMessages: Record<string, string> = {
  'Min validation value is not a valid number.': 'Giới hạn nhỏ nhất của trường không phải là số.',
  'Max validation value is not a valid number.': 'Giới hạn lớn nhất của trường không phải là số.',
};

/** The Vietnamese form of one of form-js's messages; a message it does not know (e.g. a form's own
 * patternErrorMessage, already written by the form's author) is returned unchanged. */
export function translateFormJsMessage(message: string): string {
  return authorMessages[message] ?? translateShared(message);
}
