/** Incidents: a failed step stops its element instance until the incident is resolved. */
import type { Clock } from '../../engine-api.js';
import type { EngineStateView } from '../../state/engine-state-view.js';
import type { StateWriter } from '../../state/state-writer.js';
import type { KeyGenerator } from '../../state/key-generator.js';
import type { ElementInstanceRecord, IncidentRecord } from '../../state/records.js';

export class IncidentBehavior {
  constructor(
    private readonly state: EngineStateView,
    private readonly writer: StateWriter,
    private readonly keys: KeyGenerator,
    private readonly clock: Clock,
  ) {}

  raise(
    instance: ElementInstanceRecord,
    errorType: string,
    errorMessage: string,
    retry: IncidentRecord['retry'],
    jobKey: string | null = null,
  ): IncidentRecord {
    const incident: IncidentRecord = {
      key: this.keys.next(),
      errorType,
      errorMessage,
      elementId: instance.elementId,
      elementInstanceKey: instance.key,
      processInstanceKey: instance.processInstanceKey,
      processDefinitionKey: instance.processDefinitionKey,
      bpmnProcessId: instance.bpmnProcessId,
      jobKey,
      retry,
      state: 'ACTIVE',
      creationTime: this.clock.now(),
      tenantId: instance.tenantId,
    };
    this.writer.addIncident(incident);
    instance.incidentKey = incident.key;
    this.writer.updateElement(instance);
    return incident;
  }

  /** Marks it resolved; the caller retries the step. */
  resolve(incident: IncidentRecord): void {
    incident.state = 'RESOLVED';
    this.writer.retireIncident(incident);
    const instance = this.state.elements.get(incident.elementInstanceKey);
    if (instance && instance.incidentKey === incident.key) {
      instance.incidentKey = null;
      this.writer.updateElement(instance);
    }
  }

  /** An element instance that ends takes its incident with it. */
  resolveFor(instance: ElementInstanceRecord): void {
    if (!instance.incidentKey) return;
    const incident = this.state.incidents.get(instance.incidentKey);
    if (incident) this.resolve(incident);
    instance.incidentKey = null;
  }
}
