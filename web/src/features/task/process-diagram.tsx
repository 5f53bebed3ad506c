import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';

interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Canvas {
  zoom(mode: string): void;
  viewbox(): ViewBox & { scale: number; outer: { width: number; height: number } };
  viewbox(box: ViewBox): void;
  addMarker(id: string, marker: string): void;
}

interface ElementRegistry {
  get(id: string): { x: number; y: number; width: number; height: number } | undefined;
}

/** Below this scale the diagram's names cannot be read: the view is centred on the current step instead. */
const READABLE_SCALE = 0.7;

/** The whole diagram when it can be read at that size, else the current step at a readable size, in the middle. */
function showCurrentStep(canvas: Canvas, registry: ElementRegistry, activeElementId: string): void {
  canvas.zoom('fit-viewport');
  const fitted = canvas.viewbox();
  const step = registry.get(activeElementId);
  if (fitted.scale >= READABLE_SCALE || !step) return;
  const width = fitted.outer.width / READABLE_SCALE;
  const height = fitted.outer.height / READABLE_SCALE;
  canvas.viewbox({
    x: step.x + step.width / 2 - width / 2,
    y: step.y + step.height / 2 - height / 2,
    width,
    height,
  });
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
        if (activeElementId === undefined) {
          canvas.zoom('fit-viewport');
          return;
        }
        canvas.addMarker(activeElementId, 'current-step');
        showCurrentStep(canvas, viewer.get<ElementRegistry>('elementRegistry'), activeElementId);
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
