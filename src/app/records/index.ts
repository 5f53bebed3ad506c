// The records module's public entry: workers and routes import only from here.
export {
  RecordStore,
  type DocumentHeader,
  type DocumentMeta,
  type DocumentQuery,
  type StoredDocument,
  type StoredRecord,
  type StoredReport,
} from './records.store.js';
export { documentVisibleTo, viewerOf, type DocumentViewer } from './document-access.js';
export { documentListRoutes } from './documents-list.routes.js';
export { documentRoutes, type DocumentSource, type GroupsOfUser } from './documents.routes.js';
