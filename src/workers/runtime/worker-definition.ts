import type { ProcessSettingsValues } from '../../shared/contracts/index.js';
import type { Static, TSchema } from '@sinclair/typebox';
import type { Clock } from '../../lib/clock.js';
import type { Notifier } from '../../app/notifications/index.js';
import type { OrganisationDirectory } from '../../app/organisation/index.js';
import type { RecordStore } from '../../app/records/index.js';

/** What every worker may use: the app's modules through their public entries. */
export interface WorkerDeps {
  records: RecordStore;
  directory: OrganisationDirectory;
  notifier: Notifier;
  clock: Clock;
  /** The process settings in force (deadlines, reminders); the defaults once in code when not given. */
  settings?: { current(): Promise<{ values: ProcessSettingsValues }> };
}

export interface JobContext<Variables> {
  variables: Variables;
  headers: Readonly<Record<string, string>>;
  jobKey: string;
  processInstanceKey: string;
  elementInstanceKey: string;
  bpmnProcessId: string;
  elementId: string;
}

/** The variables a worker completes its job with; only those listed in processes/README.md. */
export type WorkerOutput = Record<string, unknown>;

/** A worker as the registry holds it: the input is `unknown` until the runtime has checked it against `input`. */
export interface RegisteredWorker {
  type: string;
  input: TSchema;
  handle(job: JobContext<unknown>, deps: WorkerDeps): Promise<WorkerOutput>;
}

/**
 * Declares a worker with a TypeBox schema of its input variables; the handler receives them typed. The runtime
 * validates before calling, so the narrowing here is sound.
 */
export function defineWorker<Input extends TSchema>(definition: {
  type: string;
  input: Input;
  handle(job: JobContext<Static<Input>>, deps: WorkerDeps): Promise<WorkerOutput>;
}): RegisteredWorker {
  return {
    type: definition.type,
    input: definition.input,
    handle: (job, deps) => definition.handle(job as JobContext<Static<Input>>, deps),
  };
}

/** A header the BPMN must set; its absence is a modelling fault (a job failure, not a BPMN error). */
export function requireHeader(job: JobContext<unknown>, name: string): string {
  const value = job.headers[name];
  if (typeof value !== 'string' || value.length === 0)
    throw new Error(`Thiếu header "${name}" trên phần tử ${job.elementId} (job type cần header này).`);
  return value;
}
