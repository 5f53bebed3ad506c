// The notifications module's public entry.
export { Notifier, type Notice, type NoticeResult, type NotifierOptions } from './notifier.js';
