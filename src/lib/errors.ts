import type { FieldError, ProblemBody } from '../shared/contracts/index.js';

export type { FieldError, ProblemBody } from '../shared/contracts/index.js';

/**
 * An expected failure: it becomes a 4xx (or a deliberate 5xx such as 503) problem+json answer with a stable `code`
 * and a Vietnamese message. Anything that is not an AppError is a bug and answers a bare 500.
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[] | undefined;

  constructor(status: number, code: string, message: string, errors?: FieldError[]) {
    super(message);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.errors = errors;
  }
}

const titles: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Chưa đăng nhập',
  403: 'Không có quyền',
  404: 'Không tìm thấy',
  409: 'Xung đột dữ liệu',
  413: 'Dữ liệu gửi lên quá lớn',
  415: 'Kiểu dữ liệu không được hỗ trợ',
  422: 'Dữ liệu không hợp lệ',
  423: 'Tài khoản đang bị khóa',
  429: 'Quá nhiều yêu cầu',
  500: 'Lỗi hệ thống',
  503: 'Dịch vụ chưa sẵn sàng',
};

export function problemTitle(status: number): string {
  return titles[status] ?? (status >= 500 ? 'Lỗi hệ thống' : 'Yêu cầu không hợp lệ');
}

export function problemOf(error: AppError, instance?: string): ProblemBody {
  const body: ProblemBody = {
    type: `urn:dan-van:problem:${error.code}`,
    title: problemTitle(error.status),
    status: error.status,
    code: error.code,
    detail: error.message,
  };
  if (instance) body.instance = instance;
  if (error.errors && error.errors.length > 0) body.errors = error.errors;
  return body;
}

export const badRequest = (code: string, message: string, errors?: FieldError[]): AppError =>
  new AppError(400, code, message, errors);
export const notFound = (message = 'Không tìm thấy tài nguyên được yêu cầu.'): AppError =>
  new AppError(404, 'not_found', message);
export const conflict = (code: string, message: string): AppError => new AppError(409, code, message);
export const unauthenticated = (message = 'Bạn cần đăng nhập để thực hiện thao tác này.'): AppError =>
  new AppError(401, 'unauthenticated', message);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.'): AppError =>
  new AppError(403, 'forbidden', message);
