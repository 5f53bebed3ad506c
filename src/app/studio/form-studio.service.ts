import BpmnModdle, { type ModdleElement } from 'bpmn-moddle';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import type { Clock } from '../../lib/clock.js';
import { badRequest, notFound } from '../../lib/errors.js';
import type { FormStudioList, StudioFormDetail } from '../../shared/contracts/index.js';
import { compileForm, FormSchemaError } from '../forms/index.js';
import type { FormCatalogue } from './form-catalogue.js';
import type { StudioEngine } from './studio-engine.js';
import type { StudioStore } from './studio.store.js';

interface FormUse {
  processDefinitionId: string;
  elementId: string;
  name: string;
}

/** The user tasks of a diagram and the form each links. */
async function formLinks(
  xml: string,
  processDefinitionId: string,
): Promise<(FormUse & { formId: string })[]> {
  const { elementsById } = await new BpmnModdle({ zeebe: zeebeModdle }).fromXML(xml);
  const links: (FormUse & { formId: string })[] = [];
  for (const element of Object.values(elementsById)) {
    if (element.$type !== 'bpmn:UserTask') continue;
    const values = (element.extensionElements as { values?: ModdleElement[] } | undefined)?.values ?? [];
    const form = values.find((value) => value.$type === 'zeebe:FormDefinition');
    if (typeof form?.formId === 'string')
      links.push({
        processDefinitionId,
        elementId: String(element.id),
        name: typeof element.name === 'string' ? element.name : '',
        formId: form.formId,
      });
  }
  return links;
}

/** Forms in the studio: which processes and steps use each, its versions, validation and deploy. */
export class FormStudioService {
  constructor(
    private readonly store: StudioStore,
    private readonly engine: StudioEngine,
    private readonly forms: FormCatalogue,
    private readonly clock: Clock,
  ) {}

  /** Which steps of the versions in use (the newest of each process) link each form. */
  private async uses(): Promise<Map<string, FormUse[]>> {
    const newest = new Map<string, { key: string; version: number }>();
    for (const d of await this.engine.definitions())
      if ((newest.get(d.processDefinitionId)?.version ?? 0) < d.version)
        newest.set(d.processDefinitionId, { key: d.processDefinitionKey, version: d.version });
    const byForm = new Map<string, FormUse[]>();
    for (const [processId, { key }] of newest)
      for (const link of await formLinks(await this.engine.xml(key), processId)) {
        const { formId, ...use } = link;
        byForm.set(formId, [...(byForm.get(formId) ?? []), use]);
      }
    return byForm;
  }

  async list(): Promise<FormStudioList> {
    const [all, uses] = await Promise.all([this.forms.all(), this.uses()]);
    const items = [];
    for (const form of all.values()) {
      const records = await this.store.deploymentsOf('form', form.formId);
      items.push({
        formId: form.formId,
        usedBy: uses.get(form.formId) ?? [],
        versions: records.map((r) => ({
          version: r.version,
          deployedBy: r.deployedBy,
          deployedAt: r.deployedAt.toISOString(),
          note: r.note,
        })),
      });
    }
    return { forms: items };
  }

  async detail(formId: string): Promise<StudioFormDetail> {
    const form = (await this.forms.all()).get(formId);
    if (!form) throw notFound('Không tìm thấy biểu mẫu này.');
    return { formId, content: form.content, usedBy: (await this.uses()).get(formId) ?? [] };
  }

  /** The form-js schema, read and compiled by the same compiler the server validates submissions with. */
  validate(formId: string, content: string): void {
    let schema: unknown;
    try {
      schema = JSON.parse(content);
    } catch {
      throw badRequest('invalid_form', 'Tệp biểu mẫu không phải JSON hợp lệ.');
    }
    if ((schema as { id?: unknown }).id !== formId)
      throw badRequest('form_id_mismatch', `Mã biểu mẫu trong tệp phải là "${formId}".`);
    try {
      const compiled = compileForm(schema as Parameters<typeof compileForm>[0]);
      if (compiled.problems.length > 0)
        throw badRequest('invalid_form', `Biểu mẫu có lỗi: ${compiled.problems.join('; ')}`);
    } catch (error) {
      if (error instanceof FormSchemaError) throw badRequest('invalid_form', error.message);
      throw error;
    }
  }

  /** Validates, then deploys the form alone (DeployResource); processes linking it by id get it at binding `latest`. */
  async deploy(username: string, formId: string, content: string, note: string) {
    this.validate(formId, content);
    const deployed = await this.engine.deployForm({ name: `${formId}.form`, content });
    if (!(await this.store.deployment('form', formId, deployed.version)))
      await this.store.recordDeployment({
        kind: 'form',
        resourceId: formId,
        version: deployed.version,
        key: deployed.formKey,
        content,
        deployedBy: username,
        deployedAt: this.clock.now(),
        note,
        rollbackOf: null,
      });
    await this.store.discardDraft(username, 'form', formId);
    return { formId, version: deployed.version };
  }
}
