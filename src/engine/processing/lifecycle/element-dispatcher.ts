/**
 * The dispatcher: drains FlowBehavior's work queue within the command that filled it, turning each item into its
 * lifecycle step. A failed step becomes an incident here (Zeebe: a failure is a value, not an exception); after each
 * step buffered messages may correlate to the subscriptions it opened.
 */
import type { BufferedMessageBehavior } from '../behavior/buffered-message.behavior.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';
import type { IncidentBehavior } from '../behavior/incident.behavior.js';
import type { ElementSteps, FailedStep } from './element-steps.js';
import type { ScopeSteps } from './scope-steps.js';

export class ElementDispatcher {
  constructor(
    private readonly flow: FlowBehavior,
    private readonly elements: ElementSteps,
    private readonly scopes: ScopeSteps,
    private readonly bufferedMessages: BufferedMessageBehavior,
    private readonly incidents: IncidentBehavior,
  ) {}

  run(): void {
    for (let item = this.flow.next(); item; item = this.flow.next()) {
      let failed: FailedStep | null = null;
      if (item.kind === 'activate') failed = this.elements.activate(item.key);
      else if (item.kind === 'complete') failed = this.elements.complete(item.key);
      else if (item.kind === 'flow') this.scopes.takeFlow(item.flow, item.scopeKey);
      else this.scopes.childFinished(item.scopeKey, item.childKey);
      if (failed) {
        const { instance, failure, retry } = failed;
        this.incidents.raise(instance, failure.errorType, failure.message, retry);
      }
      this.bufferedMessages.correlateOpened();
    }
  }
}
