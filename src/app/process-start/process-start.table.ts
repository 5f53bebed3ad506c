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
    // Art. 8.4, 9.2: base Party organisations and the mass organisations register their "Dân vận khéo" models.
    processId: 'dan-van-kheo',
    name: 'Đăng ký mô hình "Dân vận khéo"',
    startFormId: 'dan-van-kheo-dang-ky',
    kinds: ['co-so', 'doan-the'],
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

/** Who may start one process, as an administrator saved it (settings startRules). */
export interface StartRuleOverride {
  processId: string;
  units: readonly string[];
  kinds: readonly UnitKind[];
  roles: readonly ('staff' | 'head')[];
}

/**
 * The table with the saved rules in place of the code's who-may-start: the name, start form and server variables stay
 * the code's (they belong to the process's definition). A process without a saved rule keeps the code's; a saved rule
 * for a process no longer started by hand is ignored.
 */
export function rulesInForce(overrides: readonly StartRuleOverride[]): StartRule[] {
  return START_RULES.map((rule) => {
    const saved = overrides.find((override) => override.processId === rule.processId);
    return saved ? { ...rule, units: saved.units, kinds: saved.kinds, roles: saved.roles } : rule;
  });
}
