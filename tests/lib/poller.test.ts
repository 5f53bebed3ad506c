import { describe, expect, it } from 'vitest';
import { Poller } from '../../src/lib/poller.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Poller', () => {
  it('never runs two ticks at once, goes on after a failed one, and stop waits for the tick in progress', async () => {
    let active = 0;
    let most = 0;
    let ticks = 0;
    let finished = 0;
    const errors: unknown[] = [];
    const poller = new Poller(async () => {
      ticks += 1;
      active += 1;
      most = Math.max(most, active);
      await sleep(30);
      active -= 1;
      finished += 1;
      if (ticks === 1) throw new Error('engine away');
    });
    poller.start(5, (error) => errors.push(error));
    await sleep(200);
    await poller.stop();
    expect(most).toBe(1);
    expect(ticks).toBeGreaterThan(2);
    expect(errors).toHaveLength(1);
    expect(finished).toBe(ticks);
    const stoppedAt = ticks;
    await sleep(50);
    expect(ticks).toBe(stoppedAt);
  });
});
