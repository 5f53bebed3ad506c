import { randomUUID } from 'node:crypto';
import type { Clock } from '../../lib/clock.js';
import {
  compileForm,
  fileFieldValues,
  submissionError,
  validateSubmission,
  type FormJsSchema,
} from '../forms/index.js';
import type { Membership } from '../http/route.types.js';
import type { UnitRef } from '../organisation/index.js';
import { processNotFound, startForbidden } from './process-start.errors.js';
import { startOperationReference, type ProcessStarter } from './process-start.port.js';
import type { ProcessStartStore } from './process-start.store.js';
import type { StartAttachments } from './start-attachments.port.js';
import { rulesInForce, type StartRule, type StartRuleOverride } from './process-start.table.js';

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
  /** Checks the files a start form's file fields refer to; without it, a start may carry no file reference. */
  attachments?: StartAttachments;
  /** Who may start what as the settings say now (read at each request); the code's table when not given. */
  startRules?: () => Promise<readonly StartRuleOverride[]>;
}

/** Where a start form's upload goes: the process, its start form and the unit starting it. */
export interface StartPlace {
  processId: string;
  name: string;
  form: FormJsSchema;
  unit: UnitRef;
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
    for (const rule of await this.rules()) if (await this.startingUnit(rule, user)) allowed.push(rule);
    return allowed;
  }

  private async rules(): Promise<StartRule[]> {
    return rulesInForce(this.deps.startRules ? await this.deps.startRules() : []);
  }

  private async ruleOf(processId: string): Promise<StartRule | undefined> {
    return (await this.rules()).find((rule) => rule.processId === processId);
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
    const rule = await this.ruleOf(processId);
    if (!rule) throw processNotFound();
    const unit = await this.startingUnit(rule, user);
    if (!unit) throw startForbidden();
    const form = await this.deps.loadForm(rule.startFormId);
    const now = this.deps.clock.now();
    const result = validateSubmission(compileForm(form), data, {}, { now });
    if (!result.ok) throw submissionError(result.errors);
    const files = await this.checkFiles(user, rule.processId, form, result.value);
    const variables: Record<string, unknown> = { ...files.values };
    if (rule.serverVariables.includes('unit')) variables.unit = unit;
    else delete variables.unit;
    const processInstanceKey = await this.deps.starter.start(
      rule.processId,
      variables,
      startOperationReference(user.username, rule.processId, requestId),
    );
    await this.deps.attachments?.started(files.fileIds, processInstanceKey, unit.group);
    await this.deps.store.record({
      at: now,
      actor: user.username,
      actorName: user.fullName,
      processId: rule.processId,
      processInstanceKey,
    });
    return { processInstanceKey };
  }

  /**
   * Where a file chosen in the start form goes, for a user who may start the process (404 for a process not started
   * by hand, 403 for a user whose units and roles may not start it).
   */
  async startPlace(user: Starter, processId: string): Promise<StartPlace> {
    const rule = await this.ruleOf(processId);
    if (!rule) throw processNotFound();
    const unit = await this.startingUnit(rule, user);
    if (!unit) throw startForbidden();
    return {
      processId: rule.processId,
      name: rule.name,
      form: await this.deps.loadForm(rule.startFormId),
      unit,
    };
  }

  /** The file fields' references checked (422 per field when one is not the starter's upload for this form). */
  private async checkFiles(
    user: Starter,
    processId: string,
    form: FormJsSchema,
    values: Record<string, unknown>,
  ): Promise<{ values: Record<string, unknown>; fileIds: string[] }> {
    if (this.deps.attachments) {
      const checked = await this.deps.attachments.check(user, processId, form, values);
      if (checked.errors.length > 0)
        throw submissionError(checked.errors.map((error) => ({ ...error, code: 'FORM_INVALID' as const })));
      return checked;
    }
    const referring = fileFieldValues(form, values).filter(
      ({ value }) => Array.isArray(value) && value.length > 0,
    );
    if (referring.length > 0)
      throw submissionError(
        referring.map(({ field }) => ({
          field,
          code: 'FORM_INVALID' as const,
          message: 'Máy chủ này không nhận tệp đính kèm.',
        })),
      );
    return { values, fileIds: [] };
  }

  /**
   * The first of the user's units (with an allowed role) the rule lets start the process: a unit it lists, or a unit of
   * a kind it lists (either list suffices when both are given; a rule with neither list lets any unit start).
   */
  private async startingUnit(rule: StartRule, user: Starter): Promise<UnitRef | undefined> {
    const unrestricted = !rule.units && !rule.kinds;
    for (const membership of user.memberships) {
      if (!membership.roles.some((role) => (rule.roles as readonly string[]).includes(role))) continue;
      const listed = rule.units?.includes(membership.unitCode) ?? false;
      if (!unrestricted && !listed && !rule.kinds?.length) continue;
      const unit = await this.deps.unitOf(membership.unitCode);
      if (!unit) continue;
      if (!unrestricted && !listed && !rule.kinds?.includes(unit.kind)) continue;
      return unit;
    }
    return undefined;
  }
}
