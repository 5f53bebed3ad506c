/**
 * The one test harness: a fresh database per file, the embedded engine with the official clients, the app, the
 * whole service, and test BPMN. tests/README.md tells which to start for which kind of test.
 */
export { createTestDatabase, type TestDatabase } from './database.js';
export {
  connectClients,
  type ClientOptions,
  type EngineAddresses,
  type TestClients,
  type ZeebeClient,
} from './clients.js';
export {
  CONFORMANCE_CLIENTS,
  IMMEDIATE_READS,
  startTestEngine,
  useTestEngine,
  type ClockedTestEngine,
  type RunningEngine,
  type TestEngine,
  type TestEngineOptions,
} from './engine.js';
export {
  instanceState,
  startEngineCore,
  useEngineCore,
  type EngineCore,
  type TestEngineCore,
} from './engine-core.js';
export { startTestApp, TEST_HASHER, type TestApp } from './app.js';
export { HttpClient, PASSWORD, type ApiResponse } from './http-client.js';
export { appClockOf, startTestService, type TestService, type TestServiceOptions } from './service.js';
export { eventually, loose, noWait, pollUntil } from './waiting.js';
export {
  bpmnElement,
  bpmnFile,
  element,
  expression,
  extensions,
  flow,
  processResource,
  processXml,
  sequence,
  text,
  type Attributes,
  type DocumentOptions,
  type Xml,
} from './bpmn.js';
export {
  bpmnError,
  endEvent,
  errorDefinition,
  escalation,
  escalationDefinition,
  message,
  messageDefinition,
  oneTaskProcess,
  serviceTask,
  signal,
  signalDefinition,
  startEvent,
  taskHeaders,
  timerDefinition,
  userTask,
  userTaskProcess,
  type ServiceTaskOptions,
  type UserTaskOptions,
} from './bpmn-elements.js';
export {
  decisionTable,
  dmnXml,
  literalDecision,
  scoreBandTable,
  type DecisionTableOptions,
  type TableInput,
  type TableOutput,
  type TableRule,
} from './dmn.js';
export { ControllableClock } from '../../../src/engine/index.js';
export { TestClock } from '../../../src/lib/clock.js';
export { useBeforeAll } from './lifecycle.js';
