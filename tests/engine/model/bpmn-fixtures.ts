/** Reads the sample BPMN files and parses them; rejection tests build their documents with the harness's BPMN builder. */
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
