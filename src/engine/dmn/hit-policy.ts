/**
 * A decision table's hit policy and aggregation applied to its matched rules: which rules make the result, and its
 * shape (one value or a list; each a plain value for one output, an object of the outputs' names for several).
 * A hit policy that is violated (UNIQUE with two matches, ANY with different outputs) is a failure value.
 */
import type { DecisionTable } from './decision-model.js';

export interface RuleHit {
  ruleId: string;
  /** 1-based, as Camunda reports it. */
  ruleIndex: number;
  /** One value per output, in output order. */
  values: unknown[];
}

export type HitResult = { ok: true; hits: RuleHit[]; output: unknown } | { ok: false; message: string };

function ruleOutput(table: DecisionTable, hit: RuleHit): unknown {
  if (table.outputs.length === 1) return hit.values[0] ?? null;
  return Object.fromEntries(table.outputs.map((output, index) => [output.name, hit.values[index] ?? null]));
}

/** By the outputs' listed output values, first output first; a value not listed ranks last. Stable. */
function byPriority(table: DecisionTable, hits: RuleHit[]): RuleHit[] {
  const rank = (hit: RuleHit): number[] =>
    table.outputs.map((output, index) => {
      if (output.priorities.length === 0) return 0;
      const at = output.priorities.indexOf(JSON.stringify(hit.values[index] ?? null));
      return at < 0 ? output.priorities.length : at;
    });
  const ranked = hits.map((hit) => ({ hit, rank: rank(hit) }));
  ranked.sort((a, b) => {
    for (let index = 0; index < a.rank.length; index++) {
      const order = a.rank[index]! - b.rank[index]!;
      if (order !== 0) return order;
    }
    return a.hit.ruleIndex - b.hit.ruleIndex;
  });
  return ranked.map((entry) => entry.hit);
}

function aggregate(table: DecisionTable, hits: RuleHit[]): HitResult {
  const aggregation = table.aggregation!;
  const values = hits.map((hit) => hit.values[0] ?? null).filter((value) => value !== null);
  if (aggregation === 'COUNT') return { ok: true, hits, output: values.length };
  if (values.some((value) => typeof value !== 'number'))
    return {
      ok: false,
      message: `Expected the outputs of the matched rules to be numbers for the aggregation ${aggregation}, but found ${values.map((value) => JSON.stringify(value)).join(', ')}`,
    };
  const numbers = values as number[];
  if (numbers.length === 0) return { ok: true, hits, output: null };
  const output =
    aggregation === 'SUM'
      ? numbers.reduce((sum, value) => sum + value, 0)
      : aggregation === 'MIN'
        ? Math.min(...numbers)
        : Math.max(...numbers);
  return { ok: true, hits, output };
}

export function applyHitPolicy(table: DecisionTable, hits: RuleHit[]): HitResult {
  const single = (hit: RuleHit | undefined): HitResult => ({
    ok: true,
    hits: hit ? [hit] : [],
    output: hit ? ruleOutput(table, hit) : null,
  });
  const many = (selected: RuleHit[]): HitResult => ({
    ok: true,
    hits: selected,
    output: selected.map((hit) => ruleOutput(table, hit)),
  });
  switch (table.hitPolicy) {
    case 'UNIQUE':
      if (hits.length > 1)
        return {
          ok: false,
          message: `Expected at most one rule to match for hit policy UNIQUE, but found ${hits.length} matching rules: ${hits.map((hit) => `'${hit.ruleId}'`).join(', ')}`,
        };
      return single(hits[0]);
    case 'FIRST':
      return single(hits[0]);
    case 'ANY': {
      const distinct = new Set(hits.map((hit) => JSON.stringify(hit.values)));
      if (distinct.size > 1)
        return {
          ok: false,
          message: `Expected the matching rules to have equal outputs for hit policy ANY, but rules ${hits.map((hit) => `'${hit.ruleId}'`).join(', ')} differ`,
        };
      return single(hits[0]);
    }
    case 'PRIORITY':
      return single(byPriority(table, hits)[0]);
    case 'OUTPUT ORDER':
      return many(byPriority(table, hits));
    case 'RULE ORDER':
      return many(hits);
    case 'COLLECT':
      return table.aggregation ? aggregate(table, hits) : many(hits);
  }
}
