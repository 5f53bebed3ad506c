import { createRequire } from 'node:module';
import type { ModdleElement } from 'bpmn-moddle';
import type { LintProblem } from '../../shared/contracts/index.js';

// bpmnlint is CommonJS without typings for its entry; these are the few parts used here.
interface BpmnlintReport {
  id?: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
}
interface BpmnlintLinter {
  lint(root: ModdleElement, config: { extends: string[] }): Promise<Record<string, BpmnlintReport[]>>;
}
type LinterConstructor = new (options: { resolver: unknown }) => BpmnlintLinter;

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint') as { Linter: LinterConstructor };
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => unknown;

/** The rules Camunda's modelers apply to a Camunda 8.8 diagram (architecture principle 2). */
const CONFIG = { extends: ['bpmnlint:recommended', 'plugin:camunda-compat/camunda-cloud-8-8'] };

/** Vietnamese for the rules an administrator meets most; others keep the rule's own words after a Vietnamese lead. */
const RULE_TEXT: Record<string, string> = {
  'camunda-compat/implementation': 'Tác vụ chưa khai báo đủ cách thực hiện (loại công việc, biểu mẫu…).',
  'camunda-compat/called-element': 'Tác vụ gọi quy trình con chưa khai báo quy trình được gọi.',
  'camunda-compat/feel': 'Biểu thức FEEL không hợp lệ.',
  'camunda-compat/user-task-form': 'Công việc của người dùng chưa liên kết biểu mẫu.',
  'camunda-compat/timer': 'Bộ hẹn giờ chưa hợp lệ.',
  'camunda-compat/no-expression': 'Biểu thức không được dùng ở đây.',
  'start-event-required': 'Quy trình thiếu sự kiện bắt đầu.',
  'end-event-required': 'Quy trình thiếu sự kiện kết thúc.',
  'no-disconnected': 'Phần tử không nối với luồng nào.',
  'no-implicit-split': 'Phần tử rẽ nhánh mà không qua cổng rẽ nhánh.',
  'no-implicit-start': 'Phần tử không có luồng vào nhưng không phải sự kiện bắt đầu.',
  'no-implicit-end': 'Phần tử không có luồng ra nhưng không phải sự kiện kết thúc.',
  'label-required': 'Phần tử chưa có tên.',
  'no-duplicate-sequence-flows': 'Có hai luồng trùng nhau.',
  'fake-join': 'Phần tử nhập nhiều luồng mà không qua cổng hợp nhánh.',
  'no-gateway-join-fork': 'Một cổng vừa hợp nhánh vừa rẽ nhánh.',
  'single-blank-start-event': 'Có nhiều hơn một sự kiện bắt đầu không loại.',
  'superfluous-gateway': 'Cổng thừa (một vào, một ra).',
  'conditional-flows': 'Luồng ra của cổng thiếu điều kiện.',
};

/** Runs bpmnlint's recommended rules and camunda-compat for 8.8 over a parsed diagram; messages in Vietnamese. */
export async function runBpmnlint(root: ModdleElement): Promise<LintProblem[]> {
  // A fresh linter each time: bpmnlint caches rule instances, and some rules keep state between runs.
  const reports = await new Linter({ resolver: new NodeResolver() }).lint(root, CONFIG);
  const problems: LintProblem[] = [];
  for (const [rule, list] of Object.entries(reports)) {
    for (const report of list) {
      if (report.category === 'info') continue;
      const lead = RULE_TEXT[rule];
      problems.push({
        elementId: report.id ?? '',
        rule,
        severity: report.category === 'warn' ? 'warning' : 'error',
        message: lead ? `${lead} (${report.message})` : `Vi phạm quy tắc ${rule}: ${report.message}`,
      });
    }
  }
  return problems;
}
