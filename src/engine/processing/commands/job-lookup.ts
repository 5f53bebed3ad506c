/** Argument checks shared by the job commands. */
import { EngineError } from '../../engine-api.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { JobRecord } from '../../state/records.js';

export function findJob(state: EngineStateView, jobKey: string, action: string): JobRecord {
  const job = state.jobs.get(jobKey);
  if (!job)
    throw new EngineError(
      'NOT_FOUND',
      `Expected to ${action} job with key '${jobKey}', but no such job was found`,
    );
  return job;
}

export function assertObject(variables: unknown): void {
  if (
    variables !== undefined &&
    (typeof variables !== 'object' || variables === null || Array.isArray(variables))
  ) {
    throw new EngineError('INVALID_ARGUMENT', 'Expected variables to be a JSON object');
  }
}
