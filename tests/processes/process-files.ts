/**
 * Loading of the BPMN and form files under processes/ and forms/ for the process tests.
 * bpmn-moddle and bpmnlint ship no TypeScript typings: they are loaded through `require` and typed here with
 * only what these tests use.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PROCESSES_DIR = `${ROOT}processes`;
export const FORMS_DIR = `${ROOT}forms`;

/** A parsed BPMN element, as bpmn-moddle exposes it. */
export interface ModdleElement {
  readonly $type: string;
  readonly $parent?: ModdleElement;
  readonly id?: string;
  readonly name?: string;
  readonly [property: string]: unknown;
}

interface FromXmlResult {
  rootElement: ModdleElement;
  warnings: { message: string }[];
  elementsById: Record<string, ModdleElement>;
}

type BpmnModdleCtor = new (packages?: Record<string, unknown>) => {
  fromXML(xml: string): Promise<FromXmlResult>;
};

const BpmnModdle = require('bpmn-moddle') as BpmnModdleCtor;
const zeebeSchema = require('zeebe-bpmn-moddle/resources/zeebe.json') as Record<string, unknown>;

export function bpmnFileNames(): string[] {
  return readdirSync(PROCESSES_DIR)
    .filter((f) => f.endsWith('.bpmn'))
    .sort();
}

export function formFileNames(): string[] {
  return readdirSync(FORMS_DIR)
    .filter((f) => f.endsWith('.form'))
    .sort();
}

export async function parseBpmn(fileName: string): Promise<FromXmlResult> {
  const xml = readFileSync(`${PROCESSES_DIR}/${fileName}`, 'utf8');
  return new BpmnModdle({ zeebe: zeebeSchema }).fromXML(xml);
}

/** The rule reports bpmnlint returns: rule name → reports. */
export type LintReports = Record<string, { id?: string; message: string; category?: string }[]>;

type LinterCtor = new (options: { config: unknown; resolver: unknown }) => {
  lint(definitions: ModdleElement): Promise<LintReports>;
};

const { Linter } = require('bpmnlint') as { Linter: LinterCtor };
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => unknown;

/** Lints one parsed file with the repository's .bpmnlintrc. A new linter per file: bpmnlint rules keep state. */
export async function lint(definitions: ModdleElement): Promise<LintReports> {
  const config: unknown = JSON.parse(readFileSync(`${ROOT}.bpmnlintrc`, 'utf8'));
  return new Linter({ config, resolver: new NodeResolver() }).lint(definitions);
}

/** Every element below `root` (flow elements, extension elements, event definitions...), depth first. */
export function* walk(root: ModdleElement): Generator<ModdleElement> {
  const seen = new Set<ModdleElement>();
  const visit = function* (el: ModdleElement): Generator<ModdleElement> {
    if (seen.has(el)) return;
    seen.add(el);
    yield el;
    for (const [key, value] of Object.entries(el)) {
      if (key.startsWith('$') || key === 'sourceRef' || key === 'targetRef' || key.endsWith('Ref')) continue;
      if (key === 'incoming' || key === 'outgoing' || key === 'default' || key === 'attachedToRef') continue;
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (child && typeof child === 'object' && typeof (child as ModdleElement).$type === 'string') {
          yield* visit(child as ModdleElement);
        }
      }
    }
  };
  yield* visit(root);
}
