import { describe, expect, it } from 'vitest';
import { READABLE_SCALE, viewFor } from '../../web/src/features/task/diagram-view.js';

const outer = { width: 400, height: 256 };
const scaleOf = (view: { width: number }) => outer.width / view.width;

describe('the part of the process diagram the task page shows', () => {
  it('shows a small diagram whole, never larger than life', () => {
    const view = viewFor(
      outer,
      { x: 100, y: 78, width: 286, height: 80 },
      { x: 190, y: 78, width: 100, height: 80 },
    );
    expect(scaleOf(view)).toBeLessThanOrEqual(1);
    expect(view.x).toBeLessThanOrEqual(100);
    expect(view.x + view.width).toBeGreaterThanOrEqual(386);
  });

  it('shows a wide diagram at a readable scale around the current step, not zoomed out to a stamp', () => {
    const diagram = { x: 150, y: 80, width: 2600, height: 900 };
    const step = { x: 1400, y: 400, width: 100, height: 80 };
    const view = viewFor(outer, diagram, step);
    expect(scaleOf(view)).toBeCloseTo(READABLE_SCALE);
    expect(view.x).toBeLessThanOrEqual(step.x);
    expect(view.x + view.width).toBeGreaterThanOrEqual(step.x + step.width);
    expect(view.y).toBeLessThanOrEqual(step.y);
    expect(view.y + view.height).toBeGreaterThanOrEqual(step.y + step.height);
  });

  it('keeps the view inside the diagram when the step is at its edge (no empty canvas, nothing cut needlessly)', () => {
    const diagram = { x: 150, y: 80, width: 2600, height: 900 };
    const first = { x: 160, y: 90, width: 100, height: 80 };
    const view = viewFor(outer, diagram, first);
    expect(view.x).toBeGreaterThanOrEqual(diagram.x - 20);
    expect(view.y).toBeGreaterThanOrEqual(diagram.y - 20);
    expect(view.x).toBeLessThanOrEqual(first.x);
  });

  it('shows the whole diagram once the task is done (no step)', () => {
    const diagram = { x: 150, y: 80, width: 2600, height: 900 };
    const view = viewFor(outer, diagram);
    expect(view.x).toBeLessThanOrEqual(diagram.x);
    expect(view.x + view.width).toBeGreaterThanOrEqual(diagram.x + diagram.width);
  });
});
