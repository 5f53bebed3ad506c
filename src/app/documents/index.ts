export {
  generateSynthesisReport,
  SynthesisReportSchema,
  type SynthesisReportData,
} from './synthesis-report.document.js';
export { DocumentDataError, type DocumentDataProblem } from './document-errors.js';
export { documentNumber, type DocumentKind, type Signature } from './document-data.js';
export {
  formatLongVietnameseDate,
  formatShortVietnameseDate,
  placeDateLine,
  vietnamDay,
  VIETNAM_TIME_ZONE,
} from './vn-date.js';
