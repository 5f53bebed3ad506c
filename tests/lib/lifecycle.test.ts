import { describe, expect, it } from 'vitest';
import { Lifecycle } from '../../src/lib/lifecycle.js';

describe('Lifecycle', () => {
  it('stops what was started in the reverse order, once, even when asked twice at the same time', async () => {
    const stopped: string[] = [];
    const life = new Lifecycle(() => undefined);
    for (const name of ['database', 'engine', 'http server'])
      life.add(name, name, async (part) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        stopped.push(part);
      });
    await Promise.all([life.stopAll(), life.stopAll()]);
    expect(stopped).toEqual(['http server', 'engine', 'database']);
  });

  it('goes on stopping the rest when one part fails to stop, and reports that part', async () => {
    const stopped: string[] = [];
    const failures: string[] = [];
    const life = new Lifecycle((name, error) => failures.push(`${name}: ${(error as Error).message}`));
    life.add('database', 'database', (part) => void stopped.push(part));
    life.add('workers', 'workers', () => {
      throw new Error('stuck');
    });
    life.add('http server', 'http server', (part) => void stopped.push(part));
    await life.stopAll();
    expect(stopped).toEqual(['http server', 'database']);
    expect(failures).toEqual(['workers: stuck']);
  });

  it('returns the part it records, so a root can start and record in one step', () => {
    const life = new Lifecycle(() => undefined);
    const part = { port: 3000 };
    expect(life.add(part, 'server', () => undefined)).toBe(part);
  });
});
