import { Type } from '@sinclair/typebox';
import { groupOf } from '../../app/organisation/index.js';
import { defineWorker } from '../runtime/worker-definition.js';

const KIND_ORDER = ['ban', 'doan-the', 'co-so'];

/**
 * The units a briefing's follow-up action may be given to (Art. 4.2): every active unit of the organisation — the
 * Bloc's bodies, the mass organisations and the base Party organisations — as form-js options `{ label, value }`,
 * the value being the unit's candidate group (the owner's task goes to it).
 */
export const danhSachDonViGiaoViec = defineWorker({
  type: 'danh-sach-don-vi-giao-viec',
  input: Type.Object({}),
  async handle(_job, { directory }) {
    const units = (await directory.units.list()).sort(
      (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name, 'vi'),
    );
    return { donViGiaoViec: units.map((unit) => ({ label: unit.name, value: groupOf(unit) })) };
  },
});
