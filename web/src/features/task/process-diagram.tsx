import { useEffect, useRef } from 'preact/hooks';

/**
 * The process diagram with the current step highlighted. bpmn-js is loaded only when a task has a diagram.
 */
export function ProcessDiagram({ bpmnXml, activeElementId }: { bpmnXml: string; activeElementId: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const container = host.current;
    if (!container) return;
    let destroy: (() => void) | undefined;
    let alive = true;
    void Promise.all([
      import('bpmn-js/lib/NavigatedViewer'),
      import('bpmn-js/dist/assets/diagram-js.css'),
      import('bpmn-js/dist/assets/bpmn-js.css'),
    ]).then(async ([{ default: Viewer }]) => {
      if (!alive) return;
      const viewer = new Viewer({ container });
      destroy = () => viewer.destroy();
      await viewer.importXML(bpmnXml);
      const canvas = viewer.get<{ zoom(mode: string): void; addMarker(id: string, marker: string): void }>(
        'canvas',
      );
      canvas.zoom('fit-viewport');
      canvas.addMarker(activeElementId, 'current-step');
    });
    return () => {
      alive = false;
      destroy?.();
    };
  }, [bpmnXml, activeElementId]);
  return <div ref={host} class="process-diagram" />;
}
