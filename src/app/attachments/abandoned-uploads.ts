import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { AttachmentStore } from './attachment.store.js';

/** An upload whose form was not submitted within this time is dropped (a form abandoned, a page closed). */
export const ABANDONED_AFTER_MS = 24 * 60 * 60_000;
const SWEEP_EVERY_MS = 60 * 60_000;

/**
 * Drops, every hour, files uploaded for a form that was never submitted; returns the function that stops it. Any
 * replica may run it: deleting a file twice is harmless.
 */
export function sweepAbandonedUploads(store: AttachmentStore, clock: Clock, logger: Logger): () => void {
  const sweep = () => {
    store
      .dropUnsubmitted(new Date(clock.now().getTime() - ABANDONED_AFTER_MS))
      .then((dropped) => {
        if (dropped > 0) logger.info({ dropped }, 'dropped files uploaded for forms never submitted');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'sweeping abandoned uploads failed'));
  };
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
