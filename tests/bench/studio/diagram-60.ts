/**
 * A linear process of 31 flow nodes and 30 sequence flows (61 elements), drawn (with DI, which the modeler needs):
 * start, 29 tasks alternating a service task of a real job type and a user task linking a real form, end.
 */
const JOB_TYPES = ['luu-bao-cao', 'gui-thong-bao', 'tao-van-ban', 'tong-hop-bao-cao'];
const FORMS = ['bao-cao-dan-van-lap', 'bao-cao-dan-van-xem-xet', 'bao-cao-dan-van-truong-don-vi-duyet'];
export const BENCH_PROCESS_ID = 'bench-studio-60';
const TASKS = 29;
const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

interface Node {
  id: string;
  open: string;
  tag: string;
  width: number;
  height: number;
}

function taskNode(i: number): Node {
  const id = `Task_${i}`;
  if (i % 2)
    return {
      id,
      tag: 'serviceTask',
      open: `<bpmn:serviceTask id="${id}" name="${esc(`Bước tự động ${i}`)}"><bpmn:extensionElements><zeebe:taskDefinition type="${JOB_TYPES[i % JOB_TYPES.length]}" /></bpmn:extensionElements>`,
      width: 100,
      height: 80,
    };
  return {
    id,
    tag: 'userTask',
    open: `<bpmn:userTask id="${id}" name="${esc(`Bước ${i}`)}"><bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="${FORMS[i % FORMS.length]}" /><zeebe:assignmentDefinition candidateGroups="ban-tuyen-giao" /></bpmn:extensionElements>`,
    width: 100,
    height: 80,
  };
}

// Six nodes to a row: a compact layout like a real diagram's.
const position = (index: number) => ({ x: 100 + (index % 6) * 180, y: 100 + Math.floor(index / 6) * 160 });

export function diagramOf60(): { xml: string; elements: number } {
  const nodes: Node[] = [
    {
      id: 'Start',
      tag: 'startEvent',
      open: '<bpmn:startEvent id="Start" name="Bắt đầu">',
      width: 36,
      height: 36,
    },
    ...Array.from({ length: TASKS }, (_, i) => taskNode(i + 1)),
    { id: 'End', tag: 'endEvent', open: '<bpmn:endEvent id="End" name="Kết thúc">', width: 36, height: 36 },
  ];
  const semantic: string[] = [];
  const flows: string[] = [];
  const shapes: string[] = [];
  const edges: string[] = [];
  nodes.forEach((node, index) => {
    const incoming = index > 0 ? `<bpmn:incoming>Flow_${index}</bpmn:incoming>` : '';
    const outgoing = index < nodes.length - 1 ? `<bpmn:outgoing>Flow_${index + 1}</bpmn:outgoing>` : '';
    semantic.push(`${node.open}${incoming}${outgoing}</bpmn:${node.tag}>`);
    const { x, y } = position(index);
    const top = y + (80 - node.height) / 2;
    shapes.push(
      `<bpmndi:BPMNShape id="${node.id}_di" bpmnElement="${node.id}"><dc:Bounds x="${x}" y="${top}" width="${node.width}" height="${node.height}" /></bpmndi:BPMNShape>`,
    );
    const from = nodes[index - 1];
    if (!from) return;
    const a = position(index - 1);
    flows.push(`<bpmn:sequenceFlow id="Flow_${index}" sourceRef="${from.id}" targetRef="${node.id}" />`);
    edges.push(
      `<bpmndi:BPMNEdge id="Flow_${index}_di" bpmnElement="Flow_${index}"><di:waypoint x="${a.x + from.width}" y="${a.y + 40}" /><di:waypoint x="${x}" y="${y + 40}" /></bpmndi:BPMNEdge>`,
    );
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_bench" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
<bpmn:process id="${BENCH_PROCESS_ID}" name="Quy trình 60 phần tử (đo tải)" isExecutable="true">
${semantic.join('\n')}
${flows.join('\n')}
</bpmn:process>
<bpmndi:BPMNDiagram id="Diagram_bench"><bpmndi:BPMNPlane id="Plane_bench" bpmnElement="${BENCH_PROCESS_ID}">
${shapes.join('\n')}
${edges.join('\n')}
</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
  return { xml, elements: nodes.length + flows.length };
}
