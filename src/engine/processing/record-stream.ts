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

export class RecordStream {
  private readonly entries: LifecycleRecord[] = [];
  private position = 0;

  constructor(private readonly limit = 20_000) {}

  append(record: Omit<LifecycleRecord, 'position'>): void {
    this.position += 1;
    this.entries.push({ ...record, position: this.position });
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  /** Records of one process instance (or all), oldest first. */
  list(processInstanceKey?: string): LifecycleRecord[] {
    return processInstanceKey
      ? this.entries.filter((entry) => entry.processInstanceKey === processInstanceKey)
      : [...this.entries];
  }
}
