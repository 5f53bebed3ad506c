import { Schema, type Connection, type Model } from 'mongoose';

export interface ProcessStartRecord {
  at: Date;
  actor: string;
  actorName: string;
  processId: string;
  processInstanceKey: string;
}

const schema = new Schema<ProcessStartRecord>(
  {
    at: { type: Date, required: true },
    actor: { type: String, required: true },
    actorName: { type: String, required: true },
    processId: { type: String, required: true },
    processInstanceKey: { type: String, required: true },
  },
  { collection: 'process_start_audit', versionKey: false },
);
schema.index({ processInstanceKey: 1 });

/** The audit log of processes started by hand. */
export class ProcessStartStore {
  private readonly Audit: Model<ProcessStartRecord>;

  constructor(connection: Connection) {
    this.Audit =
      connection.models.ProcessStartAudit ??
      connection.model<ProcessStartRecord>('ProcessStartAudit', schema);
  }

  async record(entry: ProcessStartRecord): Promise<void> {
    await this.Audit.create(entry);
  }

  async all(): Promise<ProcessStartRecord[]> {
    return this.Audit.find({}, { _id: 0 }).sort({ at: 1 }).lean();
  }
}
