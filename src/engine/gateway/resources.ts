import { EngineError, type ResourceInput } from '../engine-api.js';

const supported = ['.bpmn', '.bpmn20.xml', '.xml', '.dmn', '.form'];

/** Refuses what the engine cannot deploy before it reaches the engine, with the resource's name in the message. */
export function checkDeployableResources(resources: ResourceInput[]): void {
  if (resources.length === 0) {
    throw new EngineError('INVALID_ARGUMENT', 'Expected to deploy at least one resource, but none given');
  }
  for (const resource of resources) {
    const name = resource.name.toLowerCase();
    if (!supported.some((ending) => name.endsWith(ending))) {
      throw new EngineError(
        'INVALID_ARGUMENT',
        `Cannot deploy '${resource.name}': expected a resource ending in .bpmn, .xml, .dmn or .form`,
        { resourceName: resource.name },
      );
    }
  }
}
