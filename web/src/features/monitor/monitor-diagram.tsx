import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';
import type { ElementCount } from '../../lib/contracts.js';
import { viewFor, type Box } from '../task/diagram-view.js';

interface Canvas {
  addMarker(id: string, marker: string): void;
  viewbox(): Box & { inner: Box; outer: { width: number; height: number } };
  viewbox(box: Box): void;
  resized(): void;
}
interface Overlays {
  add(id: string, overlay: { position: Record<string, number>; html: HTMLElement }): void;
}
interface ElementRegistry {
  get(id: string): Box | undefined;
}

function badge(kind: string, count: number, label: string): HTMLElement {
  const element = document.createElement('span');
  element.className = `monitor-badge monitor-badge--${kind}`;
  element.textContent = String(count);
  element.title = label;
  element.setAttribute('aria-label', label);
  element.setAttribute('data-testid', `badge-${kind}`);
  return element;
}

/**
 * The diagram with Operate's overlays: each element's running tokens (blue, highlighted), incidents (red) and
 * completed instances (grey), and the sequence flows taken drawn green. bpmn-js is loaded only on these pages.
 */
export function MonitorDiagram({
  bpmnXml,
  elements,
  flows = [],
}: {
  bpmnXml: string;
  elements: ElementCount[];
  flows?: string[];
}) {
  const { t } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const container = host.current;
    if (!container) return;
    let alive = true;
    let destroy: (() => void) | undefined;
    void Promise.all([
      import('bpmn-js/lib/NavigatedViewer'),
      import('bpmn-js/dist/assets/diagram-js.css'),
      import('bpmn-js/dist/assets/bpmn-js.css'),
    ])
      .then(async ([{ default: Viewer }]) => {
        if (!alive) return;
        const viewer = new Viewer({ container });
        destroy = () => viewer.destroy();
        await viewer.importXML(bpmnXml);
        const canvas = viewer.get<Canvas>('canvas');
        const overlays = viewer.get<Overlays>('overlays');
        const registry = viewer.get<ElementRegistry>('elementRegistry');
        for (const flow of flows) if (registry.get(flow)) canvas.addMarker(flow, 'monitor-taken');
        for (const count of elements) {
          if (!registry.get(count.elementId)) continue;
          if (count.active > 0) {
            canvas.addMarker(count.elementId, 'monitor-active');
            overlays.add(count.elementId, {
              position: { bottom: 10, left: -8 },
              html: badge('active', count.active, t.overlayActive(count.active)),
            });
          }
          if (count.incidents > 0) {
            canvas.addMarker(count.elementId, 'monitor-incident');
            overlays.add(count.elementId, {
              position: { bottom: 10, right: 8 },
              html: badge('incident', count.incidents, t.overlayIncidents(count.incidents)),
            });
          }
          if (count.completed > 0)
            overlays.add(count.elementId, {
              position: { top: -10, right: 8 },
              html: badge('completed', count.completed, t.overlayCompleted(count.completed)),
            });
        }
        // The whole diagram when it can be read at this size, else the first incident or running step at a
        // readable scale (the task page's rule). A viewer not laid out yet has no size and is left alone.
        const focus =
          elements.find((count) => count.incidents > 0 && registry.get(count.elementId)) ??
          elements.find((count) => count.active > 0 && registry.get(count.elementId));
        const fit = () => {
          if (!alive || container.clientWidth === 0 || container.clientHeight === 0) return;
          canvas.resized();
          const { inner, outer } = canvas.viewbox();
          if (outer.width === 0 || outer.height === 0) return;
          canvas.viewbox(viewFor(outer, inner, focus ? registry.get(focus.elementId) : undefined));
        };
        fit();
        const resizes = new ResizeObserver(fit);
        resizes.observe(container);
        destroy = () => {
          resizes.disconnect();
          viewer.destroy();
        };
      })
      .catch(() => {
        if (alive) setFailed(true);
      });
    return () => {
      alive = false;
      destroy?.();
    };
  }, [bpmnXml, elements, flows, t]);
  return (
    <figure class="monitor-diagram-frame">
      {failed && <p class="muted">{t.diagramUnavailable}</p>}
      <div ref={host} class="monitor-diagram" hidden={failed} data-testid="monitor-diagram" />
      <figcaption class="monitor-legend">
        <span class="monitor-badge monitor-badge--active">n</span> {t.legendActive}
        <span class="monitor-badge monitor-badge--incident">n</span> {t.legendIncident}
        <span class="monitor-badge monitor-badge--completed">n</span> {t.legendCompleted}
      </figcaption>
    </figure>
  );
}
