import { Type, type Static } from '@sinclair/typebox';
import { CommonFields, DocumentDate, Text } from './document-data.js';
import { checkDocumentData } from './document-input.js';
import {
  bodyParagraph,
  closingBlock,
  dataTable,
  headingBlock,
  packPartyDocument,
  titleBlock,
} from './party-layout.js';
import { formatDate, requireInstant } from '../../shared/vn-date.js';

export const ModelRecognitionSchema = Type.Object(
  {
    ...CommonFields,
    /** The unit that registered the model ("Đảng bộ Sở Tài chính", "Đoàn Thanh niên Khối"). */
    unitName: Text,
    /** The model's name as registered, and its field (Art. 8.4's headings, by name). */
    modelName: Text,
    field: Text,
    startedAt: DocumentDate,
    participants: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    /** What the unit reported it achieved, and Ban Tuyên giáo's assessment, paragraph by paragraph. */
    results: Type.Array(Text, { minItems: 1 }),
    assessment: Type.Array(Text, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type ModelRecognitionData = Static<typeof ModelRecognitionSchema>;

export const MODEL_RECOGNITION_TYPE = 'Thông báo công nhận mô hình "Dân vận khéo"';

/**
 * "Thông báo công nhận mô hình "Dân vận khéo"" (Art. 5, 8.4, 9.2): the model a unit registered, what it achieved,
 * Ban Tuyên giáo's assessment as the standing body of the movement's steering board, and the recognition.
 */
export async function generateModelRecognition(input: ModelRecognitionData): Promise<Buffer> {
  // Typed for callers, checked anyway: the data comes from process variables.
  const data = checkDocumentData(MODEL_RECOGNITION_TYPE, ModelRecognitionSchema, input);
  const model = `“${data.modelName}”`;
  return packPartyDocument(`Thông báo công nhận mô hình “Dân vận khéo” ${model}`, [
    headingBlock({ number: data.number, issuedAt: requireInstant(data.issuedAt) }),
    ...titleBlock('THÔNG BÁO', ['công nhận mô hình “Dân vận khéo”', model]),
    bodyParagraph(
      'Thực hiện Quy chế công tác dân vận ban hành kèm theo Quyết định số 926-QĐ/ĐUK về đẩy mạnh, triển khai sâu ' +
        'rộng phong trào thi đua “Dân vận khéo” (Điều 8.4, Điều 9.2); xét đăng ký và báo cáo kết quả thực hiện mô ' +
        `hình của ${data.unitName}, theo đánh giá của Ban Tuyên giáo Đảng ủy Khối — cơ quan thường trực Ban Chỉ đạo ` +
        'Phong trào thi đua “Dân vận khéo” của Đảng bộ Khối (Điều 5),',
    ),
    bodyParagraph(`1. Công nhận mô hình ${model} của ${data.unitName} là mô hình “Dân vận khéo”.`),
    dataTable(
      ['Lĩnh vực', 'Bắt đầu thực hiện', 'Số người tham gia'],
      [[data.field, formatDate(requireInstant(data.startedAt)), String(data.participants)]],
      [0.56, 0.22, 0.22],
    ),
    bodyParagraph('2. Kết quả thực hiện:'),
    ...data.results.map((paragraph) => bodyParagraph(paragraph)),
    bodyParagraph('3. Đánh giá của Ban Tuyên giáo Đảng ủy Khối:'),
    ...data.assessment.map((paragraph) => bodyParagraph(paragraph)),
    bodyParagraph(
      `Đề nghị ${data.unitName} tiếp tục duy trì, phát huy mô hình; kết quả được tổng hợp vào đánh giá, biểu dương, ` +
        'khen thưởng công tác dân vận hằng năm (Điều 11.4)./.',
    ),
    closingBlock(data.recipients, data.signature),
  ]);
}
