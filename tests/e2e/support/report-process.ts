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

export const reportProcessXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
  xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
  id="Definitions_${REPORT_PROCESS_ID}" targetNamespace="http://bpmn.io/schema/bpmn"
  modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="${REPORT_PROCESS_ID}" name="Báo cáo thử" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="lapBaoCao" name="Lập báo cáo công tác dân vận">
      <bpmn:extensionElements>
        <zeebe:userTask />
        <zeebe:assignmentDefinition candidateGroups="${REPORT_GROUP}" />
        <zeebe:formDefinition formId="${REPORT_FORM_ID}" />
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="lapBaoCao" />
    <bpmn:sequenceFlow id="f2" sourceRef="lapBaoCao" targetRef="end" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_1">
    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="${REPORT_PROCESS_ID}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="lapBaoCao_di" bpmnElement="lapBaoCao"><dc:Bounds x="190" y="78" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="350" y="100" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="190" y="118" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="290" y="118" /><di:waypoint x="350" y="118" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
