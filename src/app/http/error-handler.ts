import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from '../../lib/logger.js';
import { AppError, problemOf, type ProblemBody } from '../../lib/errors.js';
import { isDependencyOutage } from './dependency-outage.js';

export function sendProblem(res: Response, problem: ProblemBody): void {
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

/** body-parser's own failures carry a `type`; they are the client's fault and get a 4xx. */
function bodyParserError(error: unknown): AppError | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  switch (type) {
    case 'entity.parse.failed':
      return new AppError(400, 'malformed_json', 'Nội dung gửi lên không phải JSON hợp lệ.');
    case 'entity.too.large':
      return new AppError(413, 'payload_too_large', 'Dữ liệu gửi lên vượt quá kích thước cho phép.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError(415, 'unsupported_encoding', 'Bảng mã của dữ liệu gửi lên không được hỗ trợ.');
    case 'request.aborted':
    case 'request.size.invalid':
      return new AppError(400, 'request_aborted', 'Yêu cầu bị gián đoạn hoặc không đầy đủ.');
    default:
      return undefined;
  }
}

/**
 * Any other error that express, the router or zlib marked as the client's (a 4xx `status`): a path that does not
 * decode (`/%ff`), a body whose gzip is broken. It becomes a 4xx problem too, never a 500.
 */
function clientError(error: unknown): AppError | undefined {
  const raw = error as { status?: unknown; statusCode?: unknown; code?: unknown } | null;
  const status = typeof raw?.status === 'number' ? raw.status : raw?.statusCode;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (error instanceof URIError)
    return new AppError(400, 'malformed_path', 'Địa chỉ yêu cầu có ký tự mã hóa không hợp lệ.');
  if (typeof raw?.code === 'string' && raw.code.startsWith('Z_'))
    return new AppError(400, 'malformed_encoding', 'Dữ liệu nén gửi lên bị hỏng hoặc không giải nén được.');
  return new AppError(status, 'bad_request', 'Yêu cầu không hợp lệ.');
}

export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(
    res,
    problemOf(new AppError(404, 'not_found', 'Không tìm thấy địa chỉ được yêu cầu.'), req.originalUrl),
  );
};

/**
 * The last handler: expected failures become their problem; an unreachable database or engine a 503 to retry;
 * anything else is a bug, logged, answered as a bare 500.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const known = error instanceof AppError ? error : (bodyParserError(error) ?? clientError(error));
    if (known) {
      if (known.status >= 500) (req.log ?? logger).error({ err: error }, known.message);
      return sendProblem(res, problemOf(known, req.originalUrl));
    }
    if (isDependencyOutage(error)) {
      (req.log ?? logger).error({ err: error }, 'database or engine unreachable');
      res.setHeader('Retry-After', '30');
      return sendProblem(
        res,
        problemOf(
          new AppError(
            503,
            'service_unavailable',
            'Hệ thống tạm thời không kết nối được cơ sở dữ liệu hoặc bộ máy quy trình. Vui lòng thử lại sau ít phút.',
          ),
          req.originalUrl,
        ),
      );
    }
    (req.log ?? logger).error({ err: error }, 'unhandled error');
    sendProblem(
      res,
      problemOf(
        new AppError(500, 'internal_error', 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.'),
        req.originalUrl,
      ),
    );
  };
}
