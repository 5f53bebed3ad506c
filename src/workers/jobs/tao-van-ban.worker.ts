import { Type } from '@sinclair/typebox';
import { DocumentDataError } from '../../app/documents/index.js';
import { BadInputError } from '../runtime/business-error.js';
import { TEMPLATES, type Vars } from '../support/document-content.js';
import { defineWorker, requireHeader } from '../runtime/worker-definition.js';

// Personnel data: only the bodies of the process and the nominating organisation (processes/README.md).
const PERSONNEL_GROUPS = ['ban-to-chuc', 'ubkt', 'thuong-truc', 'btv', 'van-phong'];

// A reply to a complainant names them: the unit that answers and the bodies Art. 6 and 4.3 name (UBKT, Thường trực, BTV).
const COMPLAINT_GROUPS = ['ubkt', 'thuong-truc', 'btv'];
const SENSITIVE_GROUPS: Record<string, readonly string[]> = {
  'van-ban-cho-y-kien-nhan-su': PERSONNEL_GROUPS,
  'tra-loi-don-thu': COMPLAINT_GROUPS,
};

function audienceOf(mauVanBan: string, vars: Vars): string[] | null {
  const groups = SENSITIVE_GROUPS[mauVanBan];
  if (!groups) return null;
  const unit = (vars.unit ?? {}) as { group?: unknown; headGroup?: unknown };
  const own = [unit.group, unit.headGroup].filter((g): g is string => typeof g === 'string');
  return [...groups, ...own];
}

const unitsOf = (value: unknown): { code: string; name: string }[] =>
  (Array.isArray(value) ? value : [value])
    .filter(
      (u): u is { code: string; name?: unknown } =>
        typeof (u as { code?: unknown } | null)?.code === 'string',
    )
    .map((u) => ({ code: u.code, name: typeof u.name === 'string' ? u.name : u.code }));

/** The units (not Bloc bodies) a direction assigns, by the group the directive form chose and the name it offered. */
function assignedUnits(vars: Vars): { code: string; name: string }[] {
  const offered = Array.isArray(vars.donViGiaoViec)
    ? (vars.donViGiaoViec as { label?: unknown; value?: unknown }[])
    : [];
  const groups = (Array.isArray(vars.phanCong) ? (vars.phanCong as { donViXuLy?: unknown }[]) : [])
    .map((item) => item.donViXuLy)
    .filter((group): group is string => typeof group === 'string' && group.includes(':'));
  return groups.map((group) => {
    const label = offered.find((option) => option.value === group)?.label;
    return { code: group.split(':')[1] ?? group, name: typeof label === 'string' ? label : group };
  });
}

/**
 * The units a document concerns, so their staff find it (records/document-access.ts): the nominating organisation
 * of a personnel opinion; the base organisation whose urgent report a direction answers, and the units it assigns; the units of the round a commendation decision is sent to; the organisations invited to a
 * briefing. A synthesis report is the Bloc's own and concerns no single unit.
 */
function unitsConcerned(mauVanBan: string, vars: Vars): { code: string; name: string }[] {
  if (mauVanBan === 'van-ban-cho-y-kien-nhan-su' || mauVanBan === 'tra-loi-don-thu')
    return unitsOf(vars.unit);
  // The unit whose "Dân vận khéo" model the notice recognises.
  if (mauVanBan === 'cong-nhan-dan-van-kheo') return unitsOf(vars.unit);
  if (mauVanBan === 'y-kien-chi-dao-dot-xuat') {
    const reporting = unitsOf(vars.unit);
    const assigned = assignedUnits(vars).filter((unit) => !reporting.some((r) => r.code === unit.code));
    return [...reporting, ...assigned];
  }
  if (mauVanBan === 'bao-cao-tong-hop-dan-van') return [];
  return unitsOf(vars.units);
}

function metaOf(job: { bpmnProcessId: string }, mauVanBan: string, vars: Vars, ngayBanHanh: string) {
  const period = (vars.period ?? null) as { code?: unknown; label?: unknown } | null;
  return {
    processId: job.bpmnProcessId,
    periodCode: typeof period?.code === 'string' ? period.code : null,
    periodLabel: typeof period?.label === 'string' ? period.label : null,
    units: unitsConcerned(mauVanBan, vars),
    ngayBanHanh,
  };
}

/** Generates an official document (.docx) and files it; keyed by process instance + template, so a retry replaces it. */
export const taoVanBan = defineWorker({
  type: 'tao-van-ban',
  input: Type.Object({
    soKyHieu: Type.String({ minLength: 1 }),
    ngayBanHanh: Type.String({ format: 'date' }),
    nguoiKy: Type.String({ minLength: 1 }),
    chucVuNguoiKy: Type.String({ minLength: 1 }),
    noiNhan: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  }),
  async handle(job, { records, clock }) {
    const mauVanBan = requireHeader(job, 'mauVanBan');
    const template = TEMPLATES[mauVanBan];
    if (!template) throw new BadInputError(`mẫu văn bản "${mauVanBan}" không có`);
    const content = await template
      .build(job.variables as unknown as Vars, job.variables)
      .catch((error: unknown) => {
        // The process's data does not fit the document: a retry would fail the same way.
        if (error instanceof DocumentDataError) throw new BadInputError(error.message);
        throw error;
      });
    // One document per instance and template; a template issued once per round keys each round's own.
    const issue = template.issueOf?.(job.variables as unknown as Vars);
    const id = `${job.processInstanceKey}-${mauVanBan}${issue ? `-${issue}` : ''}`;
    const tenTep = `${template.fileName}-${job.variables.soKyHieu.replace(/[^0-9A-Za-z]+/g, '-')}.docx`;
    await records.saveDocument(
      {
        audienceGroups: audienceOf(mauVanBan, job.variables as unknown as Vars),
        key: id,
        mauVanBan,
        tenTep,
        soKyHieu: job.variables.soKyHieu,
        processInstanceKey: job.processInstanceKey,
        meta: metaOf(job, mauVanBan, job.variables as unknown as Vars, job.variables.ngayBanHanh),
        content,
      },
      clock.now(),
    );
    return { vanBan: { id, mauVanBan, tenTep, soKyHieu: job.variables.soKyHieu } };
  },
});
