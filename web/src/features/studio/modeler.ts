import type { LintProblem, StudioCatalogue } from '../../lib/contracts.js';

/** The parts of camunda-bpmn-js's modeler the studio uses. */
export interface StudioModeler {
  importXML(xml: string): Promise<unknown>;
  saveXML(options: { format: boolean }): Promise<{ xml?: string }>;
  on(event: string, callback: () => void): void;
  get<T>(name: string): T;
  destroy(): void;
}

export interface Canvas {
  addMarker(id: string, marker: string): void;
  removeMarker(id: string, marker: string): void;
  zoom(level: string): void;
}

interface Linting {
  activate(): void;
  setErrors(reports: { id: string; message: string; category: 'error' | 'warn' }[]): void;
}

/**
 * One element template per job type that has a worker: a service task becomes a choice of our job types (the
 * template fixes zeebe:taskDefinition type), not a typed string.
 */
export function elementTemplatesOf(catalogue: StudioCatalogue): object[] {
  return catalogue.jobTypes.map((job) => ({
    $schema: 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json',
    name: job.name,
    id: `dan-van.${job.type}`,
    description: `Công việc tự động "${job.type}"`,
    version: 1,
    appliesTo: ['bpmn:Task', 'bpmn:ServiceTask'],
    elementType: { value: 'bpmn:ServiceTask' },
    properties: [
      { type: 'Hidden', value: job.type, binding: { type: 'zeebe:taskDefinition', property: 'type' } },
      {
        label: 'Số lần thử lại',
        type: 'String',
        value: '3',
        binding: { type: 'zeebe:taskDefinition', property: 'retries' },
      },
    ],
  }));
}

/**
 * Loads camunda-bpmn-js's Camunda 8 modeler, its properties panel and the linting overlays (@camunda/linting's
 * modeler module) only when a diagram is opened: about 2 MB the rest of the app never downloads.
 */
export async function createStudioModeler(
  container: HTMLElement,
  propertiesParent: HTMLElement,
  catalogue: StudioCatalogue,
): Promise<StudioModeler> {
  const [{ default: Modeler }, { default: lintingModule }] = await Promise.all([
    import('camunda-bpmn-js/lib/camunda-cloud/Modeler'),
    import('@camunda/linting/modeler'),
    import('camunda-bpmn-js/dist/assets/camunda-cloud-modeler.css'),
    import('@camunda/linting/assets/linting.css'),
  ]);
  const modeler = new Modeler({
    container,
    propertiesPanel: { parent: propertiesParent },
    additionalModules: [lintingModule],
    elementTemplates: elementTemplatesOf(catalogue),
  } as never) as unknown as StudioModeler;
  return modeler;
}

/** Shows the server's problems (Camunda's rules and ours, in Vietnamese) on the elements and in the panel. */
export function showProblems(modeler: StudioModeler, problems: LintProblem[]): void {
  const linting = modeler.get<Linting>('linting');
  linting.activate();
  linting.setErrors(
    problems
      .filter((problem) => problem.elementId)
      .map((problem) => ({
        id: problem.elementId,
        message: problem.message,
        category: problem.severity === 'error' ? 'error' : 'warn',
      })),
  );
}
