import type { ElementProcessor, ExecutableElement } from '../element-processor.js';

/** Containers complete when nothing is left inside them. */
export const completeWhenEmpty: NonNullable<ElementProcessor<ExecutableElement>['onChildFinished']> = (
  ctx,
  _element,
  instance,
) => ctx.flow.completeScopeIfDone(instance);
