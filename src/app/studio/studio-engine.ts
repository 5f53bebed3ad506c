import type { CamundaClientLoose } from '@camunda8/orchestration-cluster-api';
import type { ZeebeClient } from '../engine-client/engine-clients.js';
import { badRequest } from '../../lib/errors.js';

/** One version of a process as REST v2 describes it. */
export interface EngineDefinition {
  processDefinitionKey: string;
  processDefinitionId: string;
  name: string;
  version: number;
}

export interface DeployedResources {
  processes: { processDefinitionId: string; version: number; processDefinitionKey: string }[];
  forms: { formId: string; version: number; formKey: string }[];
}

const noWait = { consistency: { waitUpToMs: 0 } };
// The SDK types requests by the generated contract; the loose client takes plain objects shaped like it.
const body = <T>(value: T): never => value as never;
/** Camunda 8.8 caps a search page; more versions than this of all processes is far beyond this installation. */
const PAGE_LIMIT = 1000;

interface DeploymentEntry {
  process?: { bpmnProcessId: string; version: number; processDefinitionKey: string };
  form?: { formId: string; version: number; formKey: string };
}

type Resource = Parameters<ZeebeClient['deployResources']>[0][number];

/**
 * One DeployResource call: all or nothing. The engine's parser is the judge; its refusal (INVALID_ARGUMENT) comes
 * back as a 400 with the engine's reason after a Vietnamese lead. Answers the gateway's deployment entries.
 */
export async function deployOrRefuse(zeebe: ZeebeClient, resources: Resource[]): Promise<unknown[]> {
  try {
    return (await zeebe.deployResources(resources)).deployments as unknown[];
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 3 || code === 'INVALID_ARGUMENT')
      throw badRequest(
        'engine_rejected',
        `Bộ máy quy trình từ chối tệp: ${(error as { details?: string }).details ?? String(error)}`,
      );
    throw error;
  }
}

/**
 * The studio's view of the engine, only through Camunda's public API (architecture decision 11): REST v2 searches
 * for definitions and instance counts, gRPC DeployResource for deploying. Works on Camunda 8.8 as on ours.
 */
export class StudioEngine {
  constructor(
    private readonly rest: CamundaClientLoose,
    private readonly zeebe: ZeebeClient,
  ) {}

  async definitions(): Promise<EngineDefinition[]> {
    const found = await this.rest.searchProcessDefinitions(
      body({ filter: {}, page: { from: 0, limit: PAGE_LIMIT } }),
      noWait,
    );
    return (found.items as Partial<Record<string, unknown>>[]).map((item) => ({
      processDefinitionKey: String(item.processDefinitionKey ?? ''),
      processDefinitionId: String(item.processDefinitionId ?? ''),
      name: typeof item.name === 'string' && item.name ? item.name : String(item.processDefinitionId ?? ''),
      version: Number(item.version ?? 0),
    }));
  }

  /** Running instances of one version: an ACTIVE search of one item, read for its total. */
  async runningCount(processDefinitionKey: string): Promise<number> {
    const found = await this.rest.searchProcessInstances(
      body({ filter: { processDefinitionKey, state: 'ACTIVE' }, page: { from: 0, limit: 1 } }),
      noWait,
    );
    return Number(found.page.totalItems ?? 0);
  }

  async xml(processDefinitionKey: string): Promise<string> {
    return String(await this.rest.getProcessDefinitionXml(body({ processDefinitionKey }), noWait));
  }

  async deployForm(form: { name: string; content: string }): Promise<{ version: number; formKey: string }> {
    const deployed = await this.deploy(undefined, [form]);
    const found = deployed.forms[0];
    if (!found) throw new Error(`the engine deployed no form ${form.name}`);
    return found;
  }

  /** One DeployResource call with the process and its forms: all or nothing (see deployOrRefuse). */
  async deploy(
    process: { name: string; xml: string } | undefined,
    forms: { name: string; content: string }[],
  ): Promise<DeployedResources> {
    const result = await deployOrRefuse(this.zeebe, [
      ...forms.map((form) => ({ name: form.name, form: Buffer.from(form.content) })),
      ...(process ? [{ name: process.name, process: Buffer.from(process.xml) }] : []),
    ]);
    const deployed: DeployedResources = { processes: [], forms: [] };
    for (const entry of result as DeploymentEntry[]) {
      if (entry.process)
        deployed.processes.push({
          processDefinitionId: entry.process.bpmnProcessId,
          version: Number(entry.process.version),
          processDefinitionKey: String(entry.process.processDefinitionKey),
        });
      if (entry.form)
        deployed.forms.push({
          formId: entry.form.formId,
          version: Number(entry.form.version),
          formKey: String(entry.form.formKey),
        });
    }
    return deployed;
  }
}
