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
