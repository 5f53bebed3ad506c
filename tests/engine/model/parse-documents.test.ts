import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../src/engine/model/parse-bpmn.js';
import { parseForm } from '../../../src/engine/model/parse-form.js';
import { element, fixture, parseFixture } from './bpmn-fixtures.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('parseBpmn: whole documents', () => {
  it('collaborations, lanes, annotations, data objects and groups are tolerated; only executable processes count', async () => {
    const models = await parseBpmn(fixture('collaboration.bpmn'), 'collaboration.bpmn');
    expect(models.map((model) => model.id)).toEqual(['collab-main']);
    const model = await parseFixture('collaboration.bpmn');
    expect(model.name).toBe('Quy trình chính');
    expect(model.childIds).toEqual(['start', 'send', 'end']);
    const send = element(model, 'send', 'sendTask');
    expect(send.properties).toEqual({ channel: 'email' });
    expect(send.documentation).toBe('Gửi văn bản');
  });

  it('parses every process and form the product ships (processes/*.bpmn, forms/*.form)', async () => {
    const bpmnFiles = readdirSync(path.join(ROOT, 'processes')).filter((name) => name.endsWith('.bpmn'));
    expect(bpmnFiles.length).toBeGreaterThan(0);
    for (const name of bpmnFiles) {
      const models = await parseBpmn(readFileSync(path.join(ROOT, 'processes', name), 'utf8'), name);
      expect(models.length, name).toBeGreaterThan(0);
    }
    const formFiles = readdirSync(path.join(ROOT, 'forms')).filter((name) => name.endsWith('.form'));
    for (const name of formFiles) {
      expect(parseForm(readFileSync(path.join(ROOT, 'forms', name), 'utf8'), name).formId, name).not.toBe('');
    }
  });
});
