/** Process settings that change every year (tham số quy trình), edited at /admin/settings. Types only. */
import type { AdminUnitKind } from './admin-organisation.contract.js';

/** The report deadlines of one period kind of bao-cao-dan-van. */
export interface ReportDeadlineSettings {
  /** The usual report deadline in the period's year, "MM-DD" (20 May, 20 November by the regulation's practice). */
  reportDue: string;
  /** Days before the deadline that units are reminded. */
  reminderDaysBefore: number;
  /** Days after the deadline that late reports are still collected. */
  collectionGraceDays: number;
  /** Days Ban Tuyên giáo has for the synthesis after collection closes. */
  synthesisDays: number;
  /** Days for the approval of the synthesis. */
  approvalDays: number;
}

/** The deadlines of the annual review and commendation (danh-gia-khen-thuong), period kind "nam". */
export interface EvaluationDeadlineSettings {
  /** The usual self-evaluation deadline, "MM-DD" (5 December). */
  evaluationDue: string;
  reminderDaysBefore: number;
  collectionGraceDays: number;
  /** Days for Ban Tuyên giáo's commendation proposal after collection closes. */
  proposalDays: number;
  /** Days for the Standing Committee's decision after the proposal. */
  decisionDays: number;
  /** Days to issue the decision after it is taken. */
  issueDays: number;
}

/** The deadlines of the quarterly briefing (giao-ban-quy), period kind "quy". */
export interface BriefingDeadlineSettings {
  /** Days from the start for the meeting's proposal. */
  proposalDays: number;
  /** The mass organisations' briefs are due this many days before the meeting. */
  briefDaysBeforeMeeting: number;
  /** Collection closes this many days before the meeting. */
  cutoffDaysBeforeMeeting: number;
  /** Each organisation is reminded this many days before its brief is due. */
  reminderDaysBefore: number;
}

/** The deadlines of a personnel opinion (y-kien-nhan-su), each counted in days from the nomination's receipt. */
export interface PersonnelDeadlineSettings {
  checkDays: number;
  appraisalDays: number;
  standingReviewDays: number;
  decisionDays: number;
  issueDays: number;
}

/**
 * Who may start a process by hand: members with one of `roles` of a unit listed in `units`, or of any unit of a kind
 * in `kinds`. Both lists empty: nobody may start it.
 */
export interface StartRuleSettings {
  processId: string;
  units: string[];
  kinds: AdminUnitKind[];
  roles: ('staff' | 'head')[];
}

/** Document numbering: "Số 125-BC/ĐUK" = number, the template's kind symbol, the issuer's symbol. */
export interface DocumentSymbolSettings {
  /** The issuing body's symbol after the slash ("ĐUK"). */
  issuer: string;
  /** The kind symbol of the document each process issues ("bao-cao-dan-van" → "BC"). */
  processes: Record<string, string>;
}

export interface ProcessSettingsValues {
  baoCaoDanVan: { '6-thang': ReportDeadlineSettings; nam: ReportDeadlineSettings };
  danhGiaKhenThuong: { nam: EvaluationDeadlineSettings };
  giaoBanQuy: { quy: BriefingDeadlineSettings };
  yKienNhanSu: PersonnelDeadlineSettings;
  startRules: StartRuleSettings[];
  documentSymbols: DocumentSymbolSettings;
}

export interface ProcessSettings {
  version: number;
  values: ProcessSettingsValues;
  updatedBy: string | null;
  updatedAt: string | null;
  note: string;
}

export interface SaveSettingsRequest {
  /** The version the edit started from: a newer one saved meanwhile is a 409, never overwritten. */
  baseVersion: number;
  values: ProcessSettingsValues;
  note: string;
}

export interface SettingsHistory {
  items: ProcessSettings[];
}

/** What the settings page offers to choose from: the processes started by hand, with their Vietnamese names. */
export interface SettingsChoices {
  processes: { processId: string; name: string }[];
}
