import { Type } from '@sinclair/typebox';
import { DocumentDataError } from '../../app/documents/index.js';
import { BadInputError } from '../runtime/business-error.js';
import { TEMPLATES, type Vars } from '../support/document-content.js';
import { defineWorker, requireHeader } from '../runtime/worker-definition.js';

// Personnel data: only the bodies of the process and the nominating organisation (processes/README.md).
const PERSONNEL_GROUPS = ['ban-to-chuc', 'ubkt', 'thuong-truc', 'btv', 'van-phong'];

function audienceOf(mauVanBan: string, vars: Vars): string[] | null {
  if (mauVanBan !== 'van-ban-cho-y-kien-nhan-su') return null;
  const unit = (vars.unit ?? {}) as { group?: unknown; headGroup?: unknown };
  const own = [unit.group, unit.headGroup].filter((g): g is string => typeof g === 'string');
  return [...PERSONNEL_GROUPS, ...own];
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
    const id = `${job.processInstanceKey}-${mauVanBan}`;
    const tenTep = `${template.fileName}-${job.variables.soKyHieu.replace(/[^0-9A-Za-z]+/g, '-')}.docx`;
    await records.saveDocument(
      {
        audienceGroups: audienceOf(mauVanBan, job.variables as unknown as Vars),
        key: id,
        mauVanBan,
        tenTep,
        soKyHieu: job.variables.soKyHieu,
        processInstanceKey: job.processInstanceKey,
        content,
      },
      clock.now(),
    );
    return { vanBan: { id, mauVanBan, tenTep, soKyHieu: job.variables.soKyHieu } };
  },
});
