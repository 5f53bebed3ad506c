/**
 * Every message form-js 1.23's Validator and components produce (read from its dist). form-js 1.x validates in the browser with English messages and no translation hook: the web app replaces each
 * message it shows by matching it here. `{0}`, `{1}` are the numbers or patterns form-js puts in the message.
 */
export interface FormJsMessageTranslation {
  /** The English message as form-js writes it, with {0}, {1} for its variable parts. */
  readonly en: string;
  readonly vi: string;
}

export const formJsMessagesVi: readonly FormJsMessageTranslation[] = [
  { en: 'Field is required.', vi: 'Trường này là bắt buộc.' },
  { en: 'Field must match pattern {0}.', vi: 'Giá trị không đúng định dạng yêu cầu.' },
  { en: 'Field must have minimum value of {0}.', vi: 'Giá trị phải lớn hơn hoặc bằng {0}.' },
  { en: 'Field must have maximum value of {0}.', vi: 'Giá trị phải nhỏ hơn hoặc bằng {0}.' },
  { en: 'Field must have minimum length of {0}.', vi: 'Độ dài tối thiểu là {0} ký tự.' },
  { en: 'Field must have maximum length of {0}.', vi: 'Độ dài tối đa là {0} ký tự.' },
  { en: 'Field must be a valid email.', vi: 'Địa chỉ email không hợp lệ.' },
  {
    en: 'Field must be a valid  international phone number. (e.g. +4930664040900)',
    vi: 'Số điện thoại không hợp lệ; hãy nhập theo dạng quốc tế, ví dụ +84912345678.',
  },
  { en: 'Value is not a number.', vi: 'Giá trị phải là một số.' },
  { en: 'Value is expected to be an integer.', vi: 'Giá trị phải là số nguyên.' },
  {
    en: 'Value is expected to have at most {0} decimal digit.',
    vi: 'Giá trị chỉ được có tối đa {0} chữ số thập phân.',
  },
  {
    en: 'Value is expected to have at most {0} decimal digits.',
    vi: 'Giá trị chỉ được có tối đa {0} chữ số thập phân.',
  },
  {
    en: 'Please select a valid value, the two nearest valid values are {0} and {1}.',
    vi: 'Giá trị không hợp lệ; hai giá trị hợp lệ gần nhất là {0} và {1}.',
  },
  {
    en: 'Min validation value is not a valid number.',
    vi: 'Giá trị tối thiểu cấu hình cho trường này không phải là số.',
  },
  {
    en: 'Max validation value is not a valid number.',
    vi: 'Giá trị tối đa cấu hình cho trường này không phải là số.',
  },
  { en: 'Document reference is not defined.', vi: 'Chưa có tham chiếu tới tài liệu.' },
];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const compiled = formJsMessagesVi.map(({ en, vi }) => ({
  regex: new RegExp(`^${escapeRegExp(en).replace(/\\\{(\d)\\\}/g, '(.+?)')}$`),
  vi,
}));

/** The Vietnamese for a message form-js produced, or the message unchanged if it is not one we know. */
export function translateFormJsMessage(message: string): string {
  for (const { regex, vi } of compiled) {
    const match = regex.exec(message);
    if (match) return vi.replace(/\{(\d)\}/g, (_whole, index: string) => match[Number(index) + 1] ?? '');
  }
  return message;
}
