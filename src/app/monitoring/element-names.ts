import BpmnModdle from 'bpmn-moddle';

/**
 * The names of a diagram's elements, by id, read from its BPMN XML. An incident or a token is named from the
 * diagram itself: the element-instance history that also carries names is a search, and under Camunda 8.8 it may
 * not yet show the element an incident already names.
 */
export async function elementNamesOf(bpmnXml: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  try {
    const { elementsById } = await new BpmnModdle().fromXML(bpmnXml);
    for (const [id, element] of Object.entries(elementsById)) {
      const name = (element as { name?: unknown }).name;
      if (typeof name === 'string' && name.trim()) names.set(id, name.trim());
    }
  } catch {
    // A diagram the engine deployed parses; if it ever does not, the ids stand in for the names.
  }
  return names;
}
