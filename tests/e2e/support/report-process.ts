import { element, flow, processXml } from '../../support/harness/bpmn.js';
import { endEvent, startEvent, userTask } from '../../support/harness/bpmn-elements.js';

/** A small report process for the inbox tests: one native user task for Ban Tuyên giáo, with a linked form. */
export const REPORT_PROCESS_ID = 'bao-cao-thu';
export const REPORT_FORM_ID = 'bao-cao-thu-form';
export const REPORT_GROUP = 'ban-tuyen-giao';

export const reportForm = {
  id: REPORT_FORM_ID,
  type: 'default',
  components: [
    {
      type: 'textfield',
      id: 'Field_tieuDe',
      key: 'tieuDe',
      label: 'Tiêu đề báo cáo',
      validate: { required: true },
    },
    {
      type: 'number',
      id: 'Field_soMoHinh',
      key: 'soMoHinh',
      label: 'Số mô hình "Dân vận khéo"',
      validate: { required: true, min: 0, max: 500 },
    },
    {
      type: 'select',
      id: 'Field_ketLuan',
      key: 'ketLuan',
      label: 'Kết luận',
      values: [
        { label: 'Đạt', value: 'dat' },
        { label: 'Chưa đạt', value: 'chua-dat' },
      ],
      validate: { required: true },
    },
    {
      type: 'textfield',
      id: 'Field_lyDo',
      key: 'lyDo',
      label: 'Lý do chưa đạt',
      validate: { required: true },
      conditional: { hide: '=ketLuan != "chua-dat"' },
    },
    // What made the page wider than a phone: a long label (form-js keeps labels on one line) and a table in a text.
    {
      type: 'textarea',
      id: 'Field_vanDeNoiCom',
      key: 'vanDeNoiCom',
      label: 'Những vấn đề nổi cộm, bức xúc của cán bộ, đảng viên và nhân dân trong kỳ báo cáo (nếu có)',
      validate: { required: false },
    },
    {
      type: 'text',
      id: 'Text_soLieu',
      text: '| Chỉ tiêu | Kỳ trước | Kỳ này | Ghi chú về nguồn số liệu |\n|---|---|---|---|\n| Mô hình "Dân vận khéo" được công nhận | 12 | 15 | Báo cáo của các chi bộ trực thuộc |',
    },
  ],
};

const shape = (id: string, x: number, y: number, width: number, height: number) =>
  element(
    'bpmndi:BPMNShape',
    { id: `${id}_di`, bpmnElement: id },
    element('dc:Bounds', { x, y, width, height }),
  );
const edge = (id: string, from: number, to: number) =>
  element(
    'bpmndi:BPMNEdge',
    { id: `${id}_di`, bpmnElement: id },
    element('di:waypoint', { x: from, y: 118 }),
    element('di:waypoint', { x: to, y: 118 }),
  );

/** With its diagram, so the task page can draw it. */
export const reportProcessXml = processXml(
  REPORT_PROCESS_ID,
  [
    startEvent('start'),
    userTask('lapBaoCao', {
      name: 'Lập báo cáo công tác dân vận',
      candidateGroups: REPORT_GROUP,
      formId: REPORT_FORM_ID,
    }),
    endEvent('end'),
    flow('start', 'lapBaoCao', { id: 'f1' }),
    flow('lapBaoCao', 'end', { id: 'f2' }),
  ],
  {
    name: 'Báo cáo thử',
    roots: element(
      'bpmndi:BPMNDiagram',
      { id: 'Diagram_1' },
      element(
        'bpmndi:BPMNPlane',
        { id: 'Plane_1', bpmnElement: REPORT_PROCESS_ID },
        shape('start', 100, 100, 36, 36),
        shape('lapBaoCao', 190, 78, 100, 80),
        shape('end', 350, 100, 36, 36),
        edge('f1', 136, 190),
        edge('f2', 290, 350),
      ),
    ),
  },
);
