import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.js';

interface Canvas {
  zoom(mode: string): void;
  addMarker(id: string, marker: string): void;
}

/**
 * The process diagram with the current step highlighted. bpmn-js is loaded only when a task has a diagram.
 */
export function ProcessDiagram({ bpmnXml, activeElementId }: { bpmnXml: string; activeElementId: string }) {
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
        canvas.zoom('fit-viewport');
        canvas.addMarker(activeElementId, 'current-step');
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
