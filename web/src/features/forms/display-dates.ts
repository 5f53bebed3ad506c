import { formatDate } from '../../lib/dates.js';
import type { FormData, FormSchema } from '../../lib/contracts.js';

interface SchemaComponent {
  type?: unknown;
  key?: unknown;
  path?: unknown;
  components?: unknown;
  [property: string]: unknown;
}

const ISO_DATE_OR_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** dd/MM/yyyy of an ISO date or date-time (the date in Asia/Ho_Chi_Minh); undefined for any other value. */
export function displayDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || !ISO_DATE_OR_DATE_TIME.test(value)) return undefined;
  return formatDate(value) || undefined;
}

function childrenOf(component: SchemaComponent): SchemaComponent[] {
  return Array.isArray(component.components) ? (component.components as SchemaComponent[]) : [];
}

/** The data paths ("a.b", "list.*.c") the form's fields bind: their values belong to the fields, as they are. */
function boundPaths(schema: FormSchema): Set<string> {
  const bound = new Set<string>();
  const visit = (components: SchemaComponent[], prefix: string[]): void => {
    for (const component of components) {
      if (typeof component.key === 'string') bound.add([...prefix, ...component.key.split('.')].join('.'));
      const own = typeof component.path === 'string' && component.path ? component.path.split('.') : [];
      const list = component.type === 'dynamiclist' ? ['*'] : [];
      visit(childrenOf(component), [...prefix, ...own, ...list]);
    }
  };
  visit(schema.components as SchemaComponent[], []);
  return bound;
}

const NAME = /[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*/g;
const BARE = new RegExp(`^\\s*(${NAME.source})\\s*$`);

/** The variable names an expression reads (FEEL string literals left out). */
function namesIn(code: string): string[] {
  return [...code.replace(/"(?:[^"\\]|\\.)*"/g, ' ').matchAll(NAME)].map(([name]) => name);
}

/** The strings of a component's properties, nested ones included (its child components apart). */
function stringsOf(value: unknown, top = true): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    top && key === 'components' ? [] : stringsOf(inner, false),
  );
}

/**
 * The variable paths ("a", "a.b") the form shows as they are: a whole template placeholder ({{a.b}}), and read by no
 * other expression of the form (a comparison or a function needs the value as it is).
 */
function shownPaths(schema: FormSchema): Set<string> {
  const shown = new Set<string>();
  const computed = new Set<string>();
  const visit = (components: SchemaComponent[]): void => {
    for (const component of components) {
      for (const value of stringsOf(component)) {
        if (value.startsWith('=')) namesIn(value.slice(1)).forEach((name) => computed.add(name));
        for (const [, inside = ''] of value.matchAll(/\{\{([^}]*)\}\}/g)) {
          const bare = BARE.exec(inside);
          if (bare?.[1]) shown.add(bare[1]);
          else namesIn(inside).forEach((name) => computed.add(name));
        }
      }
      visit(childrenOf(component));
    }
  };
  visit(schema.components as SchemaComponent[]);
  const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
  return new Set([...shown].filter((name) => ![...computed].some((other) => overlaps(name, other))));
}

function valueAt(data: FormData, path: string[]): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function setAt(data: FormData, path: string[], value: unknown): void {
  let current = data as Record<string, unknown>;
  for (const segment of path.slice(0, -1)) current = current[segment] as Record<string, unknown>;
  current[path[path.length - 1] ?? ''] = value;
}

export interface DisplayData {
  /** The data to give form-js: dates its templates show are dd/MM/yyyy. */
  data: FormData;
  /** The values as they came, for the paths changed (put back before the data leaves the form, e.g. in a draft). */
  originals: Map<string[], unknown>;
}

/**
 * form-js's templates show a variable as it is, and FEEL has no date formatting: a due date set by the engine
 * ("2026-05-20T17:00:00+07:00") or a date entered in an earlier form ("2026-05-20") would show in ISO form. The
 * variables the form's templates show as they are, which no field of the form binds and no expression computes with, are
 * given to form-js as dd/MM/yyyy instead.
 */
export function withDisplayDates(schema: FormSchema, data: FormData): DisplayData {
  const bound = boundPaths(schema);
  const copy = structuredClone(data);
  const originals = new Map<string[], unknown>();
  for (const name of shownPaths(schema)) {
    if (bound.has(name)) continue;
    const path = name.split('.');
    const value = valueAt(copy, path);
    const shown = displayDate(value);
    if (shown === undefined) continue;
    originals.set(path, value);
    setAt(copy, path, shown);
  }
  return { data: copy, originals };
}

/** The data with the values withDisplayDates changed put back. */
export function withOriginalDates(data: FormData, originals: Map<string[], unknown>): FormData {
  const copy = structuredClone(data);
  for (const [path, value] of originals)
    if (valueAt(copy, path.slice(0, -1)) !== undefined) setAt(copy, path, value);
  return copy;
}
