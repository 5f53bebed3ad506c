/**
 * Reads the zeebe:* extension elements shared by many element kinds: io mappings, task definitions and headers,
 * properties, multi-instance loop characteristics. Extensions the engine cannot honour are rejected here.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { ProcessBuilder } from './process-builder.js';
import type { JobDefinition, MultiInstanceDefinition, VariableMapping } from './process-model.js';
import { attr, boolAttr, expressionBody, extension, extensions, list, ref } from './moddle-access.js';

/** Extension elements that change execution semantics in ways this engine does not implement. */
const UNSUPPORTED_EXTENSIONS: Record<string, string> = {
  'zeebe:ExecutionListeners': 'execution listeners (zeebe:executionListeners) are not supported',
  'zeebe:TaskListeners': 'user task listeners (zeebe:taskListeners) are not supported',
  'zeebe:UserTaskForm':
    'embedded forms (zeebe:userTaskForm) are not supported; link a deployed form with zeebe:formDefinition formId',
  'zeebe:AdHoc': 'ad-hoc sub-processes are not supported',
  'zeebe:LinkedResources': 'linked resources (zeebe:linkedResources) are not supported',
  'zeebe:ConditionalFilter': 'conditional events are not supported',
  'zeebe:JobPriorityDefinition': 'job priorities (zeebe:jobPriorityDefinition) are not supported',
};

export function rejectUnsupportedExtensions(b: ProcessBuilder, element: ModdleElement): void {
  const id = element.id ?? b.processId;
  for (const ext of extensions(element)) {
    const reason = UNSUPPORTED_EXTENSIONS[ext.$type];
    if (reason) b.fail(id, reason);
  }
}

function mappings(
  b: ProcessBuilder,
  elementId: string,
  parameters: ModdleElement[],
  kind: 'input' | 'output',
): VariableMapping[] {
  return parameters.map((parameter) => {
    const target = attr(parameter, 'target')?.trim();
    if (!target) b.fail(elementId, `a zeebe:${kind} mapping has no target`);
    if (!/^[^.\s][^.]*(\.[^.]+)*$/.test(target))
      b.fail(elementId, `zeebe:${kind} target '${target}' is not a variable name or path`);
    const source = attr(parameter, 'source') ?? '=null';
    return {
      source: b.expression(
        elementId,
        `zeebe:${kind} '${target}' source`,
        source.trim() === '' ? '=null' : source,
      ),
      target,
      targetPath: target.split('.'),
    };
  });
}

export function parseIoMapping(
  b: ProcessBuilder,
  element: ModdleElement,
): { inputMappings: VariableMapping[]; outputMappings: VariableMapping[] } {
  const io = extension(element, 'zeebe:IoMapping');
  const id = element.id ?? '';
  if (!io) return { inputMappings: [], outputMappings: [] };
  return {
    inputMappings: mappings(b, id, list(io, 'inputParameters'), 'input'),
    outputMappings: mappings(b, id, list(io, 'outputParameters'), 'output'),
  };
}

export function parseHeaders(element: ModdleElement): Record<string, string> {
  const holder = extension(element, 'zeebe:TaskHeaders');
  const headers: Record<string, string> = {};
  for (const header of holder ? list(holder, 'values') : []) {
    const key = attr(header, 'key');
    if (key !== undefined) headers[key] = attr(header, 'value') ?? '';
  }
  return headers;
}

export function parseProperties(element: ModdleElement): Record<string, string> {
  const holder = extension(element, 'zeebe:Properties');
  const properties: Record<string, string> = {};
  for (const property of holder ? list(holder, 'properties') : []) {
    const name = attr(property, 'name');
    if (name !== undefined) properties[name] = attr(property, 'value') ?? '';
  }
  return properties;
}

/** zeebe:taskDefinition; required for every job-executed element. */
export function parseJobDefinition(b: ProcessBuilder, element: ModdleElement): JobDefinition {
  const id = element.id ?? '';
  const definition = extension(element, 'zeebe:TaskDefinition');
  const type = definition ? attr(definition, 'type') : undefined;
  if (!definition || !type || type.trim() === '' || type.trim() === '=') {
    b.fail(id, 'must have a zeebe:taskDefinition with a job type');
  }
  const retries = attr(definition, 'retries');
  return {
    type: b.expression(id, 'zeebe:taskDefinition type', type),
    retries: b.expression(
      id,
      'zeebe:taskDefinition retries',
      retries && retries.trim() !== '' ? retries : '3',
      { numeric: true },
    ),
    headers: parseHeaders(element),
  };
}

export function parseMultiInstance(
  b: ProcessBuilder,
  element: ModdleElement,
): MultiInstanceDefinition | null {
  const loop = ref(element, 'loopCharacteristics');
  const id = element.id ?? '';
  if (!loop) return null;
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics')
    b.fail(id, 'standard loops are not supported; use multi-instance');
  const zeebeLoop = extension(loop, 'zeebe:LoopCharacteristics');
  const inputCollection = zeebeLoop ? attr(zeebeLoop, 'inputCollection') : undefined;
  if (!zeebeLoop || !inputCollection)
    b.fail(id, 'a multi-instance activity needs zeebe:loopCharacteristics inputCollection');
  const outputCollection = attr(zeebeLoop, 'outputCollection')?.trim() || null;
  const outputElement = attr(zeebeLoop, 'outputElement');
  if (outputCollection && !outputElement)
    b.fail(id, 'zeebe:loopCharacteristics outputCollection needs an outputElement');
  const completion = expressionBody(ref(loop, 'completionCondition'));
  return {
    isSequential: boolAttr(loop, 'isSequential') ?? false,
    inputCollection: b.expression(id, 'inputCollection', inputCollection, { feelOnly: true }),
    inputElement: attr(zeebeLoop, 'inputElement')?.trim() || null,
    outputCollection,
    outputElement: b.optionalExpression(id, 'outputElement', outputElement, { feelOnly: true }),
    completionCondition: b.optionalExpression(id, 'completionCondition', completion, { feelOnly: true }),
  };
}
