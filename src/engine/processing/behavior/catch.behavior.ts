/**
 * Thrown errors and escalations, and event sub-processes started by any trigger. The catcher (CatchFinder) is a
 * boundary event, which interrupts or forks its activity, or an event sub-process start, which interrupts or forks
 * its scope.
 */
import type { Variables } from '../../engine-api.js';
import type { FlowElement } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { StateWriter } from '../../state/state-writer.js';
import { CatchFinder, type CatchResult } from './catch-finder.js';
import type { ElementLookup } from './element-lookup.js';
import type { FlowBehavior } from './flow.behavior.js';
import type { SubscriptionBehavior } from './subscription.behavior.js';
import type { TerminationBehavior } from './termination.behavior.js';

export class CatchBehavior {
  private readonly finder: CatchFinder;

  constructor(
    private readonly lookup: ElementLookup,
    private readonly writer: StateWriter,
    private readonly flow: FlowBehavior,
    private readonly termination: TerminationBehavior,
    private readonly subscriptions: SubscriptionBehavior,
  ) {
    this.finder = new CatchFinder(lookup);
  }

  startEventSubProcess(
    scope: ElementInstanceRecord,
    eventSubProcess: FlowElement,
    variables: Variables,
  ): void {
    if (eventSubProcess.kind !== 'eventSubProcess') return;
    if (eventSubProcess.interrupting) {
      this.subscriptions.closeAll(scope.key);
      for (const child of this.lookup.childrenOf(scope.key)) this.termination.terminate(child);
      scope.joinTokens = [];
      scope.interrupted = true;
      this.writer.updateElement(scope);
    }
    this.flow.activate(eventSubProcess, scope, { eventVariables: variables });
  }

  /** An error thrown by a job or an error end event; false when nothing catches it. */
  throwError(source: ElementInstanceRecord, code: string, variables: Variables): boolean {
    const found = this.finder.find(source, 'error', code);
    if (!found) return false;
    this.applyCatch(found, variables, true);
    return true;
  }

  /** Escalations: uncaught is fine; returns whether the thrower was interrupted. */
  throwEscalation(source: ElementInstanceRecord, code: string): { caught: boolean; interrupted: boolean } {
    const found = this.finder.find(source, 'escalation', code);
    if (!found) return { caught: false, interrupted: false };
    const interrupting = found.interrupting;
    this.applyCatch(found, {}, interrupting);
    return { caught: true, interrupted: interrupting };
  }

  private applyCatch(found: CatchResult, variables: Variables, interrupting: boolean): void {
    if (found.kind === 'boundary') {
      const scope = this.lookup.flowScope(found.owner);
      if (!scope) return;
      if (interrupting) this.termination.terminate(found.owner);
      this.flow.activate(found.element, scope, { eventVariables: variables });
      return;
    }
    this.startEventSubProcess(found.owner, found.element, variables);
  }
}
