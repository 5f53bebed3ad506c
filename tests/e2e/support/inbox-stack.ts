import type { Connection } from 'mongoose';
import type { AppModule } from '../../../src/app/app.module.js';
import {
  loose,
  noWait,
  pollUntil,
  processResource,
  startTestService,
  type TestService,
} from '../../support/harness/index.js';
import { builtWebRoutes } from './built-web-routes.js';
import { REPORT_PROCESS_ID, reportForm, reportProcessXml } from './report-process.js';

export interface InboxStack {
  url: string;
  /** The app's organisation directory, as `npm start` composes it. */
  app: Pick<AppModule, 'directory'>;
  /** The app's database connection (notices, drafts, audit). */
  connection: Connection;
  service: TestService;
  /**
   * Starts one report instance of the small test process; resolves with its process instance key once the engine's
   * reads show its task and variables (under ENGINE_PROFILE=camunda-8.8 they lag, as on Camunda).
   */
  startReport(variables?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/**
 * The whole service as `npm start` runs it (the harness's startTestService), serving the SPA built for this run when
 * a dist is given, with the small report process of report-process.ts deployed next to the real ones.
 */
export async function startInboxStack(distDir?: string): Promise<InboxStack> {
  const service = await startTestService({ extraRoutes: distDir ? builtWebRoutes(distDir) : [] });
  const { zeebe, rest } = service.service.engineClients;
  try {
    await zeebe.deployResources([
      processResource(`${REPORT_PROCESS_ID}.bpmn`, reportProcessXml),
      { name: `${REPORT_PROCESS_ID}.form`, form: Buffer.from(JSON.stringify(reportForm)) },
    ]);
  } catch (error) {
    await service.close();
    throw error;
  }
  return {
    url: service.url,
    app: { directory: service.service.directory },
    connection: service.service.connection,
    service,
    async startReport(variables = {}) {
      const created = await zeebe.createProcessInstance({
        bpmnProcessId: REPORT_PROCESS_ID,
        variables: variables as Parameters<typeof zeebe.createProcessInstance>[0]['variables'],
      });
      const processInstanceKey = String(created.processInstanceKey);
      // Data set up through the engine, read back by the app: wait until the reads show it, as any client of Camunda.
      await pollUntil(
        () => rest.searchUserTasks(loose({ filter: { processInstanceKey, state: 'CREATED' } }), noWait),
        (found) => found.items.length > 0,
        15_000,
      );
      const names = Object.keys(variables);
      await pollUntil(
        () => rest.searchVariables(loose({ filter: { processInstanceKey }, page: { limit: 100 } }), noWait),
        (found) => names.every((name) => found.items.some((item) => item.name === name)),
        15_000,
      );
      return processInstanceKey;
    },
    close: () => service.close(),
  };
}
