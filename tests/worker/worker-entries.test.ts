/**
 * The three Worker entry files, loaded as a Worker would load them: with `self` a (fake) worker
 * scope. Each entry only wires its trainer or handler to the scope; these tests check the wiring
 * (which trainer answers, the error events' words, the training worker's warm-up).
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type * as fastLoop from '../../src/rl/fast-loop';
import { LESSON_PARAMS } from '../../src/rl/params';
import { WARM_UP_DELAY_MS } from '../../src/worker/warm-up';
import { createFakeScope, FakeMessageChannel, lastFakeChannel, type FakeScope } from './fake-scope';
import { lessonSettings } from './lesson-settings';

const SETTINGS = lessonSettings({ map: ['SF', 'FG'], isSlippery: false, seed: 7, episodes: 10 });

/**
 * Loads the entry at `path` afresh with `self` = a new fake scope; `before` runs after the module
 * cache is cleared and before the entry loads (to spy on a module the entry will share).
 */
async function load(path: string, before?: () => Promise<void>): Promise<FakeScope> {
  const scope = createFakeScope(2);
  vi.stubGlobal('self', scope);
  vi.resetModules();
  await before?.();
  await import(/* @vite-ignore */ path);
  return scope;
}

/** The `type` of each message posted so far. */
const types = (scope: FakeScope) => scope.messages().map((m) => (m as { type: string }).type);

beforeEach(() => {
  vi.stubGlobal('MessageChannel', FakeMessageChannel);
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('training.worker.ts', () => {
  it('hosts the training trainer: a ping is answered with its pong', async () => {
    const scope = await load('../../src/worker/training.worker');
    scope.receive({ type: 'ping', id: 41 });
    expect(scope.messages()).toEqual([{ type: 'pong', id: 41 }]);
  });

  it("writes the protocol's error event for an unreadable message and an escaped failure", async () => {
    const scope = await load('../../src/worker/training.worker');
    scope.fire('messageerror');
    scope.fire('error', { message: 'boom' });
    expect(scope.messages()).toEqual([
      { type: 'error', message: 'A message to the worker could not be read.', fatal: false },
      { type: 'error', message: 'Worker failed: boom', fatal: true },
    ]);
  });

  it('warms the fast loop up once, WARM_UP_DELAY_MS after the first run is ready', async () => {
    let warmUp: MockInstance<(typeof fastLoop)['warmUp']> | null = null;
    const scope = await load('../../src/worker/training.worker', async () => {
      const fresh = await import('../../src/rl/fast-loop');
      warmUp = vi.spyOn(fresh, 'warmUp').mockImplementation(() => undefined);
    });
    scope.receive({ type: 'init', settings: SETTINGS });
    lastFakeChannel().deliver();
    expect(types(scope)).toContain('ready');
    vi.advanceTimersByTime(WARM_UP_DELAY_MS - 1);
    expect(warmUp).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    lastFakeChannel().deliver();
    expect(warmUp).toHaveBeenCalledTimes(1);
  });
});

describe('compare.worker.ts', () => {
  it('hosts the comparison trainer: an init is answered with its two algorithms', async () => {
    const scope = await load('../../src/worker/compare.worker');
    scope.receive({ type: 'init', settings: SETTINGS, algorithms: ['q-learning', 'sarsa'] });
    lastFakeChannel().deliver();
    const ready = scope.messages()[0] as { type: string; algorithms: string[] };
    expect(ready.type).toBe('ready');
    expect(ready.algorithms).toEqual(['q-learning', 'sarsa']);
  });

  it("writes the protocol's error event for a refused message and an escaped failure", async () => {
    const scope = await load('../../src/worker/compare.worker');
    scope.receive({ type: 'ping', id: 1 });
    scope.fire('unhandledrejection', { reason: 'gone' });
    const [refused, failed] = scope.messages() as {
      type: string;
      message: string;
      fatal: boolean;
    }[];
    expect(refused).toMatchObject({ type: 'error', fatal: false });
    expect(refused!.message).toMatch(/^Bad command: unknown type "ping"/);
    expect(failed).toEqual({ type: 'error', message: 'Worker failed: gone', fatal: true });
  });
});

describe('sweep.worker.ts', () => {
  it('hands each message to the sweep handler and posts its answer', async () => {
    const scope = await load('../../src/worker/sweep.worker');
    scope.receive({ type: 'nope' });
    expect(scope.messages()).toEqual([
      {
        type: 'job-failed',
        sweepId: -1,
        jobId: -1,
        message: 'A sweep worker only takes "run-job" messages.',
      },
    ]);
  });

  it('answers a message that could not be read with a job failure of no sweep and no job', async () => {
    const scope = await load('../../src/worker/sweep.worker');
    scope.fire('messageerror');
    expect(scope.messages()).toEqual([
      {
        type: 'job-failed',
        sweepId: -1,
        jobId: -1,
        message: 'A message to the sweep worker could not be read.',
      },
    ]);
  });

  it('times a job with performance.now', async () => {
    const now = vi.spyOn(performance, 'now');
    const scope = await load('../../src/worker/sweep.worker');
    scope.receive({
      type: 'run-job',
      sweepId: 2,
      env: { map: ['SF', 'FG'], isSlippery: false, successRate: 1 / 3, maxSteps: 100 },
      job: { id: 5, settingIndex: 0, seed: 1, episodes: 5, params: { ...LESSON_PARAMS } },
    });
    expect(types(scope)).toEqual(['job-done']);
    expect(now).toHaveBeenCalled();
  });
});
