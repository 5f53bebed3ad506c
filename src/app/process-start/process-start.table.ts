import type { UnitKind } from '../organisation/index.js';

/** Who may start a process by hand: members (staff or head) of the listed units, or of any unit of the listed kinds. */
export interface StartRule {
  processId: string;
  /** Vietnamese name shown in the list. */
  name: string;
  startFormId: string;
  units?: readonly string[];
  kinds?: readonly UnitKind[];
  roles: readonly ('staff' | 'head')[];
  /** Variables the server sets itself, never from the form: `unit` = the starter's unit (of an allowed kind). */
  serverVariables: readonly 'unit'[];
}

/** The one table of hand-started processes (processes/README.md, "Start forms" and "Personnel data"). */
export const START_RULES: readonly StartRule[] = [
  {
    processId: 'bao-cao-dan-van',
    name: 'Báo cáo công tác dân vận',
    startFormId: 'bao-cao-dan-van-khoi-tao',
    units: ['ban-tuyen-giao'],
    roles: ['staff', 'head'],
    serverVariables: [],
  },
  {
    processId: 'giao-ban-quy',
    name: 'Giao ban quý',
    startFormId: 'giao-ban-quy-khoi-tao',
    units: ['van-phong', 'ban-tuyen-giao'],
    roles: ['staff', 'head'],
    serverVariables: [],
  },
  {
    processId: 'y-kien-nhan-su',
    name: 'Đề nghị cho ý kiến về nhân sự',
    startFormId: 'y-kien-nhan-su-de-nghi',
    kinds: ['doan-the'],
    roles: ['staff', 'head'],
    serverVariables: ['unit'],
  },
  {
    // Art. 10.3: a base Party organisation reports directly to Ban Thường vụ / Thường trực.
    processId: 'bao-cao-dot-xuat',
    name: 'Báo cáo đột xuất',
    startFormId: 'bao-cao-dot-xuat-bao-cao',
    kinds: ['co-so'],
    roles: ['staff', 'head'],
    serverVariables: ['unit'],
  },
  {
    // Art. 8.3: the committee of a base Party organisation receives citizens, complaints and petitions.
    processId: 'don-thu-kien-nghi',
    name: 'Tiếp nhận đơn thư, kiến nghị',
    startFormId: 'don-thu-kien-nghi-tiep-nhan',
    kinds: ['co-so'],
    roles: ['staff', 'head'],
    serverVariables: ['unit'],
  },
  {
    processId: 'danh-gia-khen-thuong',
    name: 'Đánh giá, khen thưởng năm',
    startFormId: 'danh-gia-khen-thuong-khoi-tao',
    units: ['ban-tuyen-giao'],
    roles: ['staff', 'head'],
    serverVariables: [],
  },
];

export function startRuleOf(processId: string): StartRule | undefined {
  return START_RULES.find((rule) => rule.processId === processId);
}
