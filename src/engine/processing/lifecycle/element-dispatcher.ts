/**
 * The dispatcher: drains FlowBehavior's work queue within the command that filled it, turning each item into its
 * lifecycle step, and after each step lets buffered messages correlate to the subscriptions it opened.
 */
import type { BufferedMessageBehavior } from '../behavior/buffered-message.behavior.js';
import type { FlowBehavior } from '../behavior/flow.behavior.js';
import type { ElementSteps } from './element-steps.js';
import type { ScopeSteps } from './scope-steps.js';

export class ElementDispatcher {
  constructor(
    private readonly flow: FlowBehavior,
    private readonly elements: ElementSteps,
    private readonly scopes: ScopeSteps,
    private readonly bufferedMessages: BufferedMessageBehavior,
  ) {}

  run(): void {
    for (let item = this.flow.next(); item; item = this.flow.next()) {
      if (item.kind === 'activate') this.elements.activate(item.key);
      else if (item.kind === 'complete') this.elements.complete(item.key);
      else if (item.kind === 'flow') this.scopes.takeFlow(item.flow, item.scopeKey);
      else this.scopes.childFinished(item.scopeKey, item.childKey);
      this.bufferedMessages.correlateOpened();
    }
  }
}
