/** The start table as settings: the code's rules become the defaults, and a saved rule replaces who may start only. */
import { describe, expect, it } from 'vitest';
import { START_RULES } from '../../../src/app/process-start/index.js';
import { rulesInForce } from '../../../src/app/process-start/process-start.table.js';
import { DEFAULT_SETTINGS, upgradeSettings } from '../../../src/app/settings/index.js';

describe('start rules as settings', () => {
  it('default to the code table, so nothing changes until an administrator saves', () => {
    const inForce = rulesInForce(DEFAULT_SETTINGS.startRules);
    expect(inForce.map((rule) => rule.processId)).toEqual(START_RULES.map((rule) => rule.processId));
    for (const [index, rule] of inForce.entries()) {
      const code = START_RULES[index]!;
      expect([...(rule.units ?? [])]).toEqual([...(code.units ?? [])]);
      expect(rule.roles).toEqual(code.roles);
      if (code.kinds) expect(rule.kinds).toEqual(code.kinds);
      else if (!code.units) expect(rule.kinds).toEqual(['ban', 'doan-the', 'co-so']);
      expect(rule.startFormId).toBe(code.startFormId);
    }
  });

  it('keep the code name and start form of a saved rule, and give a process added later its default rule', () => {
    const saved = [
      { processId: 'bao-cao-dan-van', units: ['van-phong'], kinds: [], roles: ['head'] as const },
    ];
    const upgraded = upgradeSettings({
      startRules: saved.map((rule) => ({ ...rule, roles: [...rule.roles] })),
    });
    expect(upgraded.startRules).toHaveLength(START_RULES.length);
    const rule = rulesInForce(upgraded.startRules).find((r) => r.processId === 'bao-cao-dan-van')!;
    expect(rule).toMatchObject({ name: 'Báo cáo công tác dân vận', units: ['van-phong'], roles: ['head'] });
    expect(rulesInForce([{ processId: 'khong-con', units: [], kinds: [], roles: ['staff'] }])).toHaveLength(
      START_RULES.length,
    );
  });
});
