/**
 * Mutable state while one bpmn:process is turned into a ProcessModel, and the one way to reject it:
 * every rejection is an EngineError('INVALID_ARGUMENT') naming the resource, the element id and the reason.
 */
import { EngineError } from '../engine-api.js';
import { compileExpression, type CompileOptions } from '../feel/compile-expression.js';
import type { Expression } from '../feel/feel-expression.js';
import type { FlowElement, SequenceFlow } from './process-model.js';
import { DEFAULT_TIMER_FLOOR_MS } from './timer-floor.js';

export class ProcessBuilder {
  readonly elements = new Map<string, FlowElement>();
  readonly flows = new Map<string, SequenceFlow>();

  constructor(
    readonly resourceName: string,
    readonly processId: string,
    /** Shortest timer duration or cycle a deployment may hold (see timer-floor.ts). */
    readonly timerFloorMs: number = DEFAULT_TIMER_FLOOR_MS,
    readonly checkStaticTimers = true,
  ) {}

  fail(elementId: string, reason: string): never {
    throw invalidBpmn(this.resourceName, elementId, reason);
  }

  /** Compiles an attribute; a compile error rejects the deployment naming the element and the attribute. */
  expression(elementId: string, attribute: string, source: string, options: CompileOptions = {}): Expression {
    const result = compileExpression(source, options);
    if (!result.ok) this.fail(elementId, `${attribute}: ${result.message}`);
    return result.value;
  }

  optionalExpression(
    elementId: string,
    attribute: string,
    source: string | undefined,
    options: CompileOptions = {},
  ): Expression | null {
    return source === undefined || source.trim() === ''
      ? null
      : this.expression(elementId, attribute, source, options);
  }

  addElement(element: FlowElement): void {
    if (this.elements.has(element.id) || this.flows.has(element.id)) {
      this.fail(element.id, 'the id is used by more than one element');
    }
    this.elements.set(element.id, element);
  }
}

export function invalidBpmn(resourceName: string, elementId: string, reason: string): EngineError {
  return new EngineError(
    'INVALID_ARGUMENT',
    `Invalid BPMN resource '${resourceName}': element '${elementId}': ${reason}`,
    { elementId, resourceName },
  );
}
