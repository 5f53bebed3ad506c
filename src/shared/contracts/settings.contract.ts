/** Process settings that change every year (tham số quy trình), edited at /admin/settings. Types only. */

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

export interface ProcessSettingsValues {
  baoCaoDanVan: { '6-thang': ReportDeadlineSettings; nam: ReportDeadlineSettings };
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
