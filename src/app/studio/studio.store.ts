import { Schema, type Connection, type Model } from 'mongoose';
import type { DraftKind } from '../../shared/contracts/index.js';

/**
 * The app's own record of a deployment made through the studio: the engine knows versions and keys, not who
 * deployed them or why. The content is kept too, so a form version can be shown and redeployed (REST v2 has no
 * search of forms by id) and so `npm start` knows which resources an administrator has taken over.
 */
export interface DeploymentRecord {
  kind: DraftKind;
  resourceId: string;
  version: number;
  key: string;
  content: string;
  deployedBy: string;
  deployedAt: Date;
  note: string;
  /** The version whose content was redeployed, for a rollback. */
  rollbackOf: number | null;
}

export interface DraftRecord {
  username: string;
  kind: DraftKind;
  resourceId: string;
  content: string;
  savedAt: Date;
}

const deploymentSchema = new Schema<DeploymentRecord>(
  {
    kind: { type: String, required: true },
    resourceId: { type: String, required: true },
    version: { type: Number, required: true },
    key: { type: String, required: true },
    content: { type: String, required: true },
    deployedBy: { type: String, required: true },
    deployedAt: { type: Date, required: true },
    note: { type: String, default: '' },
    rollbackOf: { type: Number, default: null },
  },
  { collection: 'studio_deployments', versionKey: false },
);
deploymentSchema.index({ kind: 1, resourceId: 1, version: 1 });

type StoredDraft = DraftRecord & { _id: string };

const draftSchema = new Schema<StoredDraft>(
  {
    _id: { type: String, required: true },
    username: { type: String, required: true },
    kind: { type: String, required: true },
    resourceId: { type: String, required: true },
    content: { type: String, required: true },
    savedAt: { type: Date, required: true },
  },
  { collection: 'studio_drafts', versionKey: false },
);
// One draft per user and resource: the _id says so, so a save is one upsert of one document.
const draftId = (username: string, kind: DraftKind, resourceId: string): string =>
  `${kind}|${resourceId}|${username}`;

export class StudioStore {
  private readonly Deployments: Model<DeploymentRecord>;
  private readonly Drafts: Model<StoredDraft>;

  constructor(connection: Connection) {
    this.Deployments =
      connection.models.StudioDeployment ??
      connection.model<DeploymentRecord>('StudioDeployment', deploymentSchema);
    this.Drafts = connection.models.StudioDraft ?? connection.model<StoredDraft>('StudioDraft', draftSchema);
  }

  async recordDeployment(record: DeploymentRecord): Promise<void> {
    await this.Deployments.create(record);
  }

  async deploymentsOf(kind: DraftKind, resourceId: string): Promise<DeploymentRecord[]> {
    return this.Deployments.find({ kind, resourceId }, { _id: 0 }).sort({ version: 1 }).lean();
  }

  async deployment(kind: DraftKind, resourceId: string, version: number): Promise<DeploymentRecord | null> {
    return this.Deployments.findOne({ kind, resourceId, version }, { _id: 0 }).lean();
  }

  /** The ids of resources of a kind that an administrator has deployed at least once. */
  async takenOver(kind: DraftKind): Promise<string[]> {
    const records = await this.Deployments.find({ kind }, { resourceId: 1, _id: 0 }).lean();
    return [...new Set(records.map((record) => record.resourceId))].sort();
  }

  async draft(username: string, kind: DraftKind, resourceId: string): Promise<DraftRecord | null> {
    return this.Drafts.findOne({ _id: draftId(username, kind, resourceId) }, { _id: 0 }).lean();
  }

  async saveDraft(draft: DraftRecord): Promise<void> {
    await this.Drafts.replaceOne(
      { _id: draftId(draft.username, draft.kind, draft.resourceId) },
      { ...draft, _id: draftId(draft.username, draft.kind, draft.resourceId) },
      { upsert: true },
    );
  }

  async discardDraft(username: string, kind: DraftKind, resourceId: string): Promise<void> {
    await this.Drafts.deleteOne({ _id: draftId(username, kind, resourceId) });
  }
}
