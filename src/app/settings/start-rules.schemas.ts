import { Type } from '@sinclair/typebox';
import type { StartRuleSettings } from '../../shared/contracts/index.js';
import { UNIT_KINDS } from '../organisation/index.js';
import { START_RULES } from '../process-start/process-start.table.js';

const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9][a-z0-9-]*$' });

/** Who may start one process by hand; the process's name and start form stay in the code's table. */
export const StartRuleSetting = Type.Object(
  {
    processId: Code,
    units: Type.Array(Code, { maxItems: 200, uniqueItems: true }),
    kinds: Type.Array(Type.Union(UNIT_KINDS.map((kind) => Type.Literal(kind))), { uniqueItems: true }),
    roles: Type.Array(Type.Union([Type.Literal('staff'), Type.Literal('head')]), {
      minItems: 1,
      uniqueItems: true,
    }),
  },
  { additionalProperties: false },
);

export const StartRulesSetting = Type.Array(StartRuleSetting, { maxItems: 100 });

/**
 * The code's start table as settings: what applies until an administrator saves. A code rule naming neither units
 * nor kinds lets any unit start; in settings (where both lists are always there, and both empty means nobody) that
 * is every kind.
 */
export function defaultStartRules(): StartRuleSettings[] {
  return START_RULES.map((rule) => ({
    processId: rule.processId,
    units: [...(rule.units ?? [])],
    kinds: !rule.units && !rule.kinds ? [...UNIT_KINDS] : [...(rule.kinds ?? [])],
    roles: [...rule.roles],
  }));
}
