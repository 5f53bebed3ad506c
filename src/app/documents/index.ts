export {
  generateSynthesisReport,
  SynthesisReportSchema,
  type SynthesisReportData,
} from './synthesis-report.document.js';
export { DocumentDataError, type DocumentDataProblem } from './document-errors.js';
export { type Signature } from './document-data.js';
export { numberLine, recipientLines, signatureLines } from './layout-rules.js';
export {
  generateBriefingConclusion,
  BriefingConclusionSchema,
  type BriefingConclusionData,
} from './briefing-conclusion.document.js';
export {
  generatePersonnelOpinion,
  PersonnelOpinionSchema,
  type PersonnelOpinionData,
} from './personnel-opinion.document.js';
export {
  generateCommendationDecision,
  CommendationDecisionSchema,
  type CommendationDecisionData,
} from './commendation-decision.document.js';
export {
  generateUrgentDirective,
  UrgentDirectiveSchema,
  type UrgentDirectiveData,
} from './urgent-directive.document.js';
export {
  generateModelRecognition,
  ModelRecognitionSchema,
  type ModelRecognitionData,
} from './model-recognition.document.js';
export {
  generateComplaintReply,
  ComplaintReplySchema,
  type ComplaintReplyData,
} from './complaint-reply.document.js';
export {
  generateDocument,
  documentRegistry,
  DOCX_MEDIA_TYPE,
  type DocumentType,
  type DocumentDataByType,
  type GeneratedDocument,
} from './document-registry.js';
export {
  LibreOfficePdfConverter,
  PdfConverterUnavailableError,
  PDF_MEDIA_TYPE,
  findLibreOffice,
  libreOfficePdf,
  type PdfConverter,
} from './pdf-conversion.js';
