import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Camunda8 } from '@camunda8/sdk';

type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

export interface DeployedProcess {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
  resourceName: string;
}

export interface DeployedForm {
  formId: string;
  version: number;
  formKey: string;
  resourceName: string;
}

export interface DeploymentSummary {
  processes: DeployedProcess[];
  forms: DeployedForm[];
}

/** What the gateway answers per resource (the SDK types the list loosely). */
interface DeploymentEntry {
  process?: { bpmnProcessId: string; version: number; processDefinitionKey: string; resourceName: string };
  form?: { formId: string; version: number; formKey: string; resourceName: string };
}

async function filesIn(dir: string, extension: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((name) => name.endsWith(extension)).sort();
}

/** Resources an administrator has deployed through the studio, by id (= file name without extension). */
export interface TakenOver {
  processes: readonly string[];
  forms: readonly string[];
}

const baseName = (name: string): string => name.replace(/\.[^.]+$/, '');

/**
 * Deploys every processes/*.bpmn and forms/*.form in one deployment at start. The engine, like Zeebe, keeps the
 * version of a resource whose content did not change, so an unchanged file does not become a new version.
 * The files are the seed of a fresh install: one an administrator has since deployed through the studio is left
 * out, or every restart would deploy the seed again over the administrator's newer version.
 */
export async function deployProcessesAndForms(
  zeebe: ZeebeClient,
  dirs: { processes: string; forms: string },
  takenOver: TakenOver = { processes: [], forms: [] },
): Promise<DeploymentSummary> {
  const resources: ({ name: string; process: Buffer } | { name: string; form: Buffer })[] = [];
  for (const name of await filesIn(dirs.forms, '.form'))
    if (!takenOver.forms.includes(baseName(name)))
      resources.push({ name, form: await readFile(path.join(dirs.forms, name)) });
  for (const name of await filesIn(dirs.processes, '.bpmn'))
    if (!takenOver.processes.includes(baseName(name)))
      resources.push({ name, process: await readFile(path.join(dirs.processes, name)) });
  if (resources.length === 0) return { processes: [], forms: [] };

  const result = await zeebe.deployResources(resources);
  const processes: DeployedProcess[] = [];
  const forms: DeployedForm[] = [];
  for (const deployment of result.deployments as DeploymentEntry[]) {
    if (deployment.process) {
      const p = deployment.process;
      processes.push({
        bpmnProcessId: p.bpmnProcessId,
        version: Number(p.version),
        processDefinitionKey: String(p.processDefinitionKey),
        resourceName: p.resourceName,
      });
    }
    if (deployment.form) {
      const f = deployment.form;
      forms.push({
        formId: f.formId,
        version: Number(f.version),
        formKey: String(f.formKey),
        resourceName: f.resourceName,
      });
    }
  }
  return { processes, forms };
}
