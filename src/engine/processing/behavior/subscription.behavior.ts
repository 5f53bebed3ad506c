/**
 * Event subscriptions owned by an element instance: message (name + correlation key evaluated now), signal and
 * timer. Opened when a catch event, receive task, event-based gateway, boundary-carrying activity or event
 * sub-process scope activates; closed when the owner leaves ACTIVATED.
 */
import type { Clock } from '../../engine-api.js';
import { evaluateCorrelationKey, evaluateString } from '../../feel/evaluate-typed.js';
import type { EventDefinition, MessageDefinition, TimerDefinition } from '../../model/process-model.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { KeyGenerator } from '../../state/key-generator.js';
import type { ElementInstanceRecord, MessageSubscriptionRecord, TimerRecord } from '../../state/records.js';
import type { Scheduler } from '../scheduler.js';
import { parseTimerSchedule } from '../../timer/timer-schedule.js';
import { belowTimerFloor, DEFAULT_TIMER_FLOOR_MS } from '../../model/timer-floor.js';
import { nextDueTime } from '../../timer/next-due-time.js';
import { OK, type StepResult } from '../step-result.js';
import type { VariableBehavior } from './variable.behavior.js';

export interface SubscriptionTarget {
  id: string;
  eventDefinition: EventDefinition;
  interrupting: boolean;
}

export class SubscriptionBehavior {
  /** Message subscriptions opened in this step: buffered messages are checked for them after it. */
  private opened: MessageSubscriptionRecord[] = [];

  constructor(
    private readonly state: EngineStateView,
    private readonly writer: StateWriter,
    private readonly keys: KeyGenerator,
    private readonly clock: Clock,
    private readonly variables: VariableBehavior,
    private readonly scheduler: Scheduler,
  ) {}

  open(owner: ElementInstanceRecord, target: SubscriptionTarget): StepResult {
    const definition = target.eventDefinition;
    if (definition.type === 'message') return this.openMessage(owner, target, definition.message);
    if (definition.type === 'timer') return this.openTimer(owner, target.id, definition.timer);
    if (definition.type === 'signal') {
      const name = evaluateString(definition.signalName, this.variables.context(owner.key));
      if (!name.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: name.message };
      const record = {
        key: this.keys.next(),
        signalName: name.value,
        elementInstanceKey: owner.key,
        processInstanceKey: owner.processInstanceKey,
        processDefinitionKey: owner.processDefinitionKey,
        targetElementId: target.id,
        tenantId: owner.tenantId,
      };
      this.writer.addSignalSubscription(record);
    }
    return OK;
  }

