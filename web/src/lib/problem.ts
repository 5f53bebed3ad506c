import type { FieldError } from './contracts.js';

/** A field the server refused, named by its path in the submitted data (e.g. "/amount" or "amount"). */
export type FieldProblem = FieldError;

/** The server's application/problem+json answer, or a network failure (status 0). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: readonly FieldProblem[] = [],
  ) {
    super(detail || code);
    this.name = 'ApiProblem';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function fieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    isRecord(item) && typeof item.field === 'string' && typeof item.message === 'string'
      ? [{ field: item.field, message: item.message }]
      : [],
  );
}

/** Reads a problem body defensively: whatever the server sent, the caller gets a status, a code and a detail. */
export function problemFrom(status: number, body: unknown): ApiProblem {
  if (!isRecord(body)) return new ApiProblem(status, 'http_' + String(status), '');
  return new ApiProblem(
    status,
    typeof body.code === 'string' ? body.code : 'http_' + String(status),
    typeof body.detail === 'string' ? body.detail : '',
    fieldProblems(body.errors),
  );
}
