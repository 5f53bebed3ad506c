import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  IMMEDIATE_READS,
  endEvent,
  flow,
  loose,
  noWait,
  processXml,
  startEvent,
  useTestEngine,
} from '../../support/harness/index.js';

const run = promisify(execFile);
// Tests the engine's own reads, which answer at once, whatever ENGINE_PROFILE the suite runs under.
const harness = useTestEngine({ clock: '2026-03-01T01:00:00.000Z', profile: IMMEDIATE_READS });

async function historyCommand(...args: string[]): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', path.resolve('src/engine/history-command.ts'), ...args],
    { env: { ...process.env, MONGODB_URI: harness.database.uri } },
  );
  return stdout;
}

describe('history retention', () => {
  it('purges finished instances that ended before a day, with their records, into an archive', async () => {
    await harness.zeebe.deployResource({
      name: 'purge.bpmn',
      process: Buffer.from(processXml('purge', [startEvent('s'), endEvent('e'), flow('s', 'e')])),
    });
    const start = () =>
      harness.zeebe.createProcessInstance({ bpmnProcessId: 'purge', variables: { kept: 'x' } });
    const old = [await start(), await start(), await start()].map((each) => each.processInstanceKey);
    harness.clock!.set('2026-04-01T01:00:00.000Z');
    const recent = [await start(), await start()].map((each) => each.processInstanceKey);
    await harness.restart();

    const folder = await mkdtemp(path.join(os.tmpdir(), 'purge-'));
    try {
      await expect(historyCommand('purge', '--before', '2026-13-45')).rejects.toThrow(/yyyy-mm-dd/);
      const archive = path.join(folder, 'archive.jsonl');
      const output = JSON.parse(
        await historyCommand('purge', '--before', '2026-03-15', '--archive', archive),
      ) as {
        processInstances: number;
        records: number;
      };
      expect(output.processInstances).toBe(3);
      const lines = (await readFile(archive, 'utf8'))
        .trim()
        .split('\n')
        .map(
          (line) =>
            JSON.parse(line) as {
              collection: string;
              record: { key: string; processInstanceKey: string };
            },
        );
      expect(lines).toHaveLength(output.records);
      expect(new Set(lines.map((line) => line.record.processInstanceKey))).toEqual(new Set(old));
      expect(lines.some((line) => line.collection === 'engine_history_variables')).toBe(true);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }

    const left = await harness.rest.searchProcessInstances(
      loose({ filter: { processDefinitionId: 'purge' } }),
      noWait,
    );
    expect(left.items.map((item) => String(item.processInstanceKey)).sort()).toEqual([...recent].sort());
    const variables = await harness.rest.searchVariables(loose({ filter: { name: 'kept' } }), noWait);
    expect(variables.page.totalItems).toBe(2);
  }, 60_000);
});
