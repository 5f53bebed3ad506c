import { DEFAULT_SETTINGS } from '../../app/settings/index.js';
import type { ProcessSettingsValues } from '../../shared/contracts/index.js';
import type { WorkerDeps } from '../runtime/worker-definition.js';

/**
 * The process settings as they are now, read at each job: an instance or period computed after an administrator saved
 * gets the new values, while one computed before keeps the deadlines already in its variables.
 */
export async function settingsInForce(deps: Pick<WorkerDeps, 'settings'>): Promise<ProcessSettingsValues> {
  return deps.settings ? (await deps.settings.current()).values : DEFAULT_SETTINGS;
}
