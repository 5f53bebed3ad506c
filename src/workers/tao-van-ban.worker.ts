import { Type } from '@sinclair/typebox';
import { DocumentDataError } from '../app/documents/index.js';
import { BadInputError } from './business-error.js';
import { TEMPLATES, type Vars } from './document-content.js';
import { defineWorker, requireHeader } from './worker-definition.js';

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
