import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FormJsSchema } from '../forms/index.js';

/** Starts a process instance by its BPMN process id; resolves with the instance key. */
export interface ProcessStarter {
  start(processId: string, variables: Record<string, unknown>): Promise<string>;
}

/** The part of the SDK's Zeebe gRPC client the starter uses. */
export interface ZeebeInstanceCreator {
  createProcessInstance(request: {
    bpmnProcessId: string;
    variables: Record<string, unknown>;
  }): Promise<{ processInstanceKey: string }>;
}

export function zeebeProcessStarter(zeebe: ZeebeInstanceCreator): ProcessStarter {
  return {
    async start(processId, variables) {
      const created = await zeebe.createProcessInstance({ bpmnProcessId: processId, variables });
      return String(created.processInstanceKey);
    },
  };
}

/** Start forms read from the deployed forms/ directory (the same files the deployment sends to the engine). */
export function formsDirectoryLoader(formsDir: string): (formId: string) => Promise<FormJsSchema> {
  const cache = new Map<string, FormJsSchema>();
  return async (formId) => {
    const cached = cache.get(formId);
    if (cached) return cached;
    const text = await readFile(path.join(formsDir, `${formId}.form`), 'utf8');
    const schema = JSON.parse(text) as FormJsSchema;
    cache.set(formId, schema);
    return schema;
  };
}
