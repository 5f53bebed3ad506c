import { EngineError, type EngineErrorCode } from '../../engine-api.js';

/** RFC 9457 problem detail, the error body of Camunda's REST API. */
export interface ProblemDetail {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
}

const httpStatusByCode: Record<EngineErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  NOT_FOUND: 404,
  FAILED_PRECONDITION: 409,
  ALREADY_EXISTS: 409,
  RESOURCE_EXHAUSTED: 429,
  UNIMPLEMENTED: 501,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
};

/** An error an adapter raises itself (validation, size); carries the HTTP status directly. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export function problemFor(error: unknown, instance: string): ProblemDetail {
  if (error instanceof EngineError) {
    const status = httpStatusByCode[error.code];
    return { type: 'about:blank', title: error.code, status, detail: error.message, instance };
  }
  if (error instanceof HttpProblem) {
    return { type: 'about:blank', title: error.title, status: error.status, detail: error.message, instance };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'about:blank', title: 'INTERNAL_SERVER_ERROR', status: 500, detail: message, instance };
}
