import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FormJsSchema } from '../../../src/app/forms/index.js';

const root = join(import.meta.dirname, '..', '..', '..');

export function fixtureForm(name: string): FormJsSchema {
  return JSON.parse(
    readFileSync(join(root, 'tests', 'fixtures', 'forms', `${name}.form`), 'utf8'),
  ) as FormJsSchema;
}

/** The project's real forms (forms/*.form), as they are when the test runs. */
export function projectForms(): { file: string; schema: FormJsSchema }[] {
  const dir = join(root, 'forms');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.form'))
    .sort()
    .map((file) => ({ file, schema: JSON.parse(readFileSync(join(dir, file), 'utf8')) as FormJsSchema }));
}
