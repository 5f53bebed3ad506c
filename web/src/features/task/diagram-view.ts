export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Below this scale the diagram's names cannot be read. */
export const READABLE_SCALE = 0.75;
/** Never larger than life: a small diagram is not blown up. */
export const MAX_SCALE = 1;
const MARGIN = 20;

/**
 * The part of the diagram to show in a viewer of the given size (in screen pixels): the whole diagram when it can be
 * read at that size; otherwise a readable scale centred on the current step, moved back inside the diagram's bounds
 * so no side shows empty canvas while a part of the process is cut off. Without a step, the whole diagram.
 */
export function viewFor(outer: { width: number; height: number }, diagram: Box, step?: Box): Box {
  const whole = {
    x: diagram.x - MARGIN,
    y: diagram.y - MARGIN,
    width: diagram.width + 2 * MARGIN,
    height: diagram.height + 2 * MARGIN,
  };
  const fit = Math.min(outer.width / whole.width, outer.height / whole.height);
  const scale = step && fit < READABLE_SCALE ? READABLE_SCALE : Math.min(fit, MAX_SCALE);
  const width = outer.width / scale;
  const height = outer.height / scale;
  const centre =
    step && fit < READABLE_SCALE
      ? { x: step.x + step.width / 2, y: step.y + step.height / 2 }
      : { x: whole.x + whole.width / 2, y: whole.y + whole.height / 2 };
  const clamp = (start: number, size: number, min: number, extent: number): number =>
    size >= extent ? min + extent / 2 - size / 2 : Math.min(Math.max(start, min), min + extent - size);
  return {
    x: clamp(centre.x - width / 2, width, whole.x, whole.width),
    y: clamp(centre.y - height / 2, height, whole.y, whole.height),
    width,
    height,
  };
}
