import type { PeriodProcessId } from '../../shared/contracts/index.js';

/**
 * Which BPMN element means which step of a unit, per process (processes/README.md). The dashboard reads nothing
 * else of a process's design, so a process that changes its element ids changes this table and nothing more.
 */
export interface PeriodProfile {
  processId: PeriodProcessId;
  /** The per-unit multi-instance sub-process: its inner instances carry `unit`. */
  unitScope: string;
  /** The unit's drafting task; `Lập báo cáo`. */
  draftTask: string;
  /** The unit head's approval, when the process has one. */
  headTask: string | null;
  /** The reviewing body's task, when the process has one; without it a sent report is final. */
  reviewTask: string | null;
  /** The same body's review of a report sent on time but still unreviewed when the collection closed. */
  lateReviewTask: string | null;
  /** Root variables holding the unit's due date and the collection's closing. */
  dueDateVariable: string;
  collectionVariable: string;
  /** Kind of the stored report (records: loaiBaoCao) and the form the unit filled in. */
  loaiBaoCao: string;
  reportForm: string;
  /** Keys of the report's "vấn đề nổi cộm, bức xúc" flag and its text, when the form has them. */
  pressingIssue: { flag: string; text: string } | null;
  /** The template of the document the period ends with (its synthesis, decision or conclusion). */
}

export const PERIOD_PROFILES: Record<PeriodProcessId, PeriodProfile> = {
  'bao-cao-dan-van': {
    processId: 'bao-cao-dan-van',
    unitScope: 'SubProcess_DonVi',
    draftTask: 'Task_LapBaoCao',
    headTask: 'Task_TruongDonViDuyet',
    reviewTask: 'Task_BtgXemXet',
    lateReviewTask: 'Task_BtgXemXetSauHan',
    dueDateVariable: 'reportDueDate',
    collectionVariable: 'collectionDeadline',
    loaiBaoCao: 'bao-cao-dan-van',
    reportForm: 'bao-cao-dan-van-lap',
    pressingIssue: { flag: 'coVanDeBucXuc', text: 'vanDeBucXuc' },
  },
  'danh-gia-khen-thuong': {
    processId: 'danh-gia-khen-thuong',
    unitScope: 'SubProcess_DonVi',
    draftTask: 'Task_TuDanhGia',
    headTask: 'Task_TruongDonViDuyet',
    reviewTask: 'Task_BtgXemXet',
    lateReviewTask: 'Task_BtgXemXetSauHan',
    dueDateVariable: 'evaluationDueDate',
    collectionVariable: 'collectionDeadline',
    loaiBaoCao: 'tu-danh-gia',
    reportForm: 'danh-gia-khen-thuong-tu-danh-gia',
    pressingIssue: null,
  },
  'giao-ban-quy': {
    processId: 'giao-ban-quy',
    unitScope: 'SubProcess_TinhHinh',
    draftTask: 'Task_LapTinhHinh',
    headTask: null,
    reviewTask: null,
    lateReviewTask: null,
    dueDateVariable: 'briefDueDate',
    collectionVariable: 'briefCutoffDate',
    loaiBaoCao: 'tinh-hinh-quy',
    reportForm: 'giao-ban-quy-bao-cao-tinh-hinh',
    pressingIssue: { flag: 'coVanDeBucXuc', text: 'vanDeBucXuc' },
  },
};

export const PERIOD_PROCESS_IDS = Object.keys(PERIOD_PROFILES) as PeriodProcessId[];

export function isPeriodProcess(id: string): id is PeriodProcessId {
  return Object.hasOwn(PERIOD_PROFILES, id);
}
