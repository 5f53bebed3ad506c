/** What changed between two versions of a diagram, element by element (the process part, not the layout). */
export interface ElementChange {
  id: string;
  kind: 'added' | 'removed' | 'changed';
  /** The element's name (after, or before when removed). */
  name: string;
  properties: { property: string; before: string; after: string }[];
}

const LAYOUT_NS = 'http://www.omg.org/spec/BPMN/20100524/DI';
// A flow's ends change when a neighbour is linked differently; the flow itself shows that change.
const SKIPPED_CHILDREN = new Set(['incoming', 'outgoing']);
const MAX_VALUE = 240;

function semanticElements(xml: string): Map<string, Element> {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  const byId = new Map<string, Element>();
  for (const element of Array.from(document.getElementsByTagName('*'))) {
    const id = element.getAttribute('id');
    if (!id || element.namespaceURI === LAYOUT_NS || element.closest('*|BPMNDiagram')) continue;
    if (element.localName === 'definitions') continue;
    byId.set(id, element);
  }
  return byId;
}

function clip(text: string): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > MAX_VALUE ? `${single.slice(0, MAX_VALUE)}…` : single;
}

/** An element's own properties: its attributes and its children that are not elements of their own. */
function propertiesOf(element: Element): Map<string, string> {
  const properties = new Map<string, string>();
  for (const attribute of Array.from(element.attributes))
    if (attribute.name !== 'id') properties.set(attribute.name, attribute.value);
  const serializer = new XMLSerializer();
  const counts = new Map<string, number>();
  for (const child of Array.from(element.children)) {
    if (child.hasAttribute('id') || SKIPPED_CHILDREN.has(child.localName)) continue;
    const index = counts.get(child.localName) ?? 0;
    counts.set(child.localName, index + 1);
    properties.set(
      index ? `${child.localName}[${index + 1}]` : child.localName,
      clip(serializer.serializeToString(child).replace(/ xmlns(:\w+)?="[^"]*"/g, '')),
    );
  }
  return properties;
}

export function diffDiagrams(beforeXml: string, afterXml: string): ElementChange[] {
  const before = semanticElements(beforeXml);
  const after = semanticElements(afterXml);
  const changes: ElementChange[] = [];
  for (const [id, element] of after) {
    const old = before.get(id);
    const name = element.getAttribute('name') ?? '';
    if (!old) {
      changes.push({ id, kind: 'added', name, properties: [] });
      continue;
    }
    const was = propertiesOf(old);
    const now = propertiesOf(element);
    const properties: ElementChange['properties'] = [];
    for (const property of new Set([...was.keys(), ...now.keys()])) {
      const a = was.get(property) ?? '';
      const b = now.get(property) ?? '';
      if (a !== b) properties.push({ property, before: a, after: b });
    }
    if (properties.length > 0) changes.push({ id, kind: 'changed', name, properties });
  }
  for (const [id, element] of before)
    if (!after.has(id))
      changes.push({ id, kind: 'removed', name: element.getAttribute('name') ?? '', properties: [] });
  return changes;
}
