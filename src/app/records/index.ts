// The records module's public entry: workers and routes import only from here.
export { RecordStore, type StoredDocument, type StoredRecord, type StoredReport } from './records.store.js';
export { documentRoutes, type DocumentSource, type GroupsOfUser } from './documents.routes.js';
