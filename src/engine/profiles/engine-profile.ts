/**
 * How the engine's REST v2 reads behave. `zeebe` (the default) answers from the live state, at once. `camunda-8.8`
 * answers as a Camunda 8.8 cluster's secondary storage does (secondary-storage-view.ts), so that the app, and its
 * tests, cannot come to rely on reading their own writes.
 */
export type EngineProfileName = 'zeebe' | 'camunda-8.8';

export interface EngineProfile {
  name: EngineProfileName;
  /** camunda-8.8 only: how far searches lag behind commands. */
  searchLagMs: number;
}

export const DEFAULT_SEARCH_LAG_MS = 2_000;

/**
 * The profile from ENGINE_PROFILE and ENGINE_SEARCH_LAG_MS. Read by the engine's entry itself, so that every way of
 * starting it (npm start, npm run engine, the test harness) honours `ENGINE_PROFILE=camunda-8.8 npm test`.
 */
export function engineProfileFromEnv(env: NodeJS.ProcessEnv): EngineProfile {
  const name = env.ENGINE_PROFILE?.trim() || 'zeebe';
  if (name !== 'zeebe' && name !== 'camunda-8.8')
    throw new Error(`ENGINE_PROFILE must be 'zeebe' or 'camunda-8.8', got '${name}'`);
  const lag = env.ENGINE_SEARCH_LAG_MS?.trim();
  const searchLagMs = lag ? Number(lag) : DEFAULT_SEARCH_LAG_MS;
  if (!Number.isInteger(searchLagMs) || searchLagMs < 0 || searchLagMs > 60_000)
    throw new Error(`ENGINE_SEARCH_LAG_MS must be an integer from 0 to 60000, got '${lag}'`);
  return { name, searchLagMs };
}
