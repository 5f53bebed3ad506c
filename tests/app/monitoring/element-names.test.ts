import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { elementNamesOf } from '../../../src/app/monitoring/element-names.js';

describe('element names read from the diagram', () => {
  it('names top-level elements and those inside sub-processes, from the deployed XML alone', async () => {
    const xml = await readFile(new URL('../../../processes/bao-cao-dan-van.bpmn', import.meta.url), 'utf8');
    const names = await elementNamesOf(xml);
    expect(names.get('Task_XacDinhKy')).toBe('Xác định kỳ báo cáo và thời hạn');
    // Inside SubProcess_DonVi.
    expect(names.get('Task_LapBaoCao')).toBe('Lập báo cáo');
    expect(names.get('SubProcess_DonVi')).toBe('Báo cáo của từng đơn vị');
  });

  it('gives no names, rather than failing, for text that is not BPMN', async () => {
    expect((await elementNamesOf('<not-bpmn')).size).toBe(0);
  });
});
