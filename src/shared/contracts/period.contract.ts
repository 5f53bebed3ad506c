/**
 * The compliance dashboard's contract (src/app/periods): the periods (reporting periods, review rounds, briefing
 * quarters) and, for one of them, every unit's status. Types only.
 */

/** The processes that have periods, by their BPMN process id. */
export type PeriodProcessId = 'bao-cao-dan-van' | 'danh-gia-khen-thuong' | 'giao-ban-quy';

/**
 * Where a unit stands in a period. `late`: its due date has passed and it has not sent yet (it still may);
 * `missing`: the collection closed without its report.
 */
export type UnitStatusCode =
  'not-started' | 'drafting' | 'awaiting-head' | 'submitted' | 'returned' | 'accepted' | 'late' | 'missing';

/** One period: a process instance of a process that has periods. */
export interface PeriodSummary {
  /** The process instance key: the period's stable id in /monitor/periods/:id. */
  id: string;
  processId: PeriodProcessId;
  processName: string;
  /** "6 tháng đầu năm 2026", "Quý II năm 2026"; empty until the period worker has run. */
  label: string;
  periodCode: string;
  /** ACTIVE, COMPLETED, TERMINATED (Camunda's process-instance states). */
  state: string;
  startDate: string;
  endDate: string | null;
  /** Who opened it by hand (the start audit); null for a timer start. */
  startedBy: string | null;
}

/** GET /api/monitor/periods: the periods the user may see, newest first. */
export interface PeriodList {
  items: PeriodSummary[];
}

/** Who holds a unit's step now: the assignee, or the groups it is offered to. */
export interface UnitHolder {
  username: string | null;
  fullName: string | null;
  groups: string[];
  /** The groups as people say them: "Đảng bộ Sở Tài chính", "Lãnh đạo Đảng bộ Sở Tài chính", "Ban Tuyên giáo…". */
  groupNames: string[];
}

export interface UnitStatusRow {
  unitCode: string;
  unitName: string;
  /** co-so or doan-the. */
  unitKind: string;
  status: UnitStatusCode;
  /** The step it is at (the status without the overdue override): a late unit may be drafting or returned. */
  stage: UnitStatusCode;
  /** Sent after its due date, or overdue now. */
  late: boolean;
  /** truong-don-vi or ban-tuyen-giao when the report came back for rework. */
  returnedBy: string | null;
  holder: UnitHolder | null;
  /** The user task open now (a link to it for those who may see it). */
  openTaskKey: string | null;
  openedAt: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  dueDate: string | null;
  /** The unit flagged pressing issues ("vấn đề nổi cộm, bức xúc") in what it sent. */
  pressingIssue: string | null;
  /** The report can be read (sent or accepted). */
  hasReport: boolean;
}

export interface PeriodDocumentLink {
  id: string;
  soKyHieu: string;
  tenTep: string;
  createdAt: string;
}

/** GET /api/monitor/periods/:id. `?status=` filters the rows (the totals stay whole). */
export interface PeriodDashboard {
  period: PeriodSummary;
  /** reportDueDate / evaluationDueDate / briefDueDate, and the collection's closing. */
  dueDate: string | null;
  collectionDeadline: string | null;
  totals: Record<UnitStatusCode, number>;
  unitCount: number;
  rows: UnitStatusRow[];
  pressingIssues: { unitCode: string; unitName: string; text: string }[];
  documents: PeriodDocumentLink[];
}

/** GET /api/monitor/periods/:id/units/:unitCode/report: a unit's sent report, read only, with its form. */
export interface UnitReport {
  unitCode: string;
  unitName: string;
  status: UnitStatusCode;
  formId: string;
  /** The form-js schema the unit filled in, shown read only. */
  schema: unknown;
  data: Record<string, unknown>;
}
