import { expect } from 'vitest';
import { eventually, type ApiResponse, type HttpClient } from '../../support/harness/index.js';
import {
  element,
  endEvent,
  extensions,
  flow,
  processResource,
  processXml,
  startEvent,
  userTask,
} from '../../support/harness/index.js';

/**
 * Small processes shaped as the real ones where attachments matter: a reporting period (one instance, a chain of
 * tasks per unit: the unit drafts with a signed scan, Ban Tuyên giáo reviews) and a personnel opinion under the real
 * process id `y-kien-nhan-su` (whose data only its readers see: the organisation supplements its dossier, Ban Tổ chức
 * checks it).
 */
export const REPORT_PROCESS_ID = 'dinh-kem-bao-cao';
export const PERSONNEL_PROCESS_ID = 'y-kien-nhan-su';
export const ACCEPT = '.pdf,.doc,.docx,.xlsx,.jpg,.jpeg,.png';

const draftForm = {
  id: 'dinh-kem-lap',
  type: 'default',
  components: [
    { type: 'textfield', id: 'Field_ghiChu', key: 'ghiChu', label: 'Ghi chú' },
    {
      type: 'filepicker',
      id: 'Field_banKy',
      key: 'banKy',
      label: 'Bản scan đã ký',
      multiple: true,
      accept: ACCEPT,
    },
    {
      type: 'group',
      id: 'Group_phuLuc',
      path: 'phuLuc',
      label: 'Phụ lục',
      components: [{ type: 'filepicker', id: 'Field_tep', key: 'tep', label: 'Tệp phụ lục', accept: ACCEPT }],
    },
  ],
};

const reviewForm = {
  id: 'dinh-kem-xem-xet',
  type: 'default',
  components: [{ type: 'textfield', id: 'Field_nhanXet', key: 'nhanXet', label: 'Nhận xét' }],
};

const dossierForm = {
  id: 'dinh-kem-ho-so',
  type: 'default',
  components: [
    { type: 'filepicker', id: 'Field_hoSo', key: 'hoSo', label: 'Hồ sơ', multiple: true, accept: ACCEPT },
  ],
};

const reportXml = processXml(
  REPORT_PROCESS_ID,
  [
    startEvent('start'),
    element(
      'bpmn:subProcess',
      { id: 'donVi' },
      element(
        'bpmn:multiInstanceLoopCharacteristics',
        {},
        extensions(element('zeebe:loopCharacteristics', { inputCollection: '=units', inputElement: 'unit' })),
      ),
      startEvent('donViStart'),
      userTask('lap', { name: 'Lập báo cáo', candidateGroups: '=[unit.group]', formId: draftForm.id }),
      userTask('xemXet', {
        name: 'Ban Tuyên giáo xem xét',
        candidateGroups: 'ban-tuyen-giao',
        formId: reviewForm.id,
      }),
      endEvent('donViEnd'),
      flow('donViStart', 'lap', { id: 'd1' }),
      flow('lap', 'xemXet', { id: 'd2' }),
      flow('xemXet', 'donViEnd', { id: 'd3' }),
    ),
    endEvent('end'),
    flow('start', 'donVi', { id: 'f1' }),
    flow('donVi', 'end', { id: 'f2' }),
  ],
  { name: 'Báo cáo có tệp đính kèm (thử)' },
);

const personnelXml = processXml(
  PERSONNEL_PROCESS_ID,
  [
    startEvent('start'),
    userTask('boSung', { name: 'Bổ sung hồ sơ', candidateGroups: '=[unit.group]', formId: dossierForm.id }),
    userTask('kiemTra', {
      name: 'Ban Tổ chức kiểm tra hồ sơ',
      candidateGroups: 'ban-to-chuc',
      formId: reviewForm.id,
    }),
    // The dossier's form again (a return for more information): it opens with the files already held.
    userTask('boSungLai', {
      name: 'Bổ sung lần hai',
      candidateGroups: '=[unit.group]',
      formId: dossierForm.id,
    }),
    endEvent('end'),
    flow('start', 'boSung', { id: 'f1' }),
    flow('boSung', 'kiemTra', { id: 'f2' }),
    flow('kiemTra', 'boSungLai', { id: 'f3' }),
    flow('boSungLai', 'end', { id: 'f4' }),
  ],
  { name: 'Cho ý kiến nhân sự (thử)' },
);

export const attachmentResources = [
  processResource(`${REPORT_PROCESS_ID}.bpmn`, reportXml),
  processResource(`${PERSONNEL_PROCESS_ID}.bpmn`, personnelXml),
  ...[draftForm, reviewForm, dossierForm].map((form) => ({
    name: `${form.id}.form`,
    form: Buffer.from(JSON.stringify(form)),
  })),
];

export const unitRef = (kind: 'co-so' | 'doan-the', code: string, name: string) => ({
  code,
  kind,
  name,
  group: `${kind}:${code}`,
  headGroup: `${kind}:${code}:lanh-dao`,
});

/** Files whose first bytes are what their names say (the checks read no further than the signature). */
export const sample = {
  pdf: (size = 2_000) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 0x20)]),
  png: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  jpg: () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]),
  docx: () =>
    Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....word/document.xml....')]),
  xlsx: () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....xl/workbook.xml....')]),
  doc: () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
};

/**
 * A cockpit read of an instance just started: the cockpit reads the engine's searches, which show an instance once
 * it is exported (Camunda 8.8: 1–5 s after), so it is asked again while it answers 404, as a supervisor would reload.
 */
export function cockpitGet(client: HttpClient, path: string): Promise<ApiResponse> {
  return eventually(async () => {
    const answer = await client.get(path);
    expect(answer.status).not.toBe(404);
    return answer;
  });
}
