import { AppError } from '../../lib/errors.js';
import { SERVER_SIDE_CODES, type FormFieldError } from './form-errors.js';

/**
 * The HTTP answer for a refused submission: 422 with the errors per field, or 500 when the form itself is broken
 * (a FEEL condition or option list the server could not evaluate), since the submitter cannot fix that.
 */
export function submissionError(errors: readonly FormFieldError[]): AppError {
  const fieldErrors = errors.map(({ field, message }) => ({ field, message }));
  if (errors.some((error) => SERVER_SIDE_CODES.has(error.code))) {
    return new AppError(
      500,
      'form_condition_error',
      'Biểu mẫu có lỗi cấu hình, máy chủ không kiểm tra được dữ liệu.',
      fieldErrors,
    );
  }
  return new AppError(
    422,
    'form_validation_failed',
    'Dữ liệu biểu mẫu chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.',
    fieldErrors,
  );
}
