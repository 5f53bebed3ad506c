import type { TextKey } from '../../i18n/messages.types.js';

/** One page of the administrators' section, as the section's navigation lists it. */
export interface AdminSection {
  path: string;
  label: TextKey;
  /** One line for the section's overview page. */
  summary: TextKey;
}

/**
 * The administrators' section, in the order of its navigation. The studio (processes, forms, decisions, settings)
 * and the organisation (units, users, audit log) have stable URLs under /admin.
 */
export const ADMIN_SECTIONS: readonly AdminSection[] = [
  // Studio
  { path: '/admin/processes', label: 'adminNavProcesses', summary: 'adminSummaryProcesses' },
  { path: '/admin/forms', label: 'adminNavForms', summary: 'adminSummaryForms' },
  { path: '/admin/decisions', label: 'adminNavDecisions', summary: 'adminSummaryDecisions' },
  { path: '/admin/settings', label: 'adminNavSettings', summary: 'adminSummarySettings' },
  // Organisation
  { path: '/admin/units', label: 'adminNavUnits', summary: 'adminSummaryUnits' },
  { path: '/admin/users', label: 'adminNavUsers', summary: 'adminSummaryUsers' },
  { path: '/admin/audit', label: 'adminNavAudit', summary: 'adminSummaryAudit' },
];
