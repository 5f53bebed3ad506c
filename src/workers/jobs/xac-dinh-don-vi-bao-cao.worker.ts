import { Type } from '@sinclair/typebox';
import { BusinessError } from '../runtime/business-error.js';
import { PeriodSchema } from '../support/shared-schemas.js';
import { defineWorker, requireHeader } from '../runtime/worker-definition.js';

const KIND_ORDER = ['co-so', 'doan-the'];

/** The units that must report: reporting units of the requested kinds active in the organisation directory now. */
export const xacDinhDonViBaoCao = defineWorker({
  type: 'xac-dinh-don-vi-bao-cao',
  input: Type.Object({ period: PeriodSchema }),
  async handle(job, { directory, clock }) {
    const kinds = requireHeader(job, 'loaiDonVi')
      .split(',')
      .map((kind) => kind.trim())
      .filter(Boolean);
    const units = (await directory.reportingUnitsAt(clock.now()))
      .filter((unit) => kinds.includes(unit.kind))
      .sort(
        (a, b) =>
          KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name, 'vi'),
      );
    if (units.length === 0) {
      const message =
        `Không có đơn vị nào (loại ${kinds.join(', ')}) đang hoạt động để thực hiện ${job.variables.period.label}. ` +
        'Hãy kiểm tra danh sách đơn vị trong mô hình tổ chức rồi chọn "Thử lại", hoặc hủy kỳ này.';
      throw new BusinessError('KHONG_CO_DON_VI', message, { loiXacDinhDonVi: message });
    }
    return { units };
  },
});
