import type { ModdleElement } from 'bpmn-moddle';
import type { LintProblem } from '../../shared/contracts/index.js';
import { feelBroken } from './feel-check.js';

/** What our own rules check a diagram against: what exists in this installation. */
export interface LintCatalogue {
  jobTypes: ReadonlySet<string>;
  formIds: ReadonlySet<string>;
  candidateGroups: ReadonlySet<string>;
}

const isElement = (value: unknown): value is ModdleElement =>
  typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';

/** Every moddle element under the root, each once, with the nearest flow element's id for reporting. */
function* walk(node: ModdleElement, ownerId: string): Generator<[ModdleElement, string]> {
  const id = typeof node.id === 'string' && !node.$type.startsWith('zeebe:') ? node.id : ownerId;
  yield [node, id];
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('$') || key === 'di' || key === 'diagrams') continue;
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      // Flow references (sourceRef, targetRef, default…) point to elements reached elsewhere: skip them.
      if (isElement(child) && child.$parent === node) yield* walk(child, id);
      else if (isElement(child) && child.$type.startsWith('zeebe:')) yield* walk(child, id);
      else if (isElement(child) && child.$type === 'bpmn:FormalExpression') yield* walk(child, id);
    }
  }
}

/** The quoted names in a FEEL list such as =["thuong-truc", "btv"]: the groups it can name for sure. */
function literalGroups(expression: string): string[] {
  return [...expression.matchAll(/"([^"\\]+)"/g)].map((match) => match[1] ?? '');
}

/**
 * Our rules beside Camunda's: every user task links a form that exists, every job type has a worker, candidate
 * groups exist in the organisation, and every FEEL expression parses.
 */
export function checkOurRules(root: ModdleElement, catalogue: LintCatalogue): LintProblem[] {
  const problems: LintProblem[] = [];
  const error = (elementId: string, rule: string, message: string) =>
    problems.push({ elementId, rule, severity: 'error', message });
  const userTasksWithForm = new Set<string>();
  const userTasks: string[] = [];

  for (const [element, ownerId] of walk(root, '')) {
    if (element.$type === 'bpmn:UserTask') userTasks.push(ownerId);
    if (element.$type === 'zeebe:FormDefinition') {
      const formId = typeof element.formId === 'string' ? element.formId : '';
      if (formId || element.externalReference || element.formKey) userTasksWithForm.add(ownerId);
      if (formId && !catalogue.formIds.has(formId))
        error(ownerId, 'form-exists', `Biểu mẫu "${formId}" không tồn tại (chưa được đưa vào sử dụng).`);
    }
    if (element.$type === 'zeebe:TaskDefinition' && typeof element.type === 'string') {
      const type = element.type;
      if (!type.startsWith('=') && !catalogue.jobTypes.has(type))
        error(ownerId, 'job-has-worker', `Loại công việc tự động "${type}" không có bộ xử lý nào.`);
    }
    if (element.$type === 'zeebe:AssignmentDefinition' && typeof element.candidateGroups === 'string') {
      const value = element.candidateGroups;
      const names = value.startsWith('=')
        ? literalGroups(value)
        : value
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean);
      for (const name of names)
        if (!catalogue.candidateGroups.has(name))
          error(ownerId, 'group-exists', `Nhóm được giao "${name}" không có trong tổ chức.`);
    }
    for (const [key, value] of Object.entries(element)) {
      if (key.startsWith('$')) continue;
      // An attribute or expression body that starts with '=' is FEEL (Camunda 8's convention).
      if (typeof value === 'string' && value.startsWith('=') && feelBroken(value.slice(1)))
        error(ownerId, 'feel-parses', `Biểu thức FEEL không đọc được: ${value.slice(0, 80)}`);
    }
  }
  for (const id of userTasks)
    if (!userTasksWithForm.has(id))
      error(id, 'form-exists', 'Công việc của người dùng chưa liên kết biểu mẫu nào.');
  return problems;
}
