import { generateModelRecognition, type ModelRecognitionData } from '../../app/documents/index.js';
import { BadInputError } from '../runtime/business-error.js';

type Vars = Record<string, unknown>;
/** Number, date, recipients (the given ones when "Nơi nhận" was left empty) and signature, from the issuing form. */
type CommonOf = (
  fallbackRecipients: string[],
) => Pick<ModelRecognitionData, 'number' | 'issuedAt' | 'recipients' | 'signature'>;

/** The fields the registration form offers (dan-van-kheo-dang-ky, field linhVuc), by their code: Art. 8.4's tasks. */
export const MODEL_FIELD_NAMES: Record<string, string> = {
  'nhiem-vu-chinh-tri': 'Thực hiện nhiệm vụ chính trị, lao động sản xuất kinh doanh',
  'cham-lo-doi-song': 'Chăm lo đời sống người lao động, an sinh xã hội',
  'quy-che-dan-chu': 'Xây dựng, thực hiện quy chế dân chủ ở cơ sở',
  'van-hoa-cong-so': 'Xây dựng văn hóa công sở, văn hóa doanh nghiệp',
  khac: 'Lĩnh vực khác',
};

function text(vars: Vars, key: string, what: string): string {
  const value = vars[key];
  if (typeof value !== 'string' || value.trim().length === 0)
    throw new BadInputError(`biến "${key}" ${value == null ? 'bị thiếu' : 'sai kiểu'} (cần ${what})`);
  return value.trim();
}

const paragraphs = (value: string): string[] =>
  value
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);

/** The recognition notice of a "Dân vận khéo" model (Art. 5, 8.4, 9.2), as Văn phòng issues it. */
export function modelRecognition(vars: Vars, commonOf: CommonOf): Promise<Buffer> {
  const unit = (vars.unit ?? {}) as { name?: unknown };
  if (typeof unit.name !== 'string') throw new BadInputError('biến "unit" bị thiếu (cần đơn vị đăng ký)');
  const fieldCode = text(vars, 'linhVuc', 'lĩnh vực');
  const field = MODEL_FIELD_NAMES[fieldCode];
  if (!field) throw new BadInputError(`lĩnh vực "${fieldCode}" không có trong danh mục`);
  return generateModelRecognition({
    ...commonOf([unit.name, 'Ban Tuyên giáo Đảng ủy Khối', 'Ban Thường vụ Đảng ủy Khối (báo cáo)']),
    unitName: unit.name,
    modelName: text(vars, 'tenMoHinh', 'tên mô hình').replace(/[.]+$/, ''),
    field,
    startedAt: text(vars, 'ngayBatDau', 'ngày bắt đầu thực hiện'),
    participants: typeof vars.soNguoiThamGia === 'number' ? vars.soNguoiThamGia : 0,
    results: paragraphs(text(vars, 'ketQuaDatDuoc', 'kết quả đạt được')),
    assessment: paragraphs(text(vars, 'nhanXetDanhGia', 'nhận xét của Ban Tuyên giáo')),
  });
}
