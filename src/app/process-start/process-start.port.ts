import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FormJsSchema } from '../forms/index.js';

/**
 * Starts a process instance by its BPMN process id; resolves with the instance key. `operationReference` makes a
 * retry safe: the embedded engine answers a repeated reference with the instance it created the first time.
 */
export interface ProcessStarter {
  start(processId: string, variables: Record<string, unknown>, operationReference?: number): Promise<string>;
}

/** The part of the SDK's Zeebe gRPC client the starter uses. */
export interface ZeebeInstanceCreator {
  createProcessInstance(request: {
    bpmnProcessId: string;
    variables: Record<string, unknown>;
    /** A number here; the SDK also takes its LosslessNumber (an object). */
    operationReference?: number | object;
  }): Promise<{ processInstanceKey: string }>;
}

export function zeebeProcessStarter(zeebe: ZeebeInstanceCreator): ProcessStarter {
  return {
    async start(processId, variables, operationReference) {
      const created = await zeebe.createProcessInstance({
        bpmnProcessId: processId,
        variables,
        ...(operationReference !== undefined ? { operationReference } : {}),
      });
      return String(created.processInstanceKey);
    },
  };
}

/**
 * The operationReference of one start request: the same user, process and browser-chosen request id give the same
 * number, so a resubmission after a timeout or an outage starts nothing new. 48 bits of a SHA-256 keep it a safe
 * JavaScript integer (the SDK takes a number) and make a collision between two requests negligible.
 */
export function startOperationReference(username: string, processId: string, requestId: string): number {
  const digest = createHash('sha256').update(`${username}\u0000${processId}\u0000${requestId}`).digest();
  return digest.readUIntBE(0, 6) + 1;
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
