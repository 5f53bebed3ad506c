import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { StudioStore } from './studio.store.js';

export interface FormResource {
  formId: string;
  /** The resource name it is deployed under (forms/<id>.form). */
  name: string;
  content: string;
}

/**
 * The forms of this installation: the seed files in forms/, each replaced by the newest version an administrator
 * deployed through the studio. A process is deployed together with the forms it links from here.
 */
export class FormCatalogue {
  constructor(
    private readonly formsDir: string,
    private readonly store: StudioStore,
  ) {}

  async all(): Promise<Map<string, FormResource>> {
    const forms = new Map<string, FormResource>();
    for (const file of (await readdir(this.formsDir)).filter((name) => name.endsWith('.form')).sort()) {
      const content = await readFile(path.join(this.formsDir, file), 'utf8');
      const formId = (JSON.parse(content) as { id?: unknown }).id;
      if (typeof formId === 'string') forms.set(formId, { formId, name: file, content });
    }
    for (const formId of await this.store.takenOver('form')) {
      const records = await this.store.deploymentsOf('form', formId);
      const newest = records.at(-1);
      if (newest) forms.set(formId, { formId, name: `${formId}.form`, content: newest.content });
    }
    return forms;
  }
}
