/**
 * The processes are the contract between the BPMN, the forms, the app and the job workers. This checks, with
 * bpmn-moddle + zeebe-bpmn-moddle and feelin, what a linter does not: native user tasks link forms that exist,
 * every form is used, every job type is documented in processes/README.md, every element has a Vietnamese name,
 * every FEEL expression (BPMN and forms) parses, and form keys are plain camelCase identifiers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseExpression } from 'feelin';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FORMS_DIR,
  PROCESSES_DIR,
  bpmnFileNames,
  formFileNames,
  parseBpmn,
  walk,
  type ModdleElement,
} from './process-files.js';

interface FormComponent {
  id?: string;
  type: string;
  key?: string;
  path?: string;
  label?: string;
  dateLabel?: string;
  conditional?: { hide?: string };
  components?: FormComponent[];
  values?: { label: string; value: string }[];
  validate?: Record<string, unknown>;
}

interface FormSchema {
  id: string;
  type: string;
  schemaVersion: number;
  executionPlatform?: string;
  executionPlatformVersion?: string;
  components: FormComponent[];
}

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;
const STATIC_GROUPS = new Set(['btv', 'thuong-truc', 'ban-tuyen-giao', 'van-phong', 'ban-to-chuc', 'ubkt']);

function feelErrors(expression: string): boolean {
  let error = false;
  parseExpression(expression, {}, undefined).iterate({
    enter(node) {
      if (node.type.isError) error = true;
    },
  });
  return error;
}

const extensionValues = (el: ModdleElement): ModdleElement[] => {
  const ext = el.extensionElements as ModdleElement | undefined;
  return (ext?.values as ModdleElement[] | undefined) ?? [];
};
const extension = (el: ModdleElement, type: string): ModdleElement | undefined =>
  extensionValues(el).find((v) => v.$type === type);

function loadForm(fileName: string): FormSchema {
  return JSON.parse(readFileSync(`${FORMS_DIR}/${fileName}`, 'utf8')) as FormSchema;
}

function* components(list: FormComponent[]): Generator<FormComponent> {
  for (const c of list) {
    yield c;
    if (c.components) yield* components(c.components);
  }
}

const parsed = new Map<string, ModdleElement[]>();

beforeAll(async () => {
  for (const file of bpmnFileNames()) {
    const { rootElement } = await parseBpmn(file);
    parsed.set(file, [...walk(rootElement)]);
  }
});

const elementsOf = (file: string): ModdleElement[] => parsed.get(file) ?? [];
const readme = (): string => readFileSync(`${PROCESSES_DIR}/README.md`, 'utf8');

describe.each(bpmnFileNames())('%s', (file) => {
  it('is one executable process authored for Camunda 8.8, id = file name', () => {
    const all = elementsOf(file);
    const definitions = all[0];
    expect(definitions?.$type).toBe('bpmn:Definitions');
    const attrs = (definitions?.$attrs ?? {}) as Record<string, string>;
    expect(attrs['modeler:executionPlatform']).toBe('Camunda Cloud');
    expect(attrs['modeler:executionPlatformVersion']).toBe('8.8.0');
    const processes = all.filter((e) => e.$type === 'bpmn:Process');
    expect(processes).toHaveLength(1);
    expect(processes[0]?.isExecutable).toBe(true);
    expect(`${String(processes[0]?.id)}.bpmn`).toBe(file);
    expect(processes[0]?.name).toMatch(VIETNAMESE);
  });

  it('names every flow node in Vietnamese, and every named sequence flow too', () => {
    const unnamed = elementsOf(file)
      .filter((e) => e.$type.startsWith('bpmn:'))
      .filter(
        (e) =>
          e.$type.endsWith('Task') ||
          e.$type.endsWith('Event') ||
          e.$type.endsWith('Gateway') ||
          e.$type === 'bpmn:SubProcess',
      )
      .filter((e) => typeof e.name !== 'string' || !VIETNAMESE.test(e.name))
      .map((e) => e.id);
    expect(unnamed).toEqual([]);
    const flows = elementsOf(file).filter((e) => e.$type === 'bpmn:SequenceFlow' && e.name !== undefined);
    expect(flows.filter((f) => !VIETNAMESE.test(String(f.name))).map((f) => f.id)).toEqual([]);
  });

  it('uses native user tasks only, each linked to a form of forms/ with that id, with candidate groups', () => {
    const tasks = elementsOf(file).filter((e) => e.$type === 'bpmn:UserTask');
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      expect(extension(task, 'zeebe:UserTask'), `${task.id} native`).toBeDefined();
      const formId = extension(task, 'zeebe:FormDefinition')?.formId;
      expect(typeof formId, `${task.id} formId`).toBe('string');
      const path = `${FORMS_DIR}/${String(formId)}.form`;
      expect(existsSync(path), `${task.id}: ${path}`).toBe(true);
      expect(loadForm(`${String(formId)}.form`).id).toBe(formId);
      const groups = extension(task, 'zeebe:AssignmentDefinition')?.candidateGroups;
      expect(typeof groups, `${task.id} candidateGroups`).toBe('string');
      const g = String(groups);
      if (!g.startsWith('=')) {
        for (const one of g.split(','))
          expect(STATIC_GROUPS.has(one.trim()), `${task.id}: ${one}`).toBe(true);
      }
    }
  });

  it('links start forms that exist', () => {
    for (const start of elementsOf(file).filter((e) => e.$type === 'bpmn:StartEvent')) {
      const formId = extension(start, 'zeebe:FormDefinition')?.formId;
      if (formId !== undefined) expect(existsSync(`${FORMS_DIR}/${String(formId)}.form`)).toBe(true);
    }
  });

  it('gives every service and send task a job type documented in processes/README.md', () => {
    const doc = readme();
    const jobs = elementsOf(file).filter(
      (e) => e.$type === 'bpmn:ServiceTask' || e.$type === 'bpmn:SendTask',
    );
    for (const job of jobs) {
      const type = extension(job, 'zeebe:TaskDefinition')?.type;
      expect(String(type), `${job.id}`).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(doc.includes(`\`${String(type)}\``), `job type ${String(type)} in README`).toBe(true);
    }
  });

  it('keeps per-unit work local: user tasks in a multi-instance sub-process map their outputs to its local variables', () => {
    const bodies = elementsOf(file).filter(
      (e) =>
        e.$type === 'bpmn:SubProcess' && (e.loopCharacteristics as ModdleElement | undefined) !== undefined,
    );
    for (const body of bodies) {
      const loop = extensionValues(body.loopCharacteristics as ModdleElement).find(
        (v) => v.$type === 'zeebe:LoopCharacteristics',
      );
      expect(loop?.inputElement, `${String(body.id)} inputElement`).toBeTypeOf('string');
      const io = extension(body, 'zeebe:IoMapping');
      const locals = new Set(
        ((io?.inputParameters as ModdleElement[] | undefined) ?? []).map((i) => String(i.target)),
      );
      const inner = [...walk(body)].filter((e) => e.$type === 'bpmn:UserTask');
      expect(inner.length, `${String(body.id)} user tasks`).toBeGreaterThan(0);
      for (const task of inner) {
        const outputs =
          (extension(task, 'zeebe:IoMapping')?.outputParameters as ModdleElement[] | undefined) ?? [];
        expect(outputs.length, `${String(task.id)} output mappings`).toBeGreaterThan(0);
        for (const o of outputs)
          expect(locals.has(String(o.target)), `${String(task.id)} → ${String(o.target)} local`).toBe(true);
      }
    }
  });

  it('documents every BPMN error code and the process id in processes/README.md', () => {
    const doc = readme();
    for (const err of elementsOf(file).filter((e) => e.$type === 'bpmn:Error')) {
      expect(doc.includes(`\`${String(err.errorCode)}\``), String(err.errorCode)).toBe(true);
    }
    expect(doc.includes(`\`${file.replace('.bpmn', '')}\``)).toBe(true);
  });

  it('writes FEEL expressions that parse (feelin), and conditions on every non-default gateway flow', () => {
    const expressions: [string, string][] = [];
    for (const el of elementsOf(file)) {
      if (el.$type.startsWith('zeebe:')) {
        for (const [key, value] of Object.entries(el)) {
          if (!key.startsWith('$') && typeof value === 'string' && value.startsWith('=')) {
            expressions.push([`${el.$type}.${key}`, value]);
          }
        }
      }
      if (el.$type === 'bpmn:FormalExpression' && typeof el.body === 'string' && el.body.startsWith('=')) {
        expressions.push([String(el.$parent?.$type), el.body]);
      }
    }
    expect(expressions.length).toBeGreaterThan(0);
    const broken = expressions.filter(([, e]) => feelErrors(e.slice(1)));
    expect(broken).toEqual([]);

    for (const gw of elementsOf(file).filter((e) => e.$type === 'bpmn:ExclusiveGateway')) {
      const outgoing = (gw.outgoing as ModdleElement[] | undefined) ?? [];
      if (outgoing.length < 2) continue;
      expect(gw.default, `${gw.id} default flow`).toBeDefined();
      for (const flow of outgoing) {
        if (flow === gw.default) continue;
        expect(flow.conditionExpression, `${flow.id} condition`).toBeDefined();
      }
    }
  });
});

describe('y-kien-nhan-su.bpmn (sensitive personnel data)', () => {
  it('involves only Ban Tổ chức, Ủy ban Kiểm tra, Thường trực, Ban Thường vụ, Văn phòng and the submitting organisation', () => {
    const allowed = new Set(['ban-to-chuc', 'ubkt', 'thuong-truc', 'btv', 'van-phong', '=[unit.group]']);
    const groups = elementsOf('y-kien-nhan-su.bpmn')
      .filter((e) => e.$type === 'zeebe:AssignmentDefinition')
      .map((e) => String(e.candidateGroups));
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.filter((g) => !allowed.has(g))).toEqual([]);
    const notified = elementsOf('y-kien-nhan-su.bpmn')
      .filter((e) => e.$type === 'zeebe:Input' && e.target === 'nhomNhan')
      .map((e) => String(e.source));
    // The organisation hears of the outcome; reminders go to the body whose task is due, never further.
    expect(notified).toContain('=[unit.group, unit.headGroup]');
    const bodyNotices = notified.filter((source) => source !== '=[unit.group, unit.headGroup]');
    expect(bodyNotices.map((source) => source.replace(/^=\["(.+)"\]$/, '$1'))).toEqual(
      bodyNotices.map(() => expect.stringMatching(/^(ban-to-chuc|ubkt|thuong-truc|btv|van-phong)$/)),
    );
  });
});

describe('forms/*.form', () => {
  it('are each listed in processes/README.md with their keys', () => {
    const doc = readme();
    for (const file of formFileNames())
      expect(doc.includes(`\`${file.replace(/\.form$/, '')}\``), file).toBe(true);
  });

  const referenced = async (): Promise<Set<string>> => {
    const ids = new Set<string>();
    for (const file of bpmnFileNames()) {
      for (const el of elementsOf(file)) {
        if (el.$type === 'zeebe:FormDefinition' && typeof el.formId === 'string') ids.add(el.formId);
      }
    }
    return ids;
  };

  it('are every one referenced by a user task or a start event', async () => {
    const ids = await referenced();
    const unused = formFileNames().filter((f) => !ids.has(f.replace(/\.form$/, '')));
    expect(unused).toEqual([]);
  });

  it.each(formFileNames())(
    '%s: form-js schema for Camunda 8.8, plain camelCase keys, labels, valid FEEL',
    (file) => {
      const form = loadForm(file);
      expect(form.id).toBe(file.replace(/\.form$/, ''));
      expect(form.type).toBe('default');
      expect(form.schemaVersion).toBe(19);
      expect(form.executionPlatform).toBe('Camunda Cloud');
      expect(form.executionPlatformVersion).toBe('8.8.0');
      const ids = new Set<string>();
      const keysAtTop = new Set<string>();
      for (const c of components(form.components)) {
        expect(c.id, `${file}: component id`).toBeDefined();
        expect(ids.has(String(c.id)), `${file}: duplicate id ${String(c.id)}`).toBe(false);
        ids.add(String(c.id));
        const key = c.key ?? c.path;
        if (key !== undefined) {
          expect(key, `${file}: key`).toMatch(CAMEL_CASE);
          expect(c.label ?? c.dateLabel, `${file}: ${key} label`).toMatch(VIETNAMESE);
        }
        if (c.conditional?.hide) {
          expect(c.conditional.hide.startsWith('=')).toBe(true);
          expect(feelErrors(c.conditional.hide.slice(1)), `${file}: ${c.conditional.hide}`).toBe(false);
        }
        if (c.type === 'number') {
          expect(c.validate?.min, `${file}: ${String(key)} min`).toBeTypeOf('number');
        }
        if (c.type === 'radio' || (c.type === 'select' && c.values)) {
          expect(c.values?.length, `${file}: ${String(key)} values`).toBeGreaterThan(0);
        }
      }
      // groups without a path do not nest their values: their keys share the form's top level
      const topLevel = (list: FormComponent[]): FormComponent[] =>
        list.flatMap((c) => (c.type === 'group' && c.components ? topLevel(c.components) : [c]));
      for (const c of topLevel(form.components)) {
        const key = c.key ?? c.path;
        if (key) {
          expect(keysAtTop.has(key), `${file}: key ${key} twice`).toBe(false);
          keysAtTop.add(key);
        }
      }
    },
  );
});

/** Variables the job workers return (see processes/README.md, "Job types") or the app sets at start. */
const WORKER_OUTPUTS = [
  'period',
  'units',
  'unit',
  'reportDueDate',
  'reminderDate',
  'collectionDeadline',
  'synthesisDueDate',
  'approvalDueDate',
  'proposalDueDate',
  'briefDueDate',
  'briefReminderDate',
  'briefCutoffDate',
  'evaluationDueDate',
  'decisionDueDate',
  'issueDueDate',
  'checkDueDate',
  'appraisalDueDate',
  'standingReviewDueDate',
  'tongHop',
  'baoCaoId',
  'vanBan',
  'hoSoId',
  'quyetDinhId',
  'loiXacDinhDonVi',
  'donViGiaoViec',
  'baoCaoDotXuatId',
  'directiveDueDate',
  'lanChiDao',
  'lichSuXuLy',
  'moHinhId',
  'donThuId',
  'handlingDueDate',
];

