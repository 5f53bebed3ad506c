import { Type } from '@sinclair/typebox';
import type { ProcessSettingsValues } from '../../shared/contracts/index.js';
import {
  BriefingDeadline,
  EvaluationDeadline,
  PersonnelDeadline,
  ReportDeadline,
} from './deadline.schemas.js';
import { DEFAULT_DOCUMENT_SYMBOLS, DocumentSymbolsSetting } from './document-symbols.schemas.js';
import { StartRulesSetting, defaultStartRules } from './start-rules.schemas.js';

export const SettingsValues = Type.Object(
  {
    baoCaoDanVan: Type.Object(
      { '6-thang': ReportDeadline, nam: ReportDeadline },
      { additionalProperties: false },
    ),
    danhGiaKhenThuong: Type.Object({ nam: EvaluationDeadline }, { additionalProperties: false }),
    giaoBanQuy: Type.Object({ quy: BriefingDeadline }, { additionalProperties: false }),
    yKienNhanSu: PersonnelDeadline,
    startRules: StartRulesSetting,
    documentSymbols: DocumentSymbolsSetting,
  },
  { additionalProperties: false },
);

export const SaveSettingsBody = Type.Object(
  {
    baseVersion: Type.Integer({ minimum: 0 }),
    values: SettingsValues,
    note: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

const reportDefaults = (reportDue: string) => ({
  reportDue,
  reminderDaysBefore: 3,
  collectionGraceDays: 10,
  synthesisDays: 10,
  approvalDays: 7,
});

/** The values the code had before they became settings: version 0, until an administrator saves. */
export const DEFAULT_SETTINGS: ProcessSettingsValues = {
  baoCaoDanVan: { '6-thang': reportDefaults('05-20'), nam: reportDefaults('11-20') },
  danhGiaKhenThuong: {
    // The timer start fires on 15 November: three weeks for the self-evaluation.
    nam: {
      evaluationDue: '12-05',
      reminderDaysBefore: 3,
      collectionGraceDays: 5,
      proposalDays: 7,
      decisionDays: 7,
      issueDays: 5,
    },
  },
  giaoBanQuy: {
    quy: { proposalDays: 5, briefDaysBeforeMeeting: 5, cutoffDaysBeforeMeeting: 2, reminderDaysBefore: 2 },
  },
  yKienNhanSu: { checkDays: 5, appraisalDays: 15, standingReviewDays: 20, decisionDays: 30, issueDays: 35 },
  startRules: defaultStartRules(),
  documentSymbols: DEFAULT_DOCUMENT_SYMBOLS,
};
