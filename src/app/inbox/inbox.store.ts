import { Schema, type Connection, type Model } from 'mongoose';
import { scopeFilter, type TaskScope } from './task-scope.js';

export interface DraftRecord {
  taskKey: string;
  username: string;
  /** The form data as JSON text: field keys may contain characters MongoDB refuses in keys. */
  dataJson: string;
  savedAt: Date;
}

export type InboxAction = 'claim' | 'unclaim' | 'draft' | 'complete';

export interface InboxAuditRecord {
  at: Date;
  actor: string;
  /** The actor's full name at the time, as the history shows it. */
  actorName?: string;
  action: InboxAction;
  taskKey: string;
  /** The task's name (the step) at the time, as the history shows it. */
  stepName?: string;
  processInstanceKey: string;
  /** The task's chain (task-scope.ts): who else may read this entry. */
  chain: string;
}

const draftSchema = new Schema<DraftRecord>(
  {
    taskKey: { type: String, required: true },
    username: { type: String, required: true },
    dataJson: { type: String, required: true },
    savedAt: { type: Date, required: true },
  },
  { collection: 'task_drafts', versionKey: false },
);
draftSchema.index({ taskKey: 1, username: 1 }, { unique: true });

const auditSchema = new Schema<InboxAuditRecord>(
  {
    at: { type: Date, required: true },
    actor: { type: String, required: true },
    actorName: { type: String },
    action: { type: String, required: true },
    taskKey: { type: String, required: true },
    stepName: { type: String },
    processInstanceKey: { type: String, required: true },
    chain: { type: String, default: '' },
  },
  { collection: 'inbox_audit', versionKey: false },
);
auditSchema.index({ processInstanceKey: 1, at: 1 });

/** Drafts (one per task and user, kept on the server) and the audit log of every inbox action. */
export class InboxStore {
  private readonly Draft: Model<DraftRecord>;
  private readonly Audit: Model<InboxAuditRecord>;

  constructor(connection: Connection) {
    this.Draft = connection.models.TaskDraft ?? connection.model<DraftRecord>('TaskDraft', draftSchema);
    this.Audit =
      connection.models.InboxAudit ?? connection.model<InboxAuditRecord>('InboxAudit', auditSchema);
  }

  async saveDraft(
    taskKey: string,
    username: string,
    data: Record<string, unknown>,
    savedAt: Date,
  ): Promise<void> {
    await this.Draft.updateOne(
      { taskKey, username },
      { $set: { dataJson: JSON.stringify(data), savedAt } },
      { upsert: true },
    );
  }

  async draftOf(
    taskKey: string,
    username: string,
  ): Promise<{ data: Record<string, unknown>; savedAt: Date } | null> {
    const found = await this.Draft.findOne({ taskKey, username }).lean();
    return found
      ? { data: JSON.parse(found.dataJson) as Record<string, unknown>, savedAt: found.savedAt }
      : null;
  }

  async dropDrafts(taskKey: string): Promise<void> {
    await this.Draft.deleteMany({ taskKey });
  }

  async record(entry: InboxAuditRecord): Promise<void> {
    await this.Audit.create(entry);
  }

  /** The history of an instance as the scope lets its viewer see it (task-scope.ts), the latest 200, oldest first. */
  async historyOf(processInstanceKey: string, scope: TaskScope): Promise<InboxAuditRecord[]> {
    const latest = await this.Audit.find(scopeFilter(processInstanceKey, scope), { _id: 0 })
      .sort({ at: -1, _id: -1 })
      .limit(200)
      .lean();
    return latest.reverse();
  }
}
