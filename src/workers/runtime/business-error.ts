/** A failure the process models: the runtime throws it as a BPMN error with this code, never as an incident. */
export class BusinessError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly variables: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'BusinessError';
  }
}

/** Variables a worker cannot use (found after the schema check): retrying cannot help, so it fails at once. */
export class BadInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadInputError';
  }
}
