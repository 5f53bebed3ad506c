import type { Messages } from '../../../i18n/messages.types.js';
import type { AdminSector, AdminUnitKind } from '../../../lib/contracts.js';

export function kindLabel(kind: AdminUnitKind, t: Messages): string {
  return { ban: t.unitKindBan, 'doan-the': t.unitKindDoanThe, 'co-so': t.unitKindCoSo }[kind];
}

export function sectorLabel(sector: AdminSector | undefined, t: Messages): string {
  if (!sector) return '';
  return {
    'co-quan': t.sectorCoQuan,
    'don-vi-su-nghiep': t.sectorSuNghiep,
    'doanh-nghiep': t.sectorDoanhNghiep,
  }[sector];
}