  openMessage(
    owner: ElementInstanceRecord,
    target: SubscriptionTarget,
    message: MessageDefinition,
  ): StepResult {
    const context = this.variables.context(owner.key);
    const name = evaluateString(message.name, context);
    if (!name.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: name.message };
    if (!message.correlationKey) {
      return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: 'Message has no correlation key' };
    }
    const correlationKey = evaluateCorrelationKey(message.correlationKey, context);
    if (!correlationKey.ok) {
      return {
        ok: false,
        errorType: 'EXTRACT_VALUE_ERROR',
        message: `Failed to extract the correlation key for '${message.correlationKey.source}': ${correlationKey.message}`,
      };
    }
    const record: MessageSubscriptionRecord = {
      key: this.keys.next(),
      messageName: name.value,
      correlationKey: correlationKey.value,
      elementInstanceKey: owner.key,
      processInstanceKey: owner.processInstanceKey,
      processDefinitionKey: owner.processDefinitionKey,
      bpmnProcessId: owner.bpmnProcessId,
      targetElementId: target.id,
      interrupting: target.interrupting,
      tenantId: owner.tenantId,
    };
    this.writer.addMessageSubscription(record);
    this.opened.push(record);
    return OK;
  }

  openTimer(
    owner: ElementInstanceRecord | null,
    targetId: string,
    timer: TimerDefinition,
    definitionKey?: string,
  ): StepResult {
    const scopeKey = owner?.key ?? null;
    const value = this.variables.evaluate(timer.expression, scopeKey);
    if (!value.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: value.message };
    if (typeof value.value !== 'string') {
      return {
        ok: false,
        errorType: 'EXTRACT_VALUE_ERROR',
        message: `Expected the timer '${timer.expression.source}' to be a string, but was '${typeof value.value}'`,
      };
    }
    const schedule = parseTimerSchedule(timer.type, value.value);
    if (!schedule.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: schedule.message };
    const tooShort = belowTimerFloor(schedule.value, value.value, timer.floorMs ?? DEFAULT_TIMER_FLOOR_MS);
    if (tooShort) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: tooShort };
    const now = this.clock.now();
    const dueDate = nextDueTime(schedule.value, { anchor: now, lastDue: null, now });
    if (dueDate === null) return { ok: true };
    const record: TimerRecord = {
      key: this.keys.next(),
      dueDate,
      timerType: timer.type,
      source: value.value,
      anchor: now,
      elementInstanceKey: owner?.key ?? null,
      processInstanceKey: owner?.processInstanceKey ?? null,
      processDefinitionKey: owner?.processDefinitionKey ?? definitionKey ?? '',
      targetElementId: targetId,
      tenantId: owner?.tenantId ?? '<default>',
    };
    this.addTimer(record);
    return OK;
  }

  /** After a firing: the next occurrence of a cycle, or null when the timer is spent. */
  nextDue(record: TimerRecord): number | null {
    if (record.timerType !== 'timeCycle') return null;
    const schedule = parseTimerSchedule(record.timerType, record.source);
    if (!schedule.ok) return null;
    return nextDueTime(schedule.value, {
      anchor: record.anchor,
      lastDue: record.dueDate,
      now: this.clock.now(),
    });
  }

  addTimer(record: TimerRecord): void {
    this.writer.putTimer(record);
    this.scheduler.schedule(record.dueDate, 'timer', record.key);
  }

  removeTimer(record: TimerRecord): void {
    this.writer.deleteTimer(record);
  }

  closeMessage(key: string): void {
    const record = this.state.messageSubscriptions.get(key);
    if (!record) return;
    this.writer.deleteMessageSubscription(record);
  }

  /**
   * Opens each target for the owner, or none: on a failure what this call opened is closed again and the failure
   * returned. Answers the keys of the opened subscriptions and timers (for discard).
   */
  openAll(
    owner: ElementInstanceRecord,
    targets: readonly SubscriptionTarget[],
  ): { ok: true; keys: string[] } | { ok: false; message: string } {
    const before = new Set(this.ownedKeys(owner.key));
    for (const target of targets) {
      const result = this.open(owner, target);
      if (result.ok) continue;
      this.discard(this.ownedKeys(owner.key).filter((key) => !before.has(key)));
      return { ok: false, message: result.message };
    }
    return { ok: true, keys: this.ownedKeys(owner.key).filter((key) => !before.has(key)) };
  }

  /** Closes subscriptions and timers just opened (by key), as if never opened: a refused command's undo. */
  discard(keys: readonly string[]): void {
    const discarded = new Set(keys);
    this.opened = this.opened.filter((record) => !discarded.has(record.key));
    for (const key of keys) {
      const message = this.state.messageSubscriptions.get(key);
      if (message) this.writer.deleteMessageSubscription(message);
      const signal = this.state.signalSubscriptions.get(key);
      if (signal) this.writer.deleteSignalSubscription(signal);
      const timer = this.state.timers.get(key);
      if (timer) this.removeTimer(timer);
    }
  }

  private ownedKeys(ownerKey: string): string[] {
    return [
      ...this.state.ownedMessageSubscriptions.list(ownerKey),
      ...this.state.ownedSignalSubscriptions.list(ownerKey),
      ...this.state.ownedTimers.list(ownerKey),
    ];
  }

  takeOpened(): MessageSubscriptionRecord[] {
    const opened = this.opened;
    this.opened = [];
    return opened;
  }

  /** Everything the instance owns. */
  closeAll(ownerKey: string): void {
    for (const key of this.state.ownedMessageSubscriptions.list(ownerKey)) this.closeMessage(key);
    for (const key of this.state.ownedSignalSubscriptions.list(ownerKey)) {
      const record = this.state.signalSubscriptions.get(key);
      if (!record) continue;
      this.writer.deleteSignalSubscription(record);
    }
    for (const key of this.state.ownedTimers.list(ownerKey)) {
      const record = this.state.timers.get(key);
      if (record) this.removeTimer(record);
    }
  }
}
