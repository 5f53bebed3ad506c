/**
 * Retention: finished process instances that ended before a date leave the history, with everything recorded under
 * them (element instances, variables, incidents, user tasks), optionally written first to a JSON Lines archive —
 * one `{"collection", "record"}` line per record, the record as the engine stored it.
 *
 * Instances are taken a batch at a time and their records deleted by process-instance key, so a run over years of
 * history holds one batch in memory. It never touches live state: only finished instances are in the history.
 */
import type { Db } from 'mongodb';
import {
  HISTORY_COLLECTIONS,
  PROCESS_INSTANCE_HISTORY,
  type HistoryDocument,
} from './history-collections.js';

export interface PurgeOptions {
  /** Epoch milliseconds: instances that ended strictly before are purged. */
  before: number;
  /** Receives each archived line (with its newline) before the records are deleted. */
  archive?: (line: string) => Promise<void>;
  batchSize?: number;
}

export interface PurgeResult {
  processInstances: number;
  records: number;
}

const OWNED = Object.values(HISTORY_COLLECTIONS);

export async function purgeHistory(db: Db, options: PurgeOptions): Promise<PurgeResult> {
  const batchSize = options.batchSize ?? 500;
  const result: PurgeResult = { processInstances: 0, records: 0 };
  const instances = db.collection<HistoryDocument>(PROCESS_INSTANCE_HISTORY);
  for (;;) {
    // The instances that ended first, read from the end-date index in its order.
    const oldest = await instances
      .find({}, { projection: { _id: 1, endDate: 1 } })
      .sort({ ed: 1 })
      .limit(batchSize)
      .toArray();
    const due = oldest.filter((instance) => Number(instance['endDate']) < options.before);
    if (due.length === 0) return result;
    const keys = due.map((instance) => instance._id);
    for (const name of OWNED) {
      const collection = db.collection<HistoryDocument>(name);
      // One lookup per instance: FerretDB serves `processInstanceKey` from an index, not `$in` over many.
      if (options.archive)
        for (const key of keys)
          for await (const document of collection.find({ processInstanceKey: key }))
            await options.archive(
              `${JSON.stringify({ collection: name, record: JSON.parse(document.j) })}\n`,
            );
      const deleted = await collection.bulkWrite(
        keys.map((key) => ({ deleteMany: { filter: { processInstanceKey: key } } })),
        { ordered: false },
      );
      result.records += deleted.deletedCount;
    }
    if (options.archive)
      for (const key of keys) {
        const document = await instances.findOne({ _id: key });
        if (document)
          await options.archive(
            `${JSON.stringify({ collection: PROCESS_INSTANCE_HISTORY, record: JSON.parse(document.j) })}\n`,
          );
      }
    const deleted = await instances.bulkWrite(
      keys.map((key) => ({ deleteOne: { filter: { _id: key } } })),
      { ordered: false },
    );
    result.records += deleted.deletedCount;
    result.processInstances += keys.length;
    if (due.length < oldest.length) return result;
  }
}

/** Applies a retention period now and then (`ENGINE_HISTORY_RETENTION_DAYS`; unset keeps everything). */
export function scheduleRetention(
  db: Db,
  days: number,
  now: () => number,
  log: (message: string, data?: unknown) => void,
  everyMs = 6 * 60 * 60 * 1000,
): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const purged = await purgeHistory(db, { before: now() - days * 24 * 60 * 60 * 1000 });
      if (purged.processInstances > 0) log('history retention purged finished instances', purged);
    } catch (error) {
      log('history retention failed; will retry', { error: String(error) });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
