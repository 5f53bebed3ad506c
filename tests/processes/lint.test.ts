/**
 * Every BPMN file in processes/ passes bpmnlint's recommended rules plus camunda-compat for Camunda 8.8
 * (the configuration is .bpmnlintrc), with zero errors and zero warnings, and parses without moddle warnings.
 */
import { describe, expect, it } from 'vitest';
import { bpmnFileNames, lint, parseBpmn } from './process-files.js';

describe('processes/*.bpmn lint clean (bpmnlint recommended + camunda-compat/camunda-cloud-8-8)', () => {
  it('has the procedures of the regulation', () => {
    expect(bpmnFileNames()).toEqual(
      expect.arrayContaining([
        'bao-cao-dan-van.bpmn',
        'bao-cao-dot-xuat.bpmn',
        'dan-van-kheo.bpmn',
        'danh-gia-khen-thuong.bpmn',
        'don-thu-kien-nghi.bpmn',
        'giao-ban-quy.bpmn',
        'y-kien-nhan-su.bpmn',
      ]),
    );
  });

  it.each(bpmnFileNames())('%s: no parse warnings, no lint errors or warnings', async (fileName) => {
    const { rootElement, warnings } = await parseBpmn(fileName);
    expect(warnings.map((w) => w.message)).toEqual([]);
    const reports = await lint(rootElement);
    const problems = Object.entries(reports).flatMap(([rule, list]) =>
      list.map((r) => `${r.category ?? 'error'} ${rule} ${r.id ?? ''}: ${r.message}`),
    );
    expect(problems).toEqual([]);
  });
});
