/** Typed reads from bpmn-moddle's loosely typed elements. */
import type { ModdleElement } from 'bpmn-moddle';

export function isModdleElement(value: unknown): value is ModdleElement {
  return (
    typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string'
  );
}

export function attr(element: ModdleElement, name: string): string | undefined {
  const value = element[name];
  return typeof value === 'string' ? value : undefined;
}

export function boolAttr(element: ModdleElement, name: string): boolean | undefined {
  const value = element[name];
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

export function ref(element: ModdleElement, name: string): ModdleElement | undefined {
  const value = element[name];
  return isModdleElement(value) ? value : undefined;
}

export function list(element: ModdleElement, name: string): ModdleElement[] {
  const value = element[name];
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

/** zeebe:* (and other) extension elements of an element. */
export function extensions(element: ModdleElement): ModdleElement[] {
  const holder = ref(element, 'extensionElements');
  return holder ? list(holder, 'values') : [];
}

export function extension(element: ModdleElement, type: string): ModdleElement | undefined {
  return extensions(element).find((candidate) => candidate.$type === type);
}

/** Body text of a bpmn:FormalExpression (conditions, timers, completion conditions). */
export function expressionBody(element: ModdleElement | undefined): string | undefined {
  if (!element) return undefined;
  const body = attr(element, 'body');
  return body === undefined ? undefined : body.trim();
}
