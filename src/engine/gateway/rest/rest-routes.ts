import type { RestRoute } from './rest-route.js';
import { deploymentRoutes } from './routes/deployments.routes.js';
import { decisionDefinitionRoutes } from './routes/decision-definitions.routes.js';
import { decisionInstanceRoutes } from './routes/decision-instances.routes.js';
import { decisionRequirementsRoutes } from './routes/decision-requirements.routes.js';
import { elementInstanceRoutes } from './routes/element-instances.routes.js';
import { elementInstanceVariableRoutes } from './routes/element-instance-variables.routes.js';
import { formRoutes } from './routes/forms.routes.js';
import { incidentRoutes } from './routes/incidents.routes.js';
import { jobRoutes } from './routes/jobs.routes.js';
import { messageRoutes } from './routes/messages.routes.js';
import { processDefinitionRoutes } from './routes/process-definitions.routes.js';
import { processInstanceRoutes } from './routes/process-instances.routes.js';
import { processInstanceOperationRoutes } from './routes/process-instance-operations.routes.js';
import { statisticsRoutes } from './routes/statistics.routes.js';
import { topologyRoutes } from './routes/topology.routes.js';
import { userTaskRoutes } from './routes/user-tasks.routes.js';
import { variableRoutes } from './routes/variables.routes.js';
import { clockRoutes } from './routes/clock.routes.js';
import { resourceRoutes } from './routes/resources.routes.js';
import { callHierarchyRoutes } from './routes/call-hierarchy.routes.js';

/** Every REST v2 route the embedded engine serves; the gateway registers exactly these under /v2. */
export function restRoutes(advertised: () => { host: string; port: number }): RestRoute[] {
  return [
    ...topologyRoutes(advertised),
    ...deploymentRoutes,
    ...processDefinitionRoutes,
    // Statistics first: their paths are more specific than the GET of an instance by key.
    ...statisticsRoutes,
    ...processInstanceRoutes,
    ...processInstanceOperationRoutes,
    ...elementInstanceRoutes,
    ...elementInstanceVariableRoutes,
    ...incidentRoutes,
    ...jobRoutes,
    ...variableRoutes,
    ...userTaskRoutes,
    ...messageRoutes,
    ...formRoutes,
    ...decisionDefinitionRoutes,
    ...decisionRequirementsRoutes,
    ...decisionInstanceRoutes,
    ...clockRoutes,
    ...resourceRoutes,
    ...callHierarchyRoutes,
  ];
}
