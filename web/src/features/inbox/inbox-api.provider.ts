import { httpInboxApi } from './http-inbox.api.js';
import type { InboxApi } from './inbox.api.js';

/** The inbox API the pages use. */
export const inboxApi: InboxApi = httpInboxApi;
