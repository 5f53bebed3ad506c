import type { InboxApi } from './inbox.types.js';
import { createPlaceholderInboxApi } from './placeholder-inbox.api.js';

/**
 * The inbox API the pages use. PLACEHOLDER until src/app/inbox serves /api/inbox/*: replace this with an HTTP client
 * implementing the same InboxApi interface.
 */
export const inboxApi: InboxApi = createPlaceholderInboxApi();
