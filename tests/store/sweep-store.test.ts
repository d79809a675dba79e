import { describe, expect, it } from 'vitest';
import { MAPS } from '../../src/rl/maps';
import { LESSON_PARAMS } from '../../src/rl/params';
import { expandSweep, runSweepJob, sweepEnv, type SweepSpec } from '../../src/rl/sweep';
import { createSweepStore, sweepPoolSize } from '../../src/store/sweep-store';
import { createFakeSweepPool } from './in-process-sweep-worker';

const SPEC: SweepSpec = {
  env: { map: [...MAPS['4x4']], isSlippery: true, successRate: 1 / 3, maxSteps: 100 },
  base: { ...LESSON_PARAMS },
  values: {
    alpha: [0.1, 0.5],
    gamma: [0.9, 0.99],
    epsilonDecay: [1e-4],
    episodes: [500],
    tieBreak: ['first'],
  },
  seeds: [0, 1, 2],
};
const AXES = { x: 'alpha', y: 'gamma' } as const;

function setup(poolSize = 2) {
  const pool = createFakeSweepPool();
  let time = 0;
  const store = createSweepStore({ createWorker: pool.create, poolSize, now: () => (time += 10) });
  return { pool, store };
}

describe('sweepPoolSize', () => {
  it('one worker per core but one, at least 1 and at most 16', () => {
    expect(sweepPoolSize(8)).toBe(7);
    expect(sweepPoolSize(2)).toBe(1);
    expect(sweepPoolSize(1)).toBe(1);
    expect(sweepPoolSize(undefined)).toBe(1);
    expect(sweepPoolSize(64)).toBe(16);
    expect(sweepPoolSize(NaN)).toBe(1);
  });
});

describe('sweep store', () => {
  it('feeds each worker one job at a time and collects every result by job id', () => {
    const { pool, store } = setup(2);
    expect(store.getState().start(SPEC, AXES)).toEqual([]);
    expect(store.getState()).toMatchObject({ phase: 'running', done: 0, total: 12, workers: 2 });
    expect(pool.workers).toHaveLength(2);
    expect(pool.workers.map((w) => w.queue.length)).toEqual([1, 1]);
    pool.workers[0]!.deliver(1);
    expect(store.getState().done).toBe(1);
    // The worker that answered got the next job (job 2), the other still holds job 1.
    expect(pool.workers[0]!.queue.map((c) => c.job.id)).toEqual([2]);
    pool.runAll();
    const s = store.getState();
    expect(s).toMatchObject({ phase: 'done', done: 12 });
    expect(pool.workers.every((w) => w.terminated)).toBe(true);
    const plan = expandSweep(SPEC);
    const env = sweepEnv(SPEC.env);
    expect(s.results().map((r) => r?.successProbability)).toEqual(
      plan.jobs.map((j) => runSweepJob(env, j).successProbability),
    );
    expect(s.summaries().map((x) => x.n)).toEqual([3, 3, 3, 3]);
  });

  it('a bad sweep is refused with its messages and changes nothing else', () => {
    const { pool, store } = setup();
    store.getState().start(SPEC, AXES);
    pool.runAll();
    const before = store.getState();
    const errors = store.getState().start({ ...SPEC, seeds: [] }, { x: 'alpha', y: 'alpha' });
    expect(errors).toEqual([
      'Seeds: give at least one seed.',
      'Choose two different settings for the two axes.',
    ]);
    expect(store.getState()).toMatchObject({
      phase: 'done',
      plan: before.plan,
      done: 12,
      errors,
    });
    expect(pool.workers).toHaveLength(2);
  });

  it('cancel terminates the workers at once and keeps the results in so far', () => {
    const { pool, store } = setup(2);
    store.getState().start(SPEC, AXES);
    pool.workers[1]!.deliver(1);
    store.getState().cancel();
    expect(store.getState()).toMatchObject({ phase: 'cancelled', done: 1 });
    expect(pool.workers.every((w) => w.terminated)).toBe(true);
    expect(
      store
        .getState()
        .summaries()
        .map((x) => x.n),
    ).toEqual([1, 0, 0, 0]);
  });

  it('answers of a replaced sweep are ignored', () => {
    const { pool, store } = setup(1);
    store.getState().start(SPEC, AXES);
    const old = pool.workers[0]!;
    const stale = old.queue[0]!;
    store.getState().start({ ...SPEC, seeds: [5] }, AXES);
    expect(old.terminated).toBe(true);
    // An answer that was already on its way when the old worker was terminated.
    old.terminated = false;
    old.onmessage = pool.workers[1]!.onmessage;
    old.queue.push(stale);
    old.deliver();
    expect(store.getState().done).toBe(0);
    pool.workers[1]!.deliver();
    pool.runAll();
    expect(store.getState()).toMatchObject({ phase: 'done', done: 4, total: 4 });
  });

  it('a worker that fails or refuses a job ends the sweep with a message', () => {
    const { pool, store } = setup(2);
    store.getState().start(SPEC, AXES);
    pool.workers[0]!.onerror?.({ message: 'out of memory' } as ErrorEvent);
    expect(store.getState()).toMatchObject({
      phase: 'failed',
      errors: ['A sweep worker failed: out of memory.'],
    });
    expect(pool.workers.every((w) => w.terminated)).toBe(true);
  });
});
