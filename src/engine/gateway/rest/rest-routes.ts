import type { RestRoute } from './rest-route.js';
import { deploymentRoutes } from './routes/deployments.routes.js';
import { elementInstanceRoutes } from './routes/element-instances.routes.js';
import { formRoutes } from './routes/forms.routes.js';
import { incidentRoutes } from './routes/incidents.routes.js';
import { messageRoutes } from './routes/messages.routes.js';
import { processDefinitionRoutes } from './routes/process-definitions.routes.js';
import { processInstanceRoutes } from './routes/process-instances.routes.js';
import { topologyRoutes } from './routes/topology.routes.js';
import { userTaskRoutes } from './routes/user-tasks.routes.js';
import { variableRoutes } from './routes/variables.routes.js';

/** Every REST v2 route the embedded engine serves; the gateway registers exactly these under /v2. */
export function restRoutes(advertised: () => { host: string; port: number }): RestRoute[] {
  return [
    ...topologyRoutes(advertised),
    ...deploymentRoutes,
    ...processDefinitionRoutes,
    ...processInstanceRoutes,
    ...elementInstanceRoutes,
    ...incidentRoutes,
    ...variableRoutes,
    ...userTaskRoutes,
    ...messageRoutes,
    ...formRoutes,
  ];
}
