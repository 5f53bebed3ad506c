/**
 * A bounded in-memory stream of lifecycle records, in the order the engine wrote them — what tests assert
 * (ELEMENT_ACTIVATING → ELEMENT_ACTIVATED → ELEMENT_COMPLETING → ELEMENT_COMPLETED → SEQUENCE_FLOW_TAKEN) and what
 * a monitor can show as recent history. Durable history lives in the element instance documents.
 */
export type RecordIntent =
  | 'ELEMENT_ACTIVATING'
  | 'ELEMENT_ACTIVATED'
  | 'ELEMENT_COMPLETING'
  | 'ELEMENT_COMPLETED'
  | 'ELEMENT_TERMINATING'
  | 'ELEMENT_TERMINATED'
  | 'ELEMENT_MIGRATED'
  | 'SEQUENCE_FLOW_TAKEN';

export interface LifecycleRecord {
  position: number;
  timestamp: number;
  intent: RecordIntent;
  key: string;
  elementId: string;
  bpmnElementType: string;
  processInstanceKey: string;
  flowScopeKey: string | null;
}

/** A ring buffer: appending is O(1) however long the engine runs. */
export class RecordStream {
  private readonly entries: (LifecycleRecord | undefined)[];
  private position = 0;

  constructor(private readonly limit = 20_000) {
    this.entries = new Array<LifecycleRecord | undefined>(limit);
  }

  append(record: Omit<LifecycleRecord, 'position'>): void {
    this.position += 1;
    this.entries[this.position % this.limit] = { ...record, position: this.position };
  }

  /** Records of one process instance (or all), oldest first. */
  list(processInstanceKey?: string): LifecycleRecord[] {
    const result: LifecycleRecord[] = [];
    const first = Math.max(1, this.position - this.limit + 1);
    for (let position = first; position <= this.position; position += 1) {
      const entry = this.entries[position % this.limit];
      if (entry && (!processInstanceKey || entry.processInstanceKey === processInstanceKey))
        result.push(entry);
    }
    return result;
  }
}
