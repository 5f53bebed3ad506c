/** User task commands (REST v2): assign, unassign, update, complete. */
import { EngineError, type UpdateUserTaskCommand, type Variables } from '../../engine-api.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { UserTaskRecord } from '../../state/records.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { CompletionBehavior } from '../behavior/completion.behavior.js';
import type { UserTaskBehavior } from '../behavior/user-task.behavior.js';

export class UserTaskCommands {
  constructor(
    private readonly state: EngineStateView,
    private readonly writer: StateWriter,
    private readonly userTasks: UserTaskBehavior,
    private readonly completion: CompletionBehavior,
  ) {}

  private task(userTaskKey: string): UserTaskRecord {
    const task = this.state.userTasks.get(userTaskKey);
    if (!task)
      throw new EngineError(
        'NOT_FOUND',
        `Expected to find user task with key '${userTaskKey}', but no such task was found`,
      );
    if (task.state !== 'CREATED') {
      throw new EngineError(
        'FAILED_PRECONDITION',
        `Expected user task with key '${userTaskKey}' to be in state CREATED, but it is ${task.state}`,
      );
    }
    return task;
  }

  assign(userTaskKey: string, assignee: string, allowOverride = true): void {
    const task = this.task(userTaskKey);
    if (!assignee) throw new EngineError('INVALID_ARGUMENT', 'Expected an assignee, but it was empty');
    if (!allowOverride && task.assignee && task.assignee !== assignee) {
      throw new EngineError(
        'FAILED_PRECONDITION',
        `Expected to assign user task '${userTaskKey}', but it is already assigned to '${task.assignee}'`,
      );
    }
    task.assignee = assignee;
    this.writer.putUserTask(task);
  }

  unassign(userTaskKey: string): void {
    const task = this.task(userTaskKey);
    task.assignee = null;
    this.writer.putUserTask(task);
  }

  update(command: UpdateUserTaskCommand): void {
    const task = this.task(command.userTaskKey);
    if (
      command.priority !== undefined &&
      (!Number.isInteger(command.priority) || command.priority < 0 || command.priority > 100)
    ) {
      throw new EngineError('INVALID_ARGUMENT', 'Expected priority to be an integer between 0 and 100');
    }
    if (command.dueDate !== undefined) task.dueDate = command.dueDate;
    if (command.followUpDate !== undefined) task.followUpDate = command.followUpDate;
    if (command.candidateGroups !== undefined) task.candidateGroups = [...command.candidateGroups];
    if (command.candidateUsers !== undefined) task.candidateUsers = [...command.candidateUsers];
    if (command.priority !== undefined) task.priority = command.priority;
    this.writer.putUserTask(task);
  }

  complete(userTaskKey: string, variables: Variables | undefined): void {
    const task = this.task(userTaskKey);
    if (
      variables !== undefined &&
      (typeof variables !== 'object' || variables === null || Array.isArray(variables))
    ) {
      throw new EngineError('INVALID_ARGUMENT', 'Expected variables to be a JSON object');
    }
    const instance = this.state.elements.get(task.elementInstanceKey);
    this.userTasks.finish(task.key, 'COMPLETED');
    if (!instance || instance.state !== 'ACTIVATED') return;
    instance.userTaskKey = null;
    this.completion.completeWith(instance, variables);
  }
}
