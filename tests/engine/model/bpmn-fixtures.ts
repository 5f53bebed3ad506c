/** Reads the sample BPMN files and wraps snippets into Camunda-Modeler-shaped documents for rejection tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EngineError } from '../../../src/engine/engine-api.js';
import { parseBpmn } from '../../../src/engine/model/parse-bpmn.js';
import type { ElementOfKind, FlowElement, ProcessModel } from '../../../src/engine/model/process-model.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/bpmn');

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

export async function parseFixture(name: string): Promise<ProcessModel> {
  const [model] = await parseBpmn(fixture(name), name);
  if (!model) throw new Error(`no process in ${name}`);
  return model;
}

/** A definitions document holding one executable process with the given body (plus optional root elements). */
export function bpmn(body: string, roots = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_t" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.40.0" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="p" isExecutable="true">
${body}
  </bpmn:process>
${roots}
</bpmn:definitions>`;
}

/** Parses and returns the EngineError it must raise. */
export async function rejection(xml: string): Promise<EngineError> {
  try {
    await parseBpmn(xml, 'test.bpmn');
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected the resource to be rejected');
}

export function element<K extends FlowElement['kind']>(
  model: ProcessModel,
  id: string,
  kind: K,
): ElementOfKind<K> {
  const found = model.elements.get(id);
  if (!found || found.kind !== kind) throw new Error(`element ${id} is not a ${kind}`);
  return found as ElementOfKind<K>;
}

export const ctx = (variables: Record<string, unknown> = {}) => ({
  variables,
  now: Date.parse('2026-01-01T00:00:00Z'),
  timeZone: 'UTC',
});
