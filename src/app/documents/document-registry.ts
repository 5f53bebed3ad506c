import { generateBriefingConclusion, type BriefingConclusionData } from './briefing-conclusion.document.js';
import {
  generateCommendationDecision,
  type CommendationDecisionData,
} from './commendation-decision.document.js';
import { numberLine } from './layout-rules.js';
import { generatePersonnelOpinion, type PersonnelOpinionData } from './personnel-opinion.document.js';
import { generateSynthesisReport, type SynthesisReportData } from './synthesis-report.document.js';
import { generateComplaintReply, type ComplaintReplyData } from './complaint-reply.document.js';
import { generateUrgentDirective, type UrgentDirectiveData } from './urgent-directive.document.js';
import { generateModelRecognition, type ModelRecognitionData } from './model-recognition.document.js';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The data each official document is generated from, by document type. */
export interface DocumentDataByType {
  'synthesis-report': SynthesisReportData;
  'briefing-conclusion': BriefingConclusionData;
  'personnel-opinion': PersonnelOpinionData;
  'commendation-decision': CommendationDecisionData;
  'urgent-directive': UrgentDirectiveData;
  'model-recognition': ModelRecognitionData;
  'complaint-reply': ComplaintReplyData;
}
export type DocumentType = keyof DocumentDataByType;

interface DocumentDefinition<T extends DocumentType> {
  /** What the document is called, in Vietnamese, for lists and downloads. */
  readonly title: string;
  /** A short ASCII stem for file names ("bao-cao-tong-hop"). */
  readonly fileStem: string;
  readonly generate: (data: DocumentDataByType[T]) => Promise<Buffer>;
}

export const documentRegistry: { readonly [T in DocumentType]: DocumentDefinition<T> } = {
  'synthesis-report': {
    title: 'Báo cáo tổng hợp kết quả công tác dân vận',
    fileStem: 'bao-cao-tong-hop-cong-tac-dan-van',
    generate: generateSynthesisReport,
  },
  'briefing-conclusion': {
    title: 'Thông báo kết luận giao ban công tác dân vận',
    fileStem: 'thong-bao-ket-luan-giao-ban',
    generate: generateBriefingConclusion,
  },
  'personnel-opinion': {
    title: 'Văn bản cho ý kiến về nhân sự',
    fileStem: 'cho-y-kien-ve-nhan-su',
    generate: generatePersonnelOpinion,
  },
  'commendation-decision': {
    title: 'Quyết định khen thưởng',
    fileStem: 'quyet-dinh-khen-thuong',
    generate: generateCommendationDecision,
  },
  'urgent-directive': {
    title: 'Thông báo ý kiến chỉ đạo của Thường trực Đảng ủy Khối',
    fileStem: 'thong-bao-y-kien-chi-dao',
    generate: generateUrgentDirective,
  },
  'model-recognition': {
    title: 'Thông báo công nhận mô hình "Dân vận khéo"',
    fileStem: 'thong-bao-cong-nhan-dan-van-kheo',
    generate: generateModelRecognition,
  },
  'complaint-reply': {
    title: 'Văn bản trả lời đơn khiếu nại, tố cáo, kiến nghị, phản ánh',
    fileStem: 'van-ban-tra-loi-don',
    generate: generateComplaintReply,
  },
};

export interface GeneratedDocument {
  readonly type: DocumentType;
  readonly title: string;
  /** "Số 12-BC/ĐUK" */
  readonly number: string;
  /** Safe for a Content-Disposition header: ASCII only ("12-BC-DUK-bao-cao-tong-hop-cong-tac-dan-van.docx"). */
  readonly fileName: string;
  readonly mediaType: typeof DOCX_MEDIA_TYPE;
  readonly content: Buffer;
}

/** Generates a document by type (refusing bad data with a DocumentDataError), with what storing it needs. */
export async function generateDocument<T extends DocumentType>(
  type: T,
  data: DocumentDataByType[T],
): Promise<GeneratedDocument> {
  const definition: DocumentDefinition<T> = documentRegistry[type];
  const content = await definition.generate(data);
  return {
    type,
    title: definition.title,
    number: numberLine(data.number),
    fileName: `${asciiStem(data.number)}-${definition.fileStem}.docx`,
    mediaType: DOCX_MEDIA_TYPE,
    content,
  };
}

/** "130-QĐ/ĐUK" → "130-QD-DUK": Vietnamese letters without their marks, anything else a hyphen. */
export function asciiStem(text: string): string {
  return text
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^0-9A-Za-z]+/g, '-')
    .replace(/^-|-$/g, '');
}
