/** The process-start API's contract (src/app/process-start/process-start.routes.ts). Types only. */
import type { FormData, FormSchema } from './form.contract.js';

/** A process the user may start, without its form: enough for the navigation. */
export interface StartableSummary {
  processId: string;
  name: string;
}

export interface StartableProcess extends StartableSummary {
  startFormId: string;
  form: FormSchema;
}

export interface StartableList<T extends StartableSummary> {
  items: T[];
}

export interface StartRequest {
  data: FormData;
  /** Chosen by the browser once per start and sent again on a retry: the server starts one instance for it. */
  requestId?: string;
}

export interface StartResponse {
  processInstanceKey: string;
}
