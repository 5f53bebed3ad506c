import { AppError, type FieldError } from '../../lib/errors.js';

export const taskNotFound = (): AppError => new AppError(404, 'task_not_found', 'Không tìm thấy công việc.');
export const notYourGroup = (): AppError =>
  new AppError(403, 'task_forbidden', 'Công việc này không thuộc nhóm hoặc đơn vị của bạn.');
export const claimedByOther = (): AppError =>
  new AppError(403, 'task_claimed_by_other', 'Công việc này đang do người khác nhận xử lý.');
export const alreadyClaimed = (): AppError =>
  new AppError(409, 'task_already_claimed', 'Công việc đã có người nhận. Hãy tải lại danh sách.');
export const notClaimed = (): AppError =>
  new AppError(409, 'task_not_claimed', 'Hãy nhận việc trước khi lưu hoặc hoàn thành.');
export const taskClosed = (): AppError =>
  new AppError(409, 'task_completed', 'Công việc đã được hoàn thành hoặc đã đóng.');
export const invalidSubmission = (errors: FieldError[]): AppError =>
  new AppError(
    422,
    'invalid_submission',
    'Dữ liệu biểu mẫu chưa hợp lệ. Hãy xem các trường được đánh dấu.',
    errors,
  );
export const draftTooLarge = (): AppError =>
  new AppError(413, 'draft_too_large', 'Bản nháp quá lớn. Hãy rút gọn nội dung trước khi lưu.');
export const taskUpdating = (): AppError =>
  new AppError(409, 'task_updating', 'Công việc đang được cập nhật. Hãy thử lại sau ít giây.');
/** A change the engine accepted has not reached its searches yet (Camunda's are eventually consistent). */
export const changeNotVisibleYet = (): AppError =>
  new AppError(
    503,
    'change_not_visible_yet',
    'Thao tác đã được ghi nhận nhưng hệ thống chưa cập nhật kịp. Hãy tải lại trang sau ít giây.',
  );
/** The engine would give a value only cut short (Camunda 8.8 cuts long values in searches); a cut value is never used. */
export const variableTruncated = (name: string): AppError =>
  new AppError(
    502,
    'variable_truncated',
    `Bộ máy quy trình chỉ trả về một phần giá trị "${name}" của công việc, nên hệ thống chưa thể mở công việc này.`,
  );
