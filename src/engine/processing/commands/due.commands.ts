/**
 * What the scheduler hands over when something fell due. The timer's removal (or its advance to the next cycle)
 * is written in the same batch as its effect, so after a crash a timer either fired and is gone, or did not fire
 * and fires once after restart.
 */
import type { DueEntry, DueKind } from '../scheduler.js';
import type { ProcessingContext } from '../processing-context.js';
import type { MessageCommands } from './message.commands.js';

export class DueCommands {
  private readonly handlers: Record<DueKind, (key: string, now: number) => void>;

  constructor(
    private readonly ctx: ProcessingContext,
    messages: MessageCommands,
  ) {
    this.handlers = {
      timer: (key, now) => this.fireTimer(key, now),
      jobDeadline: (key, now) => ctx.jobs.onDeadline(key, now),
      jobRetry: (key, now) => ctx.jobs.onRetryDue(key, now),
      messageTtl: (key, now) => messages.expire(key, now),
    };
  }

  handle(entries: DueEntry[], now: number): void {
    for (const entry of entries) this.handlers[entry.kind](entry.key, now);
  }

  private fireTimer(key: string, now: number): void {
    const { state, subscriptions, triggers, instances } = this.ctx;
    const timer = state.timers.get(key);
    if (!timer || timer.dueDate > now) return;
    if (timer.elementInstanceKey === null) {
      const definition = state.definitions.get(timer.processDefinitionKey);
      if (definition && !definition.deleted)
        instances.create(definition, {}, { startElementIds: [timer.targetElementId] });
    } else {
      const owner = state.elements.get(timer.elementInstanceKey);
      if (owner) triggers.trigger(owner, timer.targetElementId, {});
    }
    const current = state.timers.get(key);
    if (!current) return;
    const next = subscriptions.nextDue(current);
    const ownerAlive =
      current.elementInstanceKey === null ||
      state.elements.get(current.elementInstanceKey)?.state === 'ACTIVATED';
    if (next === null || !ownerAlive) {
      subscriptions.removeTimer(current);
      return;
    }
    current.dueDate = next;
    this.ctx.writer.putTimer(current);
    this.ctx.scheduler.schedule(next, 'timer', key);
  }
}
