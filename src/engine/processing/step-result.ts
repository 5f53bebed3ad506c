/** What a lifecycle step or a behaviour it calls returns: a failure is a value that becomes an incident. */
export type Failure = { ok: false; errorType: string; message: string };
export type StepResult = { ok: true } | Failure;
export const OK: StepResult = { ok: true };
