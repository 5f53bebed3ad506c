/**
 * Document shapes for records holding arbitrary JSON: the JSON becomes text, so names with '.' or '$' never
 * become MongoDB field names.
 */
import type { RecordCodec, Document } from './store.js';
import { plainCodec } from './store.js';
import type { JobRecord, MessageRecord, UserTaskRecord, VariableRecord } from './records.js';

function jsonFieldsCodec<T extends { key: string }>(fields: (keyof T & string)[]): RecordCodec<T> {
  const plain = plainCodec<T>();
  return {
    toDocument(record) {
      const document = plain.toDocument(record);
      for (const field of fields) document[field] = JSON.stringify(record[field] ?? null);
      return document;
    },
    fromDocument(document: Document) {
      const record = plain.fromDocument(document) as Record<string, unknown>;
      for (const field of fields) {
        const text = record[field];
        record[field] = typeof text === 'string' ? (JSON.parse(text) as unknown) : null;
      }
      return record as unknown as T;
    },
  };
}

export const variableCodec = jsonFieldsCodec<VariableRecord>(['value']);
export const jobCodec = jsonFieldsCodec<JobRecord>(['customHeaders']);
export const messageCodec = jsonFieldsCodec<MessageRecord>(['variables']);
export const userTaskCodec = jsonFieldsCodec<UserTaskRecord>(['customHeaders']);
