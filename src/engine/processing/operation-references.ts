/**
 * Idempotent process-instance creation: a CreateProcessInstance carrying an `operationReference` (gRPC and REST v2
 * both have the field) that the engine has seen creates nothing and answers the instance the first call created.
 *
 * Why: during a database outage a create may be answered DEADLINE_EXCEEDED although it takes effect once the
 * database is back; the client cannot know. Retrying with the same reference is then safe. Camunda 8.8 only
 * copies operationReference into its records; treating it as an idempotency key is this engine's extension (on a
 * real cluster a retry creates a second instance, as it would without the field).
 *
 * The reference is written into the same log batch as the instance it created (PersistenceLog.markDirty), so
 * after a crash both are there or neither is. References are kept for a day (then the key space is the
 * client's again); the map is small: one entry per keyed creation.
 */
import type { Db } from 'mongodb';
import type { CreatedInstance } from '../engine-api.js';
import type { DirtySink } from '../state/store.js';

export const OPERATION_REFERENCES_COLLECTION = 'engine_operation_references';
const KEEP_MS = 24 * 60 * 60 * 1000;

interface ReferenceRecord {
  created: CreatedInstance;
  at: number;
}

export class OperationReferences {
  private readonly byKey = new Map<string, ReferenceRecord>();

  constructor(
    private readonly sink: DirtySink,
    private readonly now: () => number,
  ) {}

  private static key(tenantId: string | undefined, reference: string): string {
    return `${tenantId ?? '<default>'}/${reference}`;
  }

  find(tenantId: string | undefined, reference: string): CreatedInstance | undefined {
    const record = this.byKey.get(OperationReferences.key(tenantId, reference));
    if (!record) return undefined;
    if (this.now() - record.at > KEEP_MS) return undefined;
    return record.created;
  }

  /** Within the creating command, so the reference joins the instance's log batch. */
  remember(tenantId: string | undefined, reference: string, created: CreatedInstance): void {
    const key = OperationReferences.key(tenantId, reference);
    const record: ReferenceRecord = { created, at: this.now() };
    this.byKey.set(key, record);
    this.sink.markDirty(OPERATION_REFERENCES_COLLECTION, key, () => JSON.stringify(record));
  }

  /** Restart: the references of the last day (state documents `{_id, live, j}` as the log's applier writes them). */
  async load(db: Db): Promise<void> {
    const documents = db.collection<{ _id: string; j: string }>(OPERATION_REFERENCES_COLLECTION).find({});
    for await (const document of documents) {
      const record = JSON.parse(document.j) as ReferenceRecord;
      if (this.now() - record.at <= KEEP_MS) this.byKey.set(document._id, record);
    }
  }
}
