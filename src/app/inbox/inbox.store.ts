import { Schema, type Connection, type Model } from 'mongoose';
import type { BusinessContext } from './business-context.js';
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

/**
 * A task's business context as read from the engine once (business-context.ts), shared by every app replica: the
 * replica that holds the context warmer's lease reads it, the others find it here instead of asking the engine.
 */
interface ContextRecord {
  _id: string;
  unitName: string;
  period: string;
  returned: boolean;
}

const contextSchema = new Schema<ContextRecord>(
  {
    _id: { type: String, required: true },
    unitName: { type: String, default: '' },
    period: { type: String, default: '' },
    returned: { type: Boolean, default: false },
  },
  { collection: 'task_contexts', versionKey: false },
);

/**
 * Drafts (one per task and user, kept on the server), the audit log of every inbox action, and the tasks' business
 * contexts read so far.
 */
export class InboxStore {
  private readonly Draft: Model<DraftRecord>;
  private readonly Audit: Model<InboxAuditRecord>;
  private readonly Context: Model<ContextRecord>;

  constructor(connection: Connection) {
    this.Draft = connection.models.TaskDraft ?? connection.model<DraftRecord>('TaskDraft', draftSchema);
    this.Audit =
      connection.models.InboxAudit ?? connection.model<InboxAuditRecord>('InboxAudit', auditSchema);
    this.Context =
      connection.models.TaskContext ?? connection.model<ContextRecord>('TaskContext', contextSchema);
  }

  async contextOf(taskKey: string): Promise<BusinessContext | undefined> {
    const found = await this.Context.findById(taskKey).lean<ContextRecord>();
    return found ? { unitName: found.unitName, period: found.period, returned: found.returned } : undefined;
  }

  /** Kept once: a task's context does not change, and whoever read it first read the same. */
  async keepContext(taskKey: string, context: BusinessContext): Promise<void> {
    try {
      await this.Context.create({ _id: taskKey, ...context });
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code !== 11000) throw error;
    }
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
