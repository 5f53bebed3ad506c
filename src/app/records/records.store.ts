import type { Collection, Connection } from 'mongoose';

/** One stored report of a unit for a period (Art. 10.2, 11.3); upserted so a retried job writes it once. */
export interface StoredReport {
  loaiBaoCao: string;
  periodCode: string;
  unitCode: string;
  unitName: string;
  baoCao: Record<string, unknown>;
  quaHan: boolean;
  nhanXetBanTuyenGiao: string | null;
  processInstanceKey: string;
  acceptedAt: Date;
}

export interface StoredDocument {
  key: string;
  mauVanBan: string;
  tenTep: string;
  soKyHieu: string;
  processInstanceKey: string;
  /** Candidate groups that may download it; null: the rule of document-access.ts (personnel documents are restricted). */
  audienceGroups: string[] | null;
  /** Where it belongs, for the documents list (absent on documents generated before it was kept). */
  meta?: DocumentMeta;
  contentType: string;
  content: Buffer;
  createdAt: Date;
}

/** A document's place: its process, period, the units it concerns and the date printed on it. */
export interface DocumentMeta {
  processId: string;
  periodCode: string | null;
  periodLabel: string | null;
  units: { code: string; name: string }[];
  ngayBanHanh: string | null;
}

/** A stored document without its content, as lists show it. */
export type DocumentHeader = Omit<StoredDocument, 'content'>;

/** The documents list's filter; every field optional. */
export interface DocumentQuery {
  processId?: string;
  periodCode?: string;
  unitCode?: string;
  processInstanceKey?: string;
}

export interface StoredRecord {
  key: string;
  kind: string;
  processInstanceKey: string;
  data: Record<string, unknown>;
  createdAt: Date;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Binary data as the driver returns it (a Buffer, or a BSON Binary holding one). */
function bufferOf(value: unknown): Buffer {
  const content = value as Buffer | { buffer: Uint8Array };
  return Buffer.isBuffer(content) ? content : Buffer.from(content.buffer);
}

/**
 * The app's records written by workers: reports, documents, decisions, personnel files, task progress. Plain
 * collections with natural keys, because FerretDB has no transactions: every write is a single-document upsert.
 */
export class RecordStore {
  constructor(private readonly connection: Connection) {}

  /** The lookups the workers and routes make; plain indexes, which FerretDB supports. */
  async ensureIndexes(): Promise<void> {
    await this.collection('reports').createIndex({ loaiBaoCao: 1, periodCode: 1 });
    await this.collection('records').createIndex({ kind: 1 });
    await this.collection('documents').createIndex({ processInstanceKey: 1 });
    await this.collection('documents').createIndex({ createdAt: -1 });
    await this.collection('reports').createIndex({ processInstanceKey: 1 });
  }

  private collection(name: string): Collection {
    return this.connection.collection(name);
  }

  async saveReport(report: Omit<StoredReport, 'acceptedAt'>, at: Date): Promise<string> {
    const id = `${report.loaiBaoCao}/${report.periodCode}/${report.unitCode}`;
    await this.collection('reports').updateOne(
      { _id: id as never },
      { $set: { ...report }, $setOnInsert: { acceptedAt: at } },
      { upsert: true },
    );
    return id;
  }

  async reportsOf(loaiBaoCao: string, periodCode: string): Promise<StoredReport[]> {
    return (await this.collection('reports')
      .find({ loaiBaoCao, periodCode })
      .sort({ unitCode: 1 })
      .toArray()) as unknown as StoredReport[];
  }

  /** The reports filed by one process instance (a period), by unit. */
  async reportsOfInstance(processInstanceKey: string): Promise<StoredReport[]> {
    return (await this.collection('reports')
      .find({ processInstanceKey })
      .toArray()) as unknown as StoredReport[];
  }

  /**
   * The headers (no content) of the documents matching the query, newest first. Few documents are generated (a
   * handful per period), so the caller filters by audience in memory.
   */
  async documentHeaders(query: DocumentQuery = {}): Promise<DocumentHeader[]> {
    // Only the instance goes to the database: paths into nested arrays are beyond what FerretDB is trusted with.
    const filter = query.processInstanceKey ? { processInstanceKey: query.processInstanceKey } : {};
    const found = (await this.collection('documents')
      .find(filter, { projection: { content: 0, pdf: 0 } })
      .sort({ createdAt: -1 })
      .toArray()) as unknown as DocumentHeader[];
    return found.filter(
      (d) =>
        (!query.processId || d.meta?.processId === query.processId) &&
        (!query.periodCode || d.meta?.periodCode === query.periodCode) &&
        (!query.unitCode || (d.meta?.units ?? []).some((u) => u.code === query.unitCode)),
    );
  }

  /**
   * Stores a generated document under its key; a regenerated one replaces the previous content and drops the PDF
   * made from it.
   */
  async saveDocument(document: Omit<StoredDocument, 'createdAt' | 'contentType'>, at: Date): Promise<string> {
    await this.collection('documents').updateOne(
      { _id: document.key as never },
      { $set: { ...document, contentType: DOCX, createdAt: at }, $unset: { pdf: '' } },
      { upsert: true },
    );
    return document.key;
  }

  async findDocument(id: string): Promise<StoredDocument | undefined> {
    const found = await this.collection('documents').findOne(
      { _id: id as never },
      { projection: { pdf: 0 } },
    );
    if (!found) return undefined;
    return { ...(found as unknown as StoredDocument), content: bufferOf(found.content) };
  }

  /** The PDF made from the stored .docx, if one was made since it was (re)generated. */
  async findDocumentPdf(id: string): Promise<Buffer | undefined> {
    const found = await this.collection('documents').findOne(
      { _id: id as never },
      { projection: { pdf: 1 } },
    );
    return found?.pdf ? bufferOf(found.pdf) : undefined;
  }

  /** Caches the PDF of the .docx generated at `generatedAt`; a document regenerated meanwhile keeps none. */
  async saveDocumentPdf(id: string, pdf: Buffer, generatedAt: Date): Promise<void> {
    await this.collection('documents').updateOne(
      { _id: id as never, createdAt: generatedAt },
      { $set: { pdf } },
    );
  }

  /** Decisions, personnel files and task progress: one document per key, first write wins. */
  async saveRecord(record: Omit<StoredRecord, 'createdAt'>, at: Date, replace = false): Promise<string> {
    const update = replace
      ? { $set: { ...record, createdAt: at } }
      : { $setOnInsert: { ...record, createdAt: at } };
    await this.collection('records').updateOne({ _id: record.key as never }, update, { upsert: true });
    return record.key;
  }

  async findRecord(key: string): Promise<StoredRecord | undefined> {
    return ((await this.collection('records').findOne({ _id: key as never })) ?? undefined) as
      StoredRecord | undefined;
  }

  async recordsOf(kind: string): Promise<StoredRecord[]> {
    return (await this.collection('records').find({ kind }).toArray()) as unknown as StoredRecord[];
  }
}
