/**
 * The contracts between the server and the browser app: the shapes of every request and answer of the app's API.
 * Both sides import them from here, so they cannot drift apart. Types only; new APIs (admin, monitor) add a file.
 */
export type * from './admin-organisation.contract.js';
export type * from './attachments.contract.js';
export type * from './auth.contract.js';
export type * from './form.contract.js';
export type * from './inbox.contract.js';
export type * from './monitor.contract.js';
export type * from './notifications.contract.js';
export type * from './problem.contract.js';
export type * from './process-start.contract.js';
// The period dashboard and the documents list (issue 15, points 4 and 5).
export type * from './period.contract.js';
export type * from './documents.contract.js';
export type * from './settings.contract.js';
export type * from './studio.contract.js';
