import type { FormSchema, TaskDetail } from './inbox.types.js';

/** SAMPLE DATA ONLY, for the placeholder inbox API until the server's inbox endpoints exist. */
export const sampleReportForm: FormSchema = {
  type: 'default',
  id: 'bao-cao-6-thang',
  components: [
    { type: 'text', text: '### Báo cáo công tác dân vận 6 tháng' },
    {
      type: 'textfield',
      id: 'tenBaoCao',
      key: 'tenBaoCao',
      label: 'Tiêu đề báo cáo',
      validate: { required: true, maxLength: 200 },
    },
    {
      type: 'number',
      id: 'soMoHinhDanVan',
      key: 'soMoHinhDanVan',
      label: 'Số mô hình "Dân vận khéo"',
      validate: { required: true, min: 0 },
    },
    {
      type: 'textarea',
      id: 'ketQua',
      key: 'ketQua',
      label: 'Kết quả nổi bật',
      validate: { required: true, minLength: 20 },
    },
    {
      type: 'textfield',
      id: 'emailLienHe',
      key: 'emailLienHe',
      label: 'Email liên hệ',
      validate: { validationType: 'email' },
    },
  ],
};

const now = Date.parse('2026-07-01T02:00:00Z');
const day = 86_400_000;

function sample(index: number): TaskDetail {
  const units = [
    'Chi bộ Sở Tài chính',
    'Đảng bộ Công ty Điện lực Tuyên Quang',
    'Chi bộ Kho bạc Nhà nước tỉnh',
  ];
  const due = now + (index - 2) * 3 * day;
  return {
    id: `mau-${index + 1}`,
    name: index % 2 === 0 ? 'Lập báo cáo công tác dân vận 6 tháng' : 'Duyệt báo cáo công tác dân vận 6 tháng',
    processId: 'bao-cao-dinh-ky',
    processName: 'Báo cáo định kỳ công tác dân vận',
    unitName: units[index % units.length] ?? '',
    period: '6 tháng đầu năm 2026',
    createdAt: new Date(now - (index + 1) * day).toISOString(),
    dueDate: new Date(due).toISOString(),
    priority: [80, 50, 20][index % 3] ?? 50,
    assignee: index === 0 ? 'me' : null,
    form: sampleReportForm,
    data: {},
    draftSavedAt: null,
    canClaim: index !== 0,
    canComplete: index === 0,
    diagram: null,
    history: [
      { at: new Date(now - (index + 1) * day).toISOString(), actor: 'Hệ thống', action: 'Tạo công việc' },
    ],
    comments: [],
  };
}

export function sampleTasks(): TaskDetail[] {
  return Array.from({ length: 7 }, (_, index) => sample(index));
}
