import { GridFSBucket, ObjectId, type Collection, type Db } from 'mongodb';
import type { Connection } from 'mongoose';

/** Where a file was attached: the task whose form carried it, and the chain of tasks of the unit it concerns. */
export interface AttachmentPlace {
  processInstanceKey: string;
  processId: string;
  taskKey: string;
  /** The step's name, for the history. */
  stepName: string;
  /** The unit's group (`co-so:so-tai-chinh`) whose chain of tasks the file belongs to; '' for the Bloc's bodies. */
  chain: string;
  /** The form field (its key path) the file was chosen in. */
  field: string;
}

/** A stored file's description, without its content. */
export interface StoredAttachment extends AttachmentPlace {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedBy: string;
  uploadedByName: string;
  uploadedAt: Date;
  /** When the form carrying it was submitted; null while it is only uploaded (seen by nobody but its uploader). */
  submittedAt: Date | null;
}

type Metadata = Omit<StoredAttachment, 'id' | 'size' | 'fileName'>;

interface FilesDocument {
  _id: ObjectId;
  length: number;
  filename: string;
  uploadDate: Date;
  metadata: Metadata;
}

const BUCKET = 'attachments';
/** GridFS's usual chunk size: every chunk document stays far below the 16 MB document limit. */
const CHUNK_BYTES = 255 * 1024;

function attachmentOf(file: FilesDocument): StoredAttachment {
  return { ...file.metadata, id: file._id.toHexString(), fileName: file.filename, size: file.length };
}

const objectIdOf = (id: string): ObjectId | undefined =>
  /^[0-9a-f]{24}$/.test(id) ? ObjectId.createFromHexString(id) : undefined;

/**
 * Attached files in the database, GridFS-style (the driver's GridFSBucket, which FerretDB serves): the content in
 * chunk documents, then one files document. The files document is written last, so an upload cut short leaves only
 * chunks that nothing lists (swept later), never a visible half file.
 */
export class AttachmentStore {
  constructor(private readonly connection: Connection) {}

  private get db(): Db {
    const db = this.connection.db;
    if (!db) throw new Error('attachments used before the database connection opened');
    return db as unknown as Db;
  }

  private bucket(): GridFSBucket {
    return new GridFSBucket(this.db, { bucketName: BUCKET, chunkSizeBytes: CHUNK_BYTES });
  }

  private files(): Collection<FilesDocument> {
    return this.db.collection<FilesDocument>(`${BUCKET}.files`);
  }

  async ensureIndexes(): Promise<void> {
    await this.files().createIndex({ 'metadata.processInstanceKey': 1 });
    await this.files().createIndex({ 'metadata.taskKey': 1 });
  }

  async save(fileName: string, content: Buffer, metadata: Metadata): Promise<StoredAttachment> {
    const upload = this.bucket().openUploadStream(fileName, { metadata });
    await new Promise<void>((resolve, reject) => {
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(content);
    });
    return { ...metadata, id: upload.id.toHexString(), fileName, size: content.length };
  }

  async find(id: string): Promise<StoredAttachment | undefined> {
    const _id = objectIdOf(id);
    if (!_id) return undefined;
    const found = await this.files().findOne({ _id });
    return found ? attachmentOf(found) : undefined;
  }

  async findMany(ids: readonly string[]): Promise<StoredAttachment[]> {
    const objectIds = ids.flatMap((id) => objectIdOf(id) ?? []);
    if (objectIds.length === 0) return [];
    return (
      await this.files()
        .find({ _id: { $in: objectIds } })
        .toArray()
    ).map(attachmentOf);
  }

  /** The content, read whole: files are bounded by ATTACHMENT_MAX_BYTES. */
  async content(id: string): Promise<Buffer | undefined> {
    const _id = objectIdOf(id);
    if (!_id) return undefined;
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of this.bucket().openDownloadStream(_id)) chunks.push(chunk as Buffer);
    } catch (error) {
      if (error instanceof Error && /FileNotFound/i.test(error.message)) return undefined;
      throw error;
    }
    return Buffer.concat(chunks);
  }

  /** The submitted files of an instance, oldest first. */
  async submittedOf(processInstanceKey: string): Promise<StoredAttachment[]> {
    const found = await this.files()
      .find({ 'metadata.processInstanceKey': processInstanceKey })
      .sort({ uploadDate: 1 })
      .toArray();
    return found.map(attachmentOf).filter((attachment) => attachment.submittedAt !== null);
  }

  /** Files a user uploaded for a form (a task's, or `start:<processId>`) and has not submitted yet. */
  async pendingOf(taskKey: string, uploadedBy: string): Promise<StoredAttachment[]> {
    const found = await this.files()
      .find({ 'metadata.taskKey': taskKey, 'metadata.uploadedBy': uploadedBy })
      .toArray();
    return found.map(attachmentOf).filter((attachment) => attachment.submittedAt === null);
  }

  /** Marks files as part of a submitted form: from now on they are listed for everyone who may see the task. */
  async markSubmitted(ids: readonly string[], at: Date): Promise<void> {
    const objectIds = ids.flatMap((id) => objectIdOf(id) ?? []);
    if (objectIds.length === 0) return;
    await this.files().updateMany(
      { _id: { $in: objectIds }, 'metadata.submittedAt': null },
      { $set: { 'metadata.submittedAt': at } },
    );
  }

  /**
   * Files uploaded with a start form, once the instance they started exists: they belong to it from now on, in the
   * chain of the unit that started it.
   */
  async markStarted(
    ids: readonly string[],
    processInstanceKey: string,
    chain: string,
    at: Date,
  ): Promise<void> {
    const objectIds = ids.flatMap((id) => objectIdOf(id) ?? []);
    if (objectIds.length === 0) return;
    await this.files().updateMany(
      { _id: { $in: objectIds }, 'metadata.submittedAt': null, 'metadata.processInstanceKey': '' },
      {
        $set: {
          'metadata.processInstanceKey': processInstanceKey,
          'metadata.chain': chain,
          'metadata.submittedAt': at,
        },
      },
    );
  }

  /** Deletes files uploaded before `before` and never submitted (a form abandoned), with their chunks. */
  async dropUnsubmitted(before: Date): Promise<number> {
    const stale = await this.files()
      .find(
        { 'metadata.submittedAt': null, 'metadata.uploadedAt': { $lt: before } },
        { projection: { _id: 1 } },
      )
      .toArray();
    const bucket = this.bucket();
    for (const file of stale) await bucket.delete(file._id);
    return stale.length;
  }
}
