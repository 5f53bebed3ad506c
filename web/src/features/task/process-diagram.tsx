import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';
import { viewFor, type Box } from './diagram-view.js';

interface Canvas {
  viewbox(): Box & { scale: number; inner: Box; outer: { width: number; height: number } };
  viewbox(box: Box): void;
  addMarker(id: string, marker: string): void;
  resized(): void;
}

interface ElementRegistry {
  get(id: string): Box | undefined;
}

/** Shows the whole diagram or, when that would be unreadable, the current step at a readable size (diagram-view). */
function showCurrentStep(canvas: Canvas, registry: ElementRegistry, activeElementId?: string): void {
  canvas.resized();
  const { inner, outer } = canvas.viewbox();
  if (outer.width === 0 || outer.height === 0) return;
  const step = activeElementId === undefined ? undefined : registry.get(activeElementId);
  canvas.viewbox(viewFor(outer, inner, step));
}

/**
 * The process diagram with the current step highlighted and in view (the diagram can be dragged and zoomed); the
 * whole diagram, nothing highlighted, once the task is done.
 * bpmn-js is loaded only when a task has a diagram.
 */
export function ProcessDiagram({ bpmnXml, activeElementId }: { bpmnXml: string; activeElementId?: string }) {
  const { t } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const container = host.current;
    if (!container) return;
    let destroy: (() => void) | undefined;
    let alive = true;
    setFailed(false);
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
        const registry = viewer.get<ElementRegistry>('elementRegistry');
        if (activeElementId !== undefined) canvas.addMarker(activeElementId, 'current-step');
        const show = () => showCurrentStep(canvas, registry, activeElementId);
        show();
        // The viewer's size changes as the page settles (the form loads, a phone turns): fitted again each time.
        const resizes = new ResizeObserver(show);
        resizes.observe(container);
        destroy = () => {
          resizes.disconnect();
          viewer.destroy();
        };
      })
      .catch(() => {
        // A process deployed without diagram information (BPMN DI) cannot be drawn.
        if (alive) setFailed(true);
      });
    return () => {
      alive = false;
      destroy?.();
    };
  }, [bpmnXml, activeElementId]);
  return (
    <>
      {failed && <p class="muted">{t.diagramUnavailable}</p>}
      <div ref={host} class="process-diagram" hidden={failed} />
    </>
  );
}
