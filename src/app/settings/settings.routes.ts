import { anyRole } from '../http/permissions.js';
import { defineRoute, type RouteDefinition } from '../http/route.types.js';
import { SaveSettingsBody } from './settings.schemas.js';
import type { SettingsStore } from './settings.store.js';
import { START_RULES } from '../process-start/process-start.table.js';

const ADMIN = anyRole('admin');

/** The process settings (deadlines, reminders, start rules, document symbols): read, save as a new version (audited), and their history. */
export function settingsRoutes(store: SettingsStore): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/admin/settings',
      permission: ADMIN,
      summary: 'The process settings in force (version 0 = the defaults)',
      handler: async ({ res }) => {
        res.json(await store.current());
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/settings/choices',
      permission: ADMIN,
      summary: 'The processes started by hand, with their names, for the start rules and document symbols',
      handler: async ({ res }) => {
        res.json({ processes: START_RULES.map(({ processId, name }) => ({ processId, name })) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/settings/history',
      permission: ADMIN,
      summary: 'Every saved version of the process settings, newest first',
      handler: async ({ res }) => {
        res.json({ items: await store.history() });
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/admin/settings',
      permission: ADMIN,
      body: SaveSettingsBody,
      summary: 'Save the process settings as a new version (409 when another was saved meanwhile)',
      audit: {
        action: 'settings.update',
        target: () => 'process-settings',
        detail: ({ body }) => ({ version: String(body.baseVersion + 1), note: body.note }),
      },
      handler: async ({ res, body, principal }) => {
        res.json(await store.save(principal!.username, body.baseVersion, body.values, body.note));
      },
    }),
  ];
}
