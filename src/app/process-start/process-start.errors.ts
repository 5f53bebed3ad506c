import { AppError } from '../../lib/errors.js';

export const processNotFound = (): AppError =>
  new AppError(404, 'process_not_found', 'Không tìm thấy quy trình có thể khởi tạo.');
export const startForbidden = (): AppError =>
  new AppError(
    403,
    'process_start_forbidden',
    'Vai trò hoặc đơn vị của bạn không được khởi tạo quy trình này.',
  );
