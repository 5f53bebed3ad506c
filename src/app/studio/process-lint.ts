import BpmnModdle, { type ModdleElement } from 'bpmn-moddle';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import type { LintProblem, LintReport } from '../../shared/contracts/index.js';
import { badRequest } from '../../lib/errors.js';
import { runBpmnlint } from './bpmnlint-runner.js';
import { checkOurRules, type LintCatalogue } from './our-rules.js';

export interface ParsedDiagram {
  root: ModdleElement;
  /** The executable process's id (the first process that is executable). */
  processId: string;
}

/** Reads a BPMN file; a file that is not BPMN XML, or has no process, is a 400 with a Vietnamese message. */
export async function parseDiagram(xml: string): Promise<ParsedDiagram> {
  let root: ModdleElement;
  try {
    root = (await new BpmnModdle({ zeebe: zeebeModdle }).fromXML(xml)).rootElement;
  } catch (error) {
    throw badRequest(
      'invalid_bpmn',
      `Tệp không phải sơ đồ BPMN hợp lệ: ${error instanceof Error ? error.message.split('\n')[0] : 'không đọc được'}`,
    );
  }
  const elements = Array.isArray(root.rootElements) ? (root.rootElements as ModdleElement[]) : [];
  const process = elements.find((element) => element.$type === 'bpmn:Process');
  if (!process?.id) throw badRequest('invalid_bpmn', 'Sơ đồ không có quy trình nào.');
  return { root, processId: process.id };
}

/** Camunda's rules (bpmnlint, camunda-compat 8.8) and ours; any error makes the diagram not deployable. */
export async function lintDiagram(root: ModdleElement, catalogue: LintCatalogue): Promise<LintReport> {
  const problems: LintProblem[] = [...(await runBpmnlint(root)), ...checkOurRules(root, catalogue)];
  return { problems, deployable: !problems.some((problem) => problem.severity === 'error') };
}
