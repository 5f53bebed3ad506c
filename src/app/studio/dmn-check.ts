import type { ModdleElement } from 'bpmn-moddle';
import { DmnModdle } from 'dmn-moddle';
import { badRequest } from '../../lib/errors.js';
import type { LintProblem, LintReport } from '../../shared/contracts/index.js';
import { feelBroken, unaryTestsBroken } from './feel-check.js';

export interface ParsedDecisions {
  root: ModdleElement;
  /** The definitions' id: the decision requirements id the engine will deploy it under. */
  definitionsId: string;
}

const children = (element: ModdleElement | undefined, key: string): ModdleElement[] => {
  const value = element?.[key];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
};
const child = (element: ModdleElement | undefined, key: string): ModdleElement | undefined => {
  const value = element?.[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as ModdleElement)
    : undefined;
};
const textOf = (element: ModdleElement | undefined): string =>
  typeof element?.text === 'string' ? element.text.trim() : '';

/**
 * Reads a DMN 1.3 file with dmn-moddle, the parser dmn-js writes it with. A file that is not DMN XML, that dmn-moddle
 * reads with warnings (an unknown element or attribute), or that has no decision, is a 400 with a Vietnamese message.
 */
export async function parseDecisions(xml: string): Promise<ParsedDecisions> {
  let root: ModdleElement;
  try {
    const read = await new DmnModdle().fromXML(xml, 'dmn:Definitions');
    const [warning] = read.warnings;
    if (warning) throw new Error(warning.message);
    root = read.rootElement;
  } catch (error) {
    throw badRequest(
      'invalid_dmn',
      `Tệp không phải bảng quyết định DMN hợp lệ: ${error instanceof Error ? error.message.split('\n')[0] : 'không đọc được'}`,
    );
  }
  if (!root.id) throw badRequest('invalid_dmn', 'Tệp DMN thiếu mã (id của definitions).');
  if (!children(root, 'drgElement').some((element) => element.$type === 'dmn:Decision'))
    throw badRequest('invalid_dmn', 'Tệp DMN không có quyết định nào.');
  return { root, definitionsId: root.id };
}

/**
 * Our checks of every decision, in Vietnamese, on the element to show them on: FEEL that does not parse (input
 * expressions, input entries as unary tests, output entries, literal expressions) and empty input expressions. The
 * engine's parser stays the judge at deploy time; these give the administrator the cell while editing.
 */
export function checkDecisions(root: ModdleElement): LintReport {
  const problems: LintProblem[] = [];
  const error = (elementId: string, rule: string, message: string) =>
    problems.push({ elementId, rule, severity: 'error', message });
  const ids = new Set<string>();
  for (const decision of children(root, 'drgElement').filter((e) => e.$type === 'dmn:Decision')) {
    const decisionId = decision.id ?? '';
    if (ids.has(decisionId)) error(decisionId, 'unique-id', `Mã quyết định "${decisionId}" bị trùng.`);
    ids.add(decisionId);
    const logic = child(decision, 'decisionLogic');
    if (!logic) {
      error(decisionId, 'decision-logic', 'Quyết định chưa có bảng quyết định hay biểu thức.');
      continue;
    }
    if (logic.$type === 'dmn:LiteralExpression') {
      const text = textOf(logic);
      if (!text || feelBroken(text))
        error(decisionId, 'feel-parses', `Biểu thức FEEL của quyết định không đọc được: "${text}"`);
      continue;
    }
    if (logic.$type !== 'dmn:DecisionTable') continue;
    for (const input of children(logic, 'input')) {
      const text = textOf(child(input, 'inputExpression'));
      if (!text)
        error(input.id ?? decisionId, 'input-expression', 'Cột điều kiện chưa có biểu thức đầu vào.');
      else if (feelBroken(text))
        error(input.id ?? decisionId, 'feel-parses', `Biểu thức đầu vào không đọc được: "${text}"`);
    }
    children(logic, 'rule').forEach((rule, index) => {
      const row = index + 1;
      for (const entry of children(rule, 'inputEntry')) {
        const text = textOf(entry);
        if (text && unaryTestsBroken(text))
          error(
            entry.id ?? rule.id ?? decisionId,
            'feel-parses',
            `Dòng ${row}: điều kiện "${text}" không đọc được.`,
          );
      }
      for (const entry of children(rule, 'outputEntry')) {
        const text = textOf(entry);
        if (text && feelBroken(text))
          error(
            entry.id ?? rule.id ?? decisionId,
            'feel-parses',
            `Dòng ${row}: kết quả "${text}" không đọc được.`,
          );
      }
    });
  }
  return { problems, deployable: problems.length === 0 };
}
