import type { EngineApi } from '../../engine-api.js';
import { parseBpmn } from '../../model/parse-bpmn.js';
import type { SequenceFlow } from '../../model/process-model.js';

/** Deployed definitions never change: their flows are parsed once per key (a bounded cache). */
const cache = new Map<string, Promise<SequenceFlow[]>>();
const MAX_CACHED = 200;

export function flowsOfDefinition(engine: EngineApi, processDefinitionKey: string): Promise<SequenceFlow[]> {
  let found = cache.get(processDefinitionKey);
  if (!found) {
    found = (async () => {
      const definition = (
        await engine.searchProcessDefinitions({ filter: { processDefinitionKey }, page: { limit: 1 } })
      ).items[0];
      const xml = await engine.getProcessDefinitionXml(processDefinitionKey);
      const models = await parseBpmn(xml, definition?.resourceName ?? 'process.bpmn');
      const model = models.find((each) => each.id === definition?.processDefinitionId) ?? models[0];
      return model ? [...model.flows.values()] : [];
    })();
    found.catch(() => cache.delete(processDefinitionKey));
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(processDefinitionKey, found);
  }
  return found;
}
