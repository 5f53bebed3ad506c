/**
 * BPMN XML → validated executable models, one per executable bpmn:process. Any problem rejects the whole
 * resource with EngineError('INVALID_ARGUMENT') naming the element and the reason; nothing is silently dropped.
 */
import BpmnModdle, { type FromXmlResult, type ModdleElement } from 'bpmn-moddle';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { EngineError } from '../engine-api.js';
import { invalidBpmn, ProcessBuilder } from './process-builder.js';
import type { ProcessModel } from './process-model.js';
import { attr, boolAttr, extension, list } from './moddle-access.js';
import { rejectUnsupportedExtensions } from './extension-parsers.js';
import { createScopeWalker, type PendingFlow } from './scope-walker.js';
import { parseSequenceFlows } from './sequence-flow-parser.js';
import { validateModel } from './model-validator.js';
import { MAX_XML_DEPTH, xmlDepth } from './xml-depth.js';

const moddle = new BpmnModdle({ zeebe: zeebeModdle });

async function readXml(xml: string, resourceName: string): Promise<FromXmlResult> {
  if (xmlDepth(xml, MAX_XML_DEPTH) > MAX_XML_DEPTH) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Invalid BPMN resource '${resourceName}': elements are nested deeper than ${MAX_XML_DEPTH} levels`,
      { resourceName },
    );
  }
  let result: FromXmlResult;
  try {
    result = await moddle.fromXML(xml, 'bpmn:Definitions');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Invalid BPMN resource '${resourceName}': not well-formed BPMN XML: ${reason}`,
      {
        resourceName,
      },
    );
  }
  // Zeebe ignores the diagram (DI): a shape or edge left behind by a deleted element is no reason to refuse.
  const [warning] = result.warnings.filter((each) => !each.element?.$type.startsWith('bpmndi:'));
  if (warning) {
    const [headline = warning.message, ...details] = warning.message.split('\n').map((line) => line.trim());
    const nested = warning.error?.message;
    const duplicate = nested ? /^duplicate ID <(.+)>$/.exec(nested) : null;
    const elementId = warning.element?.id ?? duplicate?.[1] ?? '(document)';
    const where = details.filter((line) => /^(line|column):/.test(line)).join(', ');
    const reason = [headline, nested, where].filter((part) => part).join('; ');
    throw invalidBpmn(resourceName, elementId, reason);
  }
  return result;
}

export interface ParseOptions {
  /** Shortest timer duration or cycle accepted (ENGINE_TIMER_FLOOR_MS); 1 s by default. */
  timerFloorMs?: number;
  /**
   * false when a deployed model is parsed again at restart: the floor is checked at deploy, so a definition
   * deployed under a lower floor keeps running after the floor is raised (its FEEL timers follow the new floor).
   */
  checkStaticTimers?: boolean;
}

function buildProcess(process: ModdleElement, resourceName: string, options: ParseOptions): ProcessModel {
  const id = process.id ?? '';
  const b = new ProcessBuilder(resourceName, id, options.timerFloorMs, options.checkStaticTimers ?? true);
  rejectUnsupportedExtensions(b, process);
  const pendingFlows: PendingFlow[] = [];
  const walk = createScopeWalker(b, pendingFlows);
  const scope = walk(process, { parentId: null, container: 'process' });
  parseSequenceFlows(b, pendingFlows);
  validateModel(b);

  const topStarts = scope.childIds.flatMap((childId) => {
    const element = b.elements.get(childId);
    return element?.kind === 'startEvent' ? [element] : [];
  });
  if (topStarts.length === 0) b.fail(id, 'a process needs at least one start event');
  const startsOf = (type: string) =>
    topStarts.filter((start) => start.eventDefinition.type === type).map((start) => start.id);
  const messageNames = new Set<string>();
  for (const start of topStarts) {
    if (start.eventDefinition.type !== 'message') continue;
    const name = start.eventDefinition.message.name.source;
    if (messageNames.has(name))
      b.fail(start.id, `another message start event already uses the message '${name}'`);
    messageNames.add(name);
  }
  const versionTag = extension(process, 'zeebe:VersionTag');
  return {
    id,
    name: attr(process, 'name') ?? null,
    versionTag: (versionTag && attr(versionTag, 'value')) || null,
    resourceName,
    elements: b.elements,
    flows: b.flows,
    ...scope,
    startEventIds: topStarts.map((start) => start.id),
    timerStartEventIds: startsOf('timer'),
    messageStartEventIds: startsOf('message'),
    signalStartEventIds: startsOf('signal'),
  };
}

export async function parseBpmn(
  xml: string,
  resourceName: string,
  options: ParseOptions = {},
): Promise<ProcessModel[]> {
  try {
    return await parseChecked(xml, resourceName, options);
  } catch (error) {
    // Safety net behind the depth check: a resource that still exhausts the stack is the client's, not a crash.
    if (!(error instanceof RangeError)) throw error;
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Invalid BPMN resource '${resourceName}': too deeply nested to read (${error.message})`,
      { resourceName },
    );
  }
}

async function parseChecked(
  xml: string,
  resourceName: string,
  options: ParseOptions,
): Promise<ProcessModel[]> {
  const { rootElement } = await readXml(xml, resourceName);
  const processes = list(rootElement, 'rootElements').filter((element) => element.$type === 'bpmn:Process');
  const executable = processes.filter((process) => boolAttr(process, 'isExecutable') === true);
  if (executable.length === 0) {
    throw invalidBpmn(
      resourceName,
      processes[0]?.id ?? '(document)',
      'the resource contains no executable process (isExecutable="true")',
    );
  }
  const ids = new Set<string>();
  return executable.map((process) => {
    const id = process.id;
    if (!id) throw invalidBpmn(resourceName, '(process)', 'a process has no id');
    if (ids.has(id)) throw invalidBpmn(resourceName, id, 'the process id is used twice');
    ids.add(id);
    return buildProcess(process, resourceName, options);
  });
}
