import { randomUUID } from 'node:crypto';
import type { Clock } from '../../lib/clock.js';
import { compileForm, submissionError, validateSubmission, type FormJsSchema } from '../forms/index.js';
import type { Membership } from '../http/route.types.js';
import type { UnitRef } from '../organisation/index.js';
import { processNotFound, startForbidden } from './process-start.errors.js';
import { startOperationReference, type ProcessStarter } from './process-start.port.js';
import type { ProcessStartStore } from './process-start.store.js';
import { START_RULES, startRuleOf, type StartRule } from './process-start.table.js';

export interface Starter {
  username: string;
  fullName: string;
  memberships: readonly Membership[];
}

import type { StartableProcess, StartableSummary } from '../../shared/contracts/index.js';

export interface ProcessStartDependencies {
  starter: ProcessStarter;
  store: ProcessStartStore;
  clock: Clock;
  loadForm(formId: string): Promise<FormJsSchema>;
  /** An active unit by code, as the `unit` process variable; undefined when unknown or inactive. */
  unitOf(code: string): Promise<UnitRef | undefined>;
}

/** Starting processes from their start forms, for the units and roles of the start table only. */
export class ProcessStartService {
  constructor(private readonly deps: ProcessStartDependencies) {}

  async startable(user: Starter): Promise<StartableProcess[]> {
    const result: StartableProcess[] = [];
    for (const rule of await this.rulesFor(user)) {
      result.push({
        processId: rule.processId,
        name: rule.name,
        startFormId: rule.startFormId,
        form: await this.deps.loadForm(rule.startFormId),
      });
    }
    return result;
  }

  /** The same list as `startable`, names only (no forms read). */
  async startableSummary(user: Starter): Promise<StartableSummary[]> {
    return (await this.rulesFor(user)).map((rule) => ({ processId: rule.processId, name: rule.name }));
  }

  private async rulesFor(user: Starter): Promise<StartRule[]> {
    const allowed: StartRule[] = [];
    for (const rule of START_RULES) if (await this.startingUnit(rule, user)) allowed.push(rule);
    return allowed;
  }

  /**
   * Checks the rule, validates the data against the start form, adds the server's variables, starts, audits.
   * `requestId` is the browser's id of this start (kept across its retries): a retry starts nothing new.
   */
  async start(
    user: Starter,
    processId: string,
    data: Record<string, unknown>,
    requestId: string = randomUUID(),
  ): Promise<{ processInstanceKey: string }> {
    const rule = startRuleOf(processId);
    if (!rule) throw processNotFound();
    const unit = await this.startingUnit(rule, user);
    if (!unit) throw startForbidden();
    const form = await this.deps.loadForm(rule.startFormId);
    const now = this.deps.clock.now();
    const result = validateSubmission(compileForm(form), data, {}, { now });
    if (!result.ok) throw submissionError(result.errors);
    const variables: Record<string, unknown> = { ...result.value };
    if (rule.serverVariables.includes('unit')) variables.unit = unit;
    else delete variables.unit;
    const processInstanceKey = await this.deps.starter.start(
      rule.processId,
      variables,
      startOperationReference(user.username, rule.processId, requestId),
    );
    await this.deps.store.record({
      at: now,
      actor: user.username,
      actorName: user.fullName,
      processId: rule.processId,
      processInstanceKey,
    });
    return { processInstanceKey };
  }

  /** The first of the user's units (with an allowed role) the rule lets start the process. */
  private async startingUnit(rule: StartRule, user: Starter): Promise<UnitRef | undefined> {
    for (const membership of user.memberships) {
      if (!membership.roles.some((role) => (rule.roles as readonly string[]).includes(role))) continue;
      if (rule.units && !rule.units.includes(membership.unitCode)) continue;
      const unit = await this.deps.unitOf(membership.unitCode);
      if (!unit) continue;
      if (rule.kinds && !rule.kinds.includes(unit.kind)) continue;
      return unit;
    }
    return undefined;
  }
}
