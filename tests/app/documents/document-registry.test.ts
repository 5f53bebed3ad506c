import { describe, expect, it } from 'vitest';
import {
  DocumentDataError,
  documentRegistry,
  generateDocument,
  type CommendationDecisionData,
} from '../../../src/app/documents/index.js';
import { openDocx } from './docx-reader.js';
import { issuedAt, secretary } from './document-fixtures.js';

const decision: CommendationDecisionData = {
  number: '130-QĐ/ĐUK',
  issuedAt,
  recipients: ['Như Điều 3'],
  signature: secretary,
  year: 2026,
  bases: ['Điều lệ Đảng Cộng sản Việt Nam'],
  collectives: [{ name: 'Chi bộ Sở Tư pháp', recognition: 'Giấy khen' }],
  individuals: [],
};

describe('generateDocument', () => {
  it('generates by type, with the number, an ASCII file name and the .docx media type', async () => {
    const generated = await generateDocument('commendation-decision', decision);
    expect(generated.number).toBe('Số 130-QĐ/ĐUK');
    expect(generated.fileName).toBe('130-QD-DUK-quyet-dinh-khen-thuong.docx');
    expect(generated.fileName).toMatch(/^[\x20-\x7e]+$/);
    expect(generated.mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(openDocx(generated.content).paragraphs).toContain('Số 130-QĐ/ĐUK');
  });

  it('knows every document, each with a Vietnamese title', () => {
    expect(Object.keys(documentRegistry).sort()).toEqual([
      'briefing-conclusion',
      'commendation-decision',
      'complaint-reply',
      'model-recognition',
      'personnel-opinion',
      'synthesis-report',
      'urgent-directive',
    ]);
    for (const definition of Object.values(documentRegistry)) expect(definition.title).toMatch(/[ạ-ỹđĐ]/u);
  });

  it('refuses bad data with the typed error, whatever the type', async () => {
    const bad = { ...decision, signature: undefined } as unknown as CommendationDecisionData;
    await expect(generateDocument('commendation-decision', bad)).rejects.toBeInstanceOf(DocumentDataError);
    await expect(
      generateDocument(
        'synthesis-report',
        {} as unknown as Parameters<(typeof documentRegistry)['synthesis-report']['generate']>[0],
      ),
    ).rejects.toBeInstanceOf(DocumentDataError);
  });
});
