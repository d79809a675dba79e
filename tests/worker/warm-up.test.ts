import { afterEach, describe, expect, it, vi } from 'vitest';
import * as fastLoop from '../../src/rl/fast-loop';
import type { Snapshot } from '../../src/worker/protocol';
import { createTrainer } from '../../src/worker/trainer';
import { WARM_UP_DELAY_MS } from '../../src/worker/warm-up';
import { createFakeEndpoint } from './fake-endpoint';
import { lessonSettings } from './lesson-settings';

const settings = lessonSettings({ seed: 7, episodes: 300 });

/** Trains `settings` to its budget with or without the warm-up before Play; the last snapshot. */
function trained(warmUp: boolean): Snapshot {
  const port = createFakeEndpoint();
  const trainer = createTrainer(port, { warmUp });
  trainer.handle({ type: 'init', settings });
  port.advance(WARM_UP_DELAY_MS + 1);
  trainer.handle({ type: 'set-speed', speed: 'max' });
  trainer.handle({ type: 'play' });
  port.runAll();
  trainer.handle({ type: 'request-snapshot' });
  return port.lastSnapshot();
}

describe('warming the fast loop up', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs after each run is ready, on its environment, and changes nothing of the run', () => {
    const spy = vi.spyOn(fastLoop, 'warmUp');
    const port = createFakeEndpoint();
    const trainer = createTrainer(port, { warmUp: true });
    trainer.handle({ type: 'init', settings });
    expect(spy).not.toHaveBeenCalled();
    port.advance(WARM_UP_DELAY_MS + 1);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![0].nrow).toBe(4);
    trainer.handle({ type: 'request-snapshot' });
    const s = port.lastSnapshot();
    expect(s.totalSteps).toBe(0);
    expect([...s.q].every((x) => x === 0)).toBe(true);
    // A new run on another map warms up again, on that map: a new environment can make V8 drop
    // the loop it compiled for the first.
    const map8 = ['SFFFFFFF', ...Array<string>(6).fill('FFFFFFFF'), 'FFFFFFFG'];
    trainer.handle({ type: 'init', settings: { ...settings, map: map8, maxSteps: 200 } });
    port.advance(WARM_UP_DELAY_MS + 1);
    expect(spy).toHaveBeenCalledTimes(2);
    expect(spy.mock.calls[1]![0].nrow).toBe(8);
  });

  it('a warm-up still pending when the next run is ready gives way to that run’s', () => {
    const spy = vi.spyOn(fastLoop, 'warmUp');
    const port = createFakeEndpoint();
    const trainer = createTrainer(port, { warmUp: true });
    trainer.handle({ type: 'init', settings });
    port.advance(WARM_UP_DELAY_MS / 2);
    trainer.handle({ type: 'reset' });
    port.advance(WARM_UP_DELAY_MS + 1);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('a run trained after the warm-up is bit for bit the run without it', () => {
    const warm = trained(true);
    const cold = trained(false);
    expect(warm.totalSteps).toBe(cold.totalSteps);
    expect(warm.episode).toBe(300);
    expect(Array.from(warm.q)).toEqual(Array.from(cold.q));
    expect(warm.epsilon).toBe(cold.epsilon);
    expect(warm.last).toEqual(cold.last);
  });

  it('is skipped when a run is training by then', () => {
    const spy = vi.spyOn(fastLoop, 'warmUp');
    const port = createFakeEndpoint();
    const trainer = createTrainer(port, { warmUp: true });
    trainer.handle({ type: 'init', settings });
    trainer.handle({ type: 'set-speed', speed: 10 });
    trainer.handle({ type: 'play' });
    port.advance(WARM_UP_DELAY_MS + 1);
    expect(spy).not.toHaveBeenCalled();
    trainer.handle({ type: 'pause' });
  });
});
