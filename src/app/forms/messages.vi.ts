/** The server's validation messages, in Vietnamese (architecture principle 8). */
export const messagesVi = {
  required: 'Trường này là bắt buộc.',
  min: (limit: unknown) => `Giá trị phải lớn hơn hoặc bằng ${String(limit)}.`,
  max: (limit: unknown) => `Giá trị phải nhỏ hơn hoặc bằng ${String(limit)}.`,
  minLength: (limit: unknown) => `Độ dài tối thiểu là ${String(limit)} ký tự.`,
  maxLength: (limit: unknown) => `Độ dài tối đa là ${String(limit)} ký tự.`,
  // Never the regular expression itself: users cannot read it (a field says what it wants in its patternErrorMessage).
  pattern: () => 'Giá trị không đúng định dạng yêu cầu.',
  email: 'Địa chỉ email không hợp lệ.',
  phone: 'Số điện thoại không hợp lệ; hãy nhập theo dạng quốc tế, ví dụ +84912345678.',
  decimalDigits: (limit: unknown) =>
    Number(limit) === 0
      ? 'Giá trị phải là số nguyên.'
      : `Giá trị chỉ được có tối đa ${String(limit)} chữ số thập phân.`,
  increment: (previous: unknown, next: unknown) =>
    `Giá trị không hợp lệ; hai giá trị hợp lệ gần nhất là ${String(previous)} và ${String(next)}.`,
  notNumber: 'Giá trị phải là một số.',
  integer: 'Giá trị phải là số nguyên.',
  text: 'Giá trị phải là văn bản.',
  boolean: 'Giá trị phải là có hoặc không.',
  list: 'Giá trị phải là một danh sách.',
  object: 'Giá trị phải là một nhóm trường.',
  date: 'Ngày không hợp lệ (định dạng năm-tháng-ngày, ví dụ 2026-06-15).',
  time: 'Giờ không hợp lệ (định dạng giờ:phút, ví dụ 14:30).',
  datetime: 'Ngày giờ không hợp lệ.',
  datePassed: 'Không được chọn ngày đã qua.',
  notAllowed: 'Giá trị không nằm trong danh sách cho phép.',
  duplicate: 'Danh sách có giá trị bị trùng.',
  minItems: (limit: unknown) => `Cần ít nhất ${String(limit)} mục.`,
  maxItems: (limit: unknown) => `Chỉ được tối đa ${String(limit)} mục.`,
  unknownField: 'Trường này không có trong biểu mẫu.',
  hidden: 'Trường này đang ẩn, không được gửi giá trị.',
  disabled: 'Trường này đang bị vô hiệu hóa, không được gửi giá trị.',
  readonly: 'Trường này chỉ để xem, không được sửa giá trị.',
  invalidSubmission: 'Dữ liệu gửi lên phải là một đối tượng gồm các trường của biểu mẫu.',
  invalid: 'Giá trị không hợp lệ.',
  conditionError: (expression: string, reason: string) =>
    `Lỗi máy chủ: không tính được biểu thức FEEL "${expression}" của biểu mẫu (${reason}).`,
  optionsError: (source: string) => `Lỗi máy chủ: không lấy được danh sách lựa chọn của trường (${source}).`,
} as const;
