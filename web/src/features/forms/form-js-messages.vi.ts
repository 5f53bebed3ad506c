/**
 * form-js 1.23's validation messages are English-only and it has no translation service: each English message is
 * matched here and replaced by its Vietnamese form (the same wording as the server's messages, src/app/forms).
 */
const rules: readonly [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^Field is required\.$/, () => 'Trường này là bắt buộc.'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `Giá trị phải lớn hơn hoặc bằng ${m[1]}.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `Giá trị phải nhỏ hơn hoặc bằng ${m[1]}.`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `Độ dài tối thiểu là ${m[1]} ký tự.`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `Độ dài tối đa là ${m[1]} ký tự.`],
  [/^Field must match pattern (.+)\.$/s, (m) => `Giá trị không đúng định dạng yêu cầu (mẫu ${m[1]}).`],
  [
    /^Field must be a valid {1,2}international phone number\./,
    () => 'Số điện thoại không hợp lệ; hãy nhập theo dạng quốc tế, ví dụ +84912345678.',
  ],
  [/^Field must be a valid email\.$/, () => 'Địa chỉ email không hợp lệ.'],
  [/^Value is not a number\.$/, () => 'Giá trị phải là một số.'],
  [/^Value is expected to be an integer\.$/, () => 'Giá trị phải là số nguyên.'],
  [
    /^Value is expected to have at most (\d+) decimal digits?\.$/,
    (m) => `Giá trị chỉ được có tối đa ${m[1]} chữ số thập phân.`,
  ],
  [
    /^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `Giá trị không hợp lệ; hai giá trị hợp lệ gần nhất là ${m[1]} và ${m[2]}.`,
  ],
  [/^Min validation value is not a valid number\.$/, () => 'Giới hạn nhỏ nhất của trường không phải là số.'],
  [/^Max validation value is not a valid number\.$/, () => 'Giới hạn lớn nhất của trường không phải là số.'],
];

/** The Vietnamese form of one of form-js's messages; a message it does not know (e.g. a form's own
 * patternErrorMessage, already written by the form's author) is returned unchanged. */
export function translateFormJsMessage(message: string): string {
  for (const [pattern, render] of rules) {
    const match = message.match(pattern);
    if (match) return render(match);
  }
  return message;
}