/** Root variable names a FEEL expression reads (not functions, not loop variables, not context keys). */
function rootVariables(expression: string): string[] {
  const names: string[] = [];
  const loopVariables = new Set<string>();
  parseExpression(expression, {}, undefined).iterate({
    enter(node) {
      const text = expression.slice(node.from, node.to);
      if (node.name === 'InExpression') loopVariables.add(text.split(/\s+in\s+/)[0]?.trim() ?? '');
      if (node.name === 'VariableName' && node.node.parent?.name !== 'FunctionInvocation') names.push(text);
    },
  });
  return names.filter((n) => !loopVariables.has(n));
}

describe('variables read by FEEL (BPMN and forms) are produced by a form, a mapping or a documented worker', () => {
  const known = (): Set<string> => {
    // `item`: FEEL's name for the element a filter tests (`list[item.value = x]`).
    const set = new Set<string>([...WORKER_OUTPUTS, 'loopCounter', 'item']);
    for (const file of formFileNames()) {
      for (const c of components(loadForm(file).components)) {
        const key = c.key ?? c.path;
        if (key) set.add(key);
      }
    }
    for (const file of bpmnFileNames()) {
      for (const el of elementsOf(file)) {
        if ((el.$type === 'zeebe:Input' || el.$type === 'zeebe:Output') && typeof el.target === 'string')
          set.add(el.target);
        if (el.$type === 'zeebe:LoopCharacteristics' && typeof el.inputElement === 'string')
          set.add(el.inputElement);
        if (el.$type === 'zeebe:LoopCharacteristics' && typeof el.outputCollection === 'string')
          set.add(el.outputCollection);
      }
    }
    return set;
  };

  it('documents every worker output in processes/README.md', () => {
    const doc = readme();
    for (const name of WORKER_OUTPUTS) expect(doc.includes(`\`${name}\``), name).toBe(true);
  });

  it.each(bpmnFileNames())('%s', (file) => {
    const names = known();
    const unknown: string[] = [];
    for (const el of elementsOf(file)) {
      const exprs: string[] = [];
      if (el.$type.startsWith('zeebe:')) {
        for (const [key, value] of Object.entries(el)) {
          if (!key.startsWith('$') && typeof value === 'string' && value.startsWith('='))
            exprs.push(value.slice(1));
        }
      }
      if (el.$type === 'bpmn:FormalExpression' && typeof el.body === 'string' && el.body.startsWith('=')) {
        exprs.push(el.body.slice(1));
      }
      for (const e of exprs)
        for (const v of rootVariables(e)) if (!names.has(v)) unknown.push(`${v} in ${e}`);
    }
    expect(unknown).toEqual([]);
  });

  it.each(formFileNames())('%s (conditions and text templates)', (file) => {
    const names = known();
    const unknown: string[] = [];
    for (const c of components(loadForm(file).components)) {
      const exprs: string[] = [];
      if (c.conditional?.hide) exprs.push(c.conditional.hide.slice(1));
      const text = (c as { text?: string }).text;
      if (text) for (const m of text.matchAll(/\{\{(.+?)\}\}/g)) exprs.push(m[1] ?? '');
      for (const e of exprs) {
        expect(feelErrors(e), `${file}: ${e}`).toBe(false);
        for (const v of rootVariables(e)) if (!names.has(v)) unknown.push(`${v} in ${e}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});
