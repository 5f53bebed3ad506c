/** Native user tasks: wait for completeUserTask. */
import type { UserTask } from '../../model/process-model.js';
import type { ElementProcessor } from '../element-processor.js';

export const userTaskProcessor: ElementProcessor<UserTask> = {
  onActivate: (ctx, element, instance) => ctx.userTasks.create(instance, element),
  onTerminate: (ctx, _element, instance) => ctx.userTasks.finish(instance.userTaskKey, 'CANCELED'),
};
