// Process settings that change every year: edited by administrators, read by the workers at run time.
export { SettingsStore } from './settings.store.js';
export { settingsRoutes } from './settings.routes.js';
export { DEFAULT_SETTINGS } from './settings.schemas.js';
export { upgradeSettings } from './settings.migration.js';
export { suggestedSymbol } from './document-symbols.schemas.js';
