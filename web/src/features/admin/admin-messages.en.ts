import type { adminVi } from './admin-messages.vi.js';

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : T[K] };

/** The administrators' section's texts in English; spread into the English table (web/src/i18n/messages.en.ts). */
export const adminEn: Widen<typeof adminVi> = {
  navAdmin: 'Administration',
  adminTitle: 'Administration',
  adminIntro: 'Processes, forms, decision tables, process settings, units, users and the audit log.',
  adminNavigation: 'Administration navigation',
  adminNavProcesses: 'Processes',
  adminNavForms: 'Forms',
  adminNavDecisions: 'Decisions',
  adminNavSettings: 'Settings',
  adminNavUnits: 'Units',
  adminNavUsers: 'Users',
  adminNavAudit: 'Audit log',
  adminSummaryProcesses: 'Process diagrams, the versions in use, deploying a new version.',
  adminSummaryForms: "Each step's form and where it is used.",
  adminSummaryDecisions: 'Decision tables (for example commendation eligibility).',
  adminSummarySettings: 'Process settings: deadlines, reminders, the start table, document symbols.',
  adminSummaryUnits: "The Bloc's units; import the list from a spreadsheet.",
  adminSummaryUsers: 'Accounts, roles in units, deactivation.',
  adminSummaryAudit: 'The audit log: who changed what, sign-ins, downloads.',
  adminNotYet: 'This page is being built.',
  adminForbiddenTitle: 'No access',
  adminForbiddenText: 'Only administrators can open the administration section.',
  noTaskWorkTitle: 'You have no work in the task inbox',
  noTaskWorkText:
    "Process tasks go only to units' staff and heads. Your account holds neither role in any unit.",
  noTaskWorkAdmin: 'Open the administration section',
};
