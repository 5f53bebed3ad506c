/**
 * Restart: replay the log tail, load live records, re-parse the deployed models, and put every due item back on
 * the scheduler — activated jobs whose deadline passed become activatable at the first check, and timers that fell
 * due while the engine was down fire once.
 */
import type { Db } from 'mongodb';
import type { EngineCore, EngineCoreLogger } from './engine-core.js';
import type { BpmnParser } from './commands/deployment.commands.js';
import type { ProcessModel } from '../model/process-model.js';
import { parseDmn } from '../dmn/parse-dmn.js';
import { COLLECTIONS } from '../state/engine-state.js';
import { replayLogTail } from '../state/persistence/recovery.js';
import { ensureHistoryIndexes } from '../state/history/history-collections.js';

export async function restoreRuntime(
  db: Db,
  core: EngineCore,
  parse: BpmnParser,
  logger: EngineCoreLogger,
): Promise<void> {
  for (const collection of Object.values(COLLECTIONS))
    await db.collection(collection).createIndex({ live: 1 });
  await ensureHistoryIndexes(db);
  logger('debug', 'restore: indexes ensured');
  const position = await replayLogTail(db);
  logger('debug', 'restore: log tail replayed', position);
  core.keys.restore(position.nextKey);
  core.log.resumeAt(position.seq);
  const { state, scheduler } = core;
  await core.loadState(db);
  logger('debug', 'restore: state loaded');

  const parsed = new Map<string, ProcessModel[]>();
  for (const definition of [...state.definitions.values()].sort((a, b) => a.version - b.version)) {
    let models = parsed.get(definition.checksum);
    if (!models) {
      const result = await parse(definition.xml, definition.resourceName);
      models = result.ok ? result.processes : [];
      if (!result.ok)
        logger('error', 'a deployed process no longer parses', {
          key: definition.key,
          message: result.message,
        });
      parsed.set(definition.checksum, models);
    }
    const model = models.find((candidate) => candidate.id === definition.bpmnProcessId);
    if (model) core.restoreDefinition(definition, model);
  }
  for (const graph of state.decisionRequirements.values()) {
    try {
      core.restoreDecisionRequirements(graph, await parseDmn(graph.xml, graph.resourceName));
    } catch (error) {
      logger('error', 'a deployed DMN resource no longer parses', { key: graph.key, message: String(error) });
    }
  }
  for (const job of state.jobs.values()) {
    if (job.state === 'ACTIVATED') scheduler.schedule(job.deadline, 'jobDeadline', job.key);
    if (job.state === 'FAILED' && job.retries > 0 && job.retryAt > 0)
      scheduler.schedule(job.retryAt, 'jobRetry', job.key);
  }
  for (const timer of state.timers.values()) scheduler.schedule(timer.dueDate, 'timer', timer.key);
  for (const message of state.messages.values())
    scheduler.schedule(message.deadline, 'messageTtl', message.key);
  logger('info', 'engine state restored', {
    definitions: state.definitions.size,
    decisions: state.decisions.size,
    elementInstances: state.elements.size,
    jobs: state.jobs.size,
    timers: state.timers.size,
  });
}
