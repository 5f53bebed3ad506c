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
  /** The client's address. */
  ip: string;
}

export interface AdminAuditEntry {
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: Record<string, string>;
  requestId: string;
  ip: string;
}

/** What a supervisor narrows the trail to; every part optional. */
export interface AuditFilter {
  actor?: string;
  /** An action (`auth.sign-in`) or a family of them (`auth`, `personnel`). */
  action?: string;
  target?: string;
  ip?: string;
  from?: Date;
  to?: Date;
}

const schema = new Schema<AdminAuditRecord>(
  {
    at: { type: Date, required: true },
    actor: { type: String, required: true },
    action: { type: String, required: true },
    target: { type: String, default: '' },
    detailJson: { type: String, default: '{}' },
    requestId: { type: String, default: '' },
    ip: { type: String, default: '' },
  },
  { collection: 'admin_audit', versionKey: false },
);
schema.index({ at: -1 });

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The audit trail: administrators' changes to units, users and roles, and access — sign-ins (success, failure,
 * lockout), sign-outs, password changes, document downloads, reads of personnel data. Who, when, from where, what;
 * never a password or token. Append-only.
 */
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
      actor: entry.actor || '-',
      action: entry.action,
      target: entry.target,
      detailJson: JSON.stringify(entry.detail),
      requestId: entry.requestId,
      ip: entry.ip ?? '',
    });
  }

  /** Newest first, one page, with the number of all matching entries. */
  async page(
    page: number,
    pageSize: number,
    filter: AuditFilter = {},
  ): Promise<{ items: AdminAuditEntry[]; total: number }> {
    const query: Record<string, unknown> = {};
    if (filter.actor) query.actor = filter.actor.toLowerCase();
    if (filter.action) query.action = { $regex: new RegExp(`^${escapeRegex(filter.action)}(\\.|-|$)`) };
    if (filter.target) query.target = filter.target;
    if (filter.ip) query.ip = filter.ip;
    if (filter.from || filter.to)
      query.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    const [records, total] = await Promise.all([
      this.Entry.find(query)
        .sort({ at: -1, _id: -1 })
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .lean(),
      this.Entry.countDocuments(query),
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
        ip: record.ip ?? '',
      })),
    };
  }
}
