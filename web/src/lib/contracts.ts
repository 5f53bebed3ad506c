/** The browser's door to the API contracts it shares with the server (src/shared/contracts). */
export type * from '../../../src/shared/contracts/index.js';
