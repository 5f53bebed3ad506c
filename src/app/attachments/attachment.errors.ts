import { AppError } from '../../lib/errors.js';
import { ACCEPTED_EXTENSIONS } from './file-kinds.js';

const megabytes = (bytes: number): string =>
  `${(bytes / (1024 * 1024)).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

export const fileTooLarge = (maxBytes: number): AppError =>
  new AppError(
    413,
    'attachment_too_large',
    `Tệp đính kèm vượt quá dung lượng cho phép (tối đa ${megabytes(maxBytes)}). Hãy nén hoặc chia nhỏ tệp rồi gửi lại.`,
  );

export const fileTypeRefused = (): AppError =>
  new AppError(
    415,
    'attachment_type_refused',
    `Loại tệp này không được đính kèm. Chỉ nhận các tệp: ${ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(', ')}.`,
  );

export const fileContentMismatch = (): AppError =>
  new AppError(
    422,
    'attachment_content_mismatch',
    'Nội dung tệp không đúng với loại tệp (phần mở rộng hoặc kiểu khai báo). Hãy kiểm tra lại tệp đính kèm.',
  );

export const fileEmpty = (): AppError =>
  new AppError(422, 'attachment_empty', 'Tệp đính kèm rỗng. Hãy chọn lại tệp.');

export const badFileName = (): AppError =>
  new AppError(
    400,
    'attachment_name_invalid',
    'Thiếu hoặc sai tên tệp (tiêu đề X-File-Name, mã hóa URL, tối đa 255 ký tự).',
  );

export const notAFileField = (field: string): AppError =>
  new AppError(
    422,
    'attachment_field_invalid',
    `Biểu mẫu của công việc này không có trường tệp "${field}".`,
    [{ field: field || 'field', message: 'Trường này không nhận tệp đính kèm.' }],
  );

export const tooManyPending = (): AppError =>
  new AppError(
    429,
    'attachment_too_many',
    'Công việc này đã có quá nhiều tệp tải lên chưa gửi. Hãy hoàn thành biểu mẫu hoặc thử lại sau.',
  );

/** Not found and not allowed look the same, so a file of another unit or of personnel is not disclosed. */
export const attachmentNotFound = (): AppError =>
  new AppError(404, 'attachment_not_found', 'Không tìm thấy tệp đính kèm.');

export const attachmentNotHeld = (): AppError =>
  new AppError(
    409,
    'task_not_held',
    'Hãy nhận việc trước khi đính kèm tệp: chỉ người đang xử lý công việc mới tải tệp lên được.',
  );
