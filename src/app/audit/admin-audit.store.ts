import { Schema, type Connection, type Model } from 'mongoose';
import type { Clock } from '../../lib/clock.js';
import type { AuditTrail } from '../http/route-mounter.js';

export interface AdminAuditRecord {
  at: Date;
  actor: string;
  action: string;
  target: string;
  /** Kept as JSON text: detail keys are free and MongoDB restricts some characters in keys. */
  detailJson: string;
  requestId: string;
}

export interface AdminAuditEntry {
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: Record<string, string>;
  requestId: string;
}

const schema = new Schema<AdminAuditRecord>(
  {
    at: { type: Date, required: true },
    actor: { type: String, required: true },
    action: { type: String, required: true },
    target: { type: String, default: '' },
    detailJson: { type: String, default: '{}' },
    requestId: { type: String, default: '' },
  },
  { collection: 'admin_audit', versionKey: false },
);
schema.index({ at: -1 });

/** The administrators' changes to units, users and roles: who did what to whom, when. Append-only. */
export class AdminAuditStore implements AuditTrail {
  private readonly Entry: Model<AdminAuditRecord>;

  constructor(
    connection: Connection,
    private readonly clock: Clock,
  ) {
    this.Entry = connection.models.AdminAudit ?? connection.model<AdminAuditRecord>('AdminAudit', schema);
  }

  async record(entry: Parameters<AuditTrail['record']>[0]): Promise<void> {
    await this.Entry.create({
      at: this.clock.now(),
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      detailJson: JSON.stringify(entry.detail),
      requestId: entry.requestId,
    });
  }

  /** Newest first, one page, with the number of all entries. */
  async page(page: number, pageSize: number): Promise<{ items: AdminAuditEntry[]; total: number }> {
    const [records, total] = await Promise.all([
      this.Entry.find()
        .sort({ at: -1, _id: -1 })
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .lean(),
      this.Entry.countDocuments(),
    ]);
    return {
      total,
      items: records.map((record) => ({
        at: record.at.toISOString(),
        actor: record.actor,
        action: record.action,
        target: record.target,
        detail: JSON.parse(record.detailJson) as Record<string, string>,
        requestId: record.requestId,
      })),
    };
  }
}
