/** Native user tasks: wait for completeUserTask. */
import type { UserTask } from '../../model/process-model.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import type { UserTaskBehavior } from '../behavior/user-task.behavior.js';
import type { ElementProcessor } from '../element-processor.js';
import type { StepResult } from '../step-result.js';

export class UserTaskProcessor implements ElementProcessor<UserTask> {
  constructor(private readonly userTasks: UserTaskBehavior) {}

  onActivate(element: UserTask, instance: ElementInstanceRecord): StepResult {
    return this.userTasks.create(instance, element);
  }

  onTerminate(_element: UserTask, instance: ElementInstanceRecord): void {
    this.userTasks.finish(instance.userTaskKey, 'CANCELED');
  }
}
