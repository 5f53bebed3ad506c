import { describe, expect, it } from 'vitest';
import { useEngineCore, type TestEngineCore } from '../../support/harness/index.js';

const deployForm = (h: TestEngineCore, json: string) =>
  h.engine.deploy([{ name: 'check.form', content: Buffer.from(json) }]);

describe('form deployment', () => {
  const h = useEngineCore();

  it('deploys what Zeebe accepts: an object with an id, whatever else the schema holds', async () => {
    const deployed = await deployForm(h, JSON.stringify({ id: 'loose', components: 'not a list', x: 1 }));
    expect(deployed.forms.map((form) => form.formId)).toEqual(['loose']);
  });

  it('rejects malformed JSON, non-objects and a missing or blank id, naming the resource', async () => {
    await expect(deployForm(h, '{"id": ')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/check\.form.*not valid JSON/),
    });
    await expect(deployForm(h, 'null')).rejects.toMatchObject({
      message: expect.stringMatching(/JSON object/),
    });
    await expect(deployForm(h, '{"components": []}')).rejects.toMatchObject({
      message: expect.stringMatching(/no 'id'/),
    });
    await expect(deployForm(h, '{"id": "  "}')).rejects.toMatchObject({
      message: expect.stringMatching(/no 'id'/),
    });
  });
});
