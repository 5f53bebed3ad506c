import { ApiProblem, type FieldProblem } from '../../lib/problem.js';
import { priorityLevel } from './inbox-query.js';
import type { FormData, InboxApi, InboxPage, InboxQuery, TaskDetail, TaskSummary } from './inbox.types.js';
import { sampleTasks } from './placeholder-tasks.js';

/**
 * PLACEHOLDER: an in-memory inbox with sample tasks, used until the server's inbox endpoints (src/app/inbox) exist.
 * It mimics the server's answers (403 when not held, 409 when completed twice, 422 with field errors) so the pages
 * can be built and tested against the real contract shapes.
 */
export function createPlaceholderInboxApi(): InboxApi {
  const tasks = new Map(sampleTasks().map((task) => [task.id, task]));
  const completed = new Set<string>();

  const find = (taskId: string): TaskDetail => {
    const task = tasks.get(taskId);
    if (!task) throw new ApiProblem(404, 'not_found', 'Không tìm thấy công việc.');
    return task;
  };

  const matches = (task: TaskSummary, query: InboxQuery): boolean => {
    if (query.processId && task.processId !== query.processId) return false;
    if (query.priority !== 'any' && priorityLevel(task.priority) !== query.priority) return false;
    const due = task.dueDate ? Date.parse(task.dueDate) : Number.POSITIVE_INFINITY;
    if (query.due === 'overdue' && !(due < Date.now())) return false;
    if (query.due === 'soon' && !(due >= Date.now() && due < Date.now() + 7 * 86_400_000)) return false;
    return true;
  };

  const inScope = (task: TaskSummary, scope: InboxQuery['scope']): boolean =>
    scope === 'all' || (scope === 'mine' ? task.assignee === 'me' : task.assignee === null);

  return {
    isPlaceholder: true,

    async list(query): Promise<InboxPage> {
      const open = [...tasks.values()].filter((task) => !completed.has(task.id) && matches(task, query));
      const chosen = open.filter((task) => inScope(task, query.scope));
      const key = (task: TaskSummary): number =>
        query.sort === 'priority'
          ? -task.priority
          : Date.parse((query.sort === 'due' ? task.dueDate : task.createdAt) ?? '9999-12-31');
      chosen.sort((a, b) => key(a) - key(b));
      const start = (query.page - 1) * query.pageSize;
      return {
        items: chosen.slice(start, start + query.pageSize),
        total: chosen.length,
        counts: {
          mine: open.filter((task) => inScope(task, 'mine')).length,
          unclaimed: open.filter((task) => inScope(task, 'unclaimed')).length,
          all: open.length,
        },
        processes: [{ id: 'bao-cao-dinh-ky', name: 'Báo cáo định kỳ công tác dân vận' }],
      };
    },

    async get(taskId) {
      return structuredClone(find(taskId));
    },

    async claim(taskId) {
      const task = find(taskId);
      if (task.assignee && task.assignee !== 'me') throw new ApiProblem(409, 'already_claimed', '');
      Object.assign(task, { assignee: 'me', canClaim: false, canComplete: true });
    },

    async unclaim(taskId) {
      Object.assign(find(taskId), { assignee: null, canClaim: true, canComplete: false });
    },

    async saveDraft(taskId, data) {
      const savedAt = new Date().toISOString();
      Object.assign(find(taskId), { data: structuredClone(data), draftSavedAt: savedAt });
      return { savedAt };
    },

    async complete(taskId, data: FormData) {
      const task = find(taskId);
      if (completed.has(taskId)) throw new ApiProblem(409, 'task_completed', 'Công việc đã được hoàn thành.');
      if (!task.canComplete) throw new ApiProblem(403, 'forbidden', 'Công việc này do người khác nhận.');
      const errors: FieldProblem[] = [];
      const count = data.soMoHinhDanVan;
      if (typeof count === 'number' && count > 500)
        errors.push({
          field: '/soMoHinhDanVan',
          message: 'Số mô hình vượt quá số chi bộ của đơn vị (tối đa 500).',
        });
      if (errors.length > 0) throw new ApiProblem(422, 'invalid_submission', 'Dữ liệu chưa hợp lệ.', errors);
      completed.add(taskId);
    },
  };
}
