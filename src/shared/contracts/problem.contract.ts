/** Errors as every API answers them: RFC 9457 problem+json with a stable code and a Vietnamese detail. Types only. */

/** A field the server refused, named by its path in the submitted data (e.g. "/amount" or "amount"). */
export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: FieldError[];
}
