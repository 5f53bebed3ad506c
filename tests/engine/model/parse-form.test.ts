import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../src/engine/engine-api.js';
import { parseForm } from '../../../src/engine/model/parse-form.js';

const schema = JSON.stringify({
  id: 'approve-form',
  type: 'default',
  components: [{ type: 'textfield', key: 'note', label: 'Ghi chú' }],
});

function rejected(json: string): EngineError {
  try {
    parseForm(json, 'bad.form');
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('parseForm', () => {
  it('takes the formId from the schema and keeps the JSON text', () => {
    expect(parseForm(schema, 'approve.form')).toEqual({
      formId: 'approve-form',
      schema,
      resourceName: 'approve.form',
    });
  });

  it('rejects malformed JSON, non-objects and forms without an id, naming the resource', () => {
    const malformed = rejected('{"id": ');
    expect(malformed.code).toBe('INVALID_ARGUMENT');
    expect(malformed.message).toMatch(/bad\.form.*not valid JSON/);
    expect(rejected('[1]').message).toMatch(/JSON object/);
    expect(rejected('{"components": []}').message).toMatch(/no 'id'/);
    expect(rejected('{"id": "x", "components": 5}').message).toMatch(/components/);
  });
});
