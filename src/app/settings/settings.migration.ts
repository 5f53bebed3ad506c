import type { ProcessSettingsValues } from '../../shared/contracts/index.js';
import { DEFAULT_SETTINGS } from './settings.schemas.js';

/**
 * A saved version read as the current shape: a version saved before a section existed (the first version held the
 * report deadlines only) gets that section's defaults, and a process added to the code's start table since gets its
 * default start rule. Nothing saved is changed; the defaults are what applied to the missing parts anyway.
 */
export function upgradeSettings(saved: Partial<ProcessSettingsValues>): ProcessSettingsValues {
  const rules = saved.startRules ?? [];
  const missingRules = DEFAULT_SETTINGS.startRules.filter(
    (rule) => !rules.some((kept) => kept.processId === rule.processId),
  );
  const symbols = saved.documentSymbols;
  return {
    baoCaoDanVan: saved.baoCaoDanVan ?? DEFAULT_SETTINGS.baoCaoDanVan,
    danhGiaKhenThuong: saved.danhGiaKhenThuong ?? DEFAULT_SETTINGS.danhGiaKhenThuong,
    giaoBanQuy: saved.giaoBanQuy ?? DEFAULT_SETTINGS.giaoBanQuy,
    yKienNhanSu: saved.yKienNhanSu ?? DEFAULT_SETTINGS.yKienNhanSu,
    startRules: [...rules, ...missingRules],
    documentSymbols: symbols
      ? { ...symbols, processes: { ...DEFAULT_SETTINGS.documentSymbols.processes, ...symbols.processes } }
      : DEFAULT_SETTINGS.documentSymbols,
  };
}
