import { describe, expect, it } from 'vitest';
import { MAPS } from '../../src/rl/maps';
import { LESSON_PARAMS } from '../../src/rl/params';
import { expandSweep, runSweepJob, sweepEnv, type SweepSpec } from '../../src/rl/sweep';
import { createSweepStore } from '../../src/store/sweep-store';
import { createFakeSweepPool, createMeddlingSweepPool } from './in-process-sweep-worker';

const SPEC: SweepSpec = {
  env: { map: [...MAPS['4x4']], isSlippery: true, successRate: 1 / 3, maxSteps: 100 },
  base: { ...LESSON_PARAMS },
  values: {
    alpha: [0.1, 0.5],
    gamma: [0.9],
    epsilonDecay: [1e-4],
    episodes: [300],
    tieBreak: ['first'],
  },
  seeds: [0, 1],
};
const AXES = { x: 'alpha', y: 'gamma' } as const;

/** The results the spec's jobs should give. */
const expectedResults = (spec: SweepSpec) =>
  expandSweep(spec).jobs.map((j) => runSweepJob(sweepEnv(spec.env), j).successProbability);

/** A clock that moves 10 ms at every read. */
function tenMsClock() {
  let time = 1000;
  return () => (time += 10);
}

describe('sweep store: a sweep’s life', () => {
  it('a new store has no sweep, no result and no error, and starts no worker', () => {
    const pool = createFakeSweepPool();
    const store = createSweepStore({ createWorker: pool.create, poolSize: 2, now: tenMsClock() });
    expect(store.getState()).toMatchObject({
      phase: 'idle',
      plan: null,
      axes: null,
      done: 0,
      total: 0,
      workers: 0,
      version: 0,
      elapsedMs: 0,
      errors: [],
    });
    expect(store.getState().results()).toEqual([]);
    expect(store.getState().summaries()).toEqual([]);
    store.getState().cancel();
    expect(store.getState().phase).toBe('idle');
    expect(pool.workers).toHaveLength(0);
  });

  it('holds a slot per agent from the start; the version and the time taken move with each result', () => {
    const pool = createFakeSweepPool();
    const store = createSweepStore({ createWorker: pool.create, poolSize: 1, now: tenMsClock() });
    store.getState().start(SPEC, AXES);
    expect(store.getState()).toMatchObject({ version: 1, elapsedMs: 0, total: 4 });
    expect(store.getState().results()).toHaveLength(4);
    const seen: { version: number; elapsedMs: number }[] = [];
    store.subscribe((s) => seen.push({ version: s.version, elapsedMs: s.elapsedMs }));
    pool.runAll();
    // Each read of the clock is 10 ms later than the one before, from the start's read.
    expect(seen.map((x) => x.version)).toEqual([2, 3, 4, 5, 5]);
    expect(seen.map((x) => x.elapsedMs)).toEqual([10, 20, 30, 40, 50]);
    expect(store.getState()).toMatchObject({ phase: 'done', done: 4, errors: [] });
  });

  it('without a clock given it times the sweep with the page’s own', () => {
    const pool = createFakeSweepPool();
    const store = createSweepStore({ createWorker: pool.create, poolSize: 1 });
    store.getState().start(SPEC, AXES);
    pool.runAll();
    expect(store.getState().phase).toBe('done');
    expect(Number.isFinite(store.getState().elapsedMs)).toBe(true);
    expect(store.getState().elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('a refused sweep keeps its messages for the panel; the next good one clears them', () => {
    const pool = createFakeSweepPool();
    const store = createSweepStore({ createWorker: pool.create, poolSize: 2, now: tenMsClock() });
    expect(store.getState().start(SPEC, { x: 'alpha', y: 'alpha' })).toHaveLength(1);
    expect(store.getState().errors).toEqual(['Choose two different settings for the two axes.']);
    expect(store.getState().start(SPEC, AXES)).toEqual([]);
    expect(store.getState().errors).toEqual([]);
  });

  it('a finished sweep stays finished on cancel, and a second sweep runs whole', () => {
    const pool = createFakeSweepPool();
    const store = createSweepStore({ createWorker: pool.create, poolSize: 2, now: tenMsClock() });
    store.getState().start(SPEC, AXES);
    pool.runAll();
    store.getState().cancel();
    expect(store.getState().phase).toBe('done');
    const second = { ...SPEC, seeds: [7] };
    expect(store.getState().start(second, AXES)).toEqual([]);
    pool.runAll();
    expect(store.getState()).toMatchObject({ phase: 'done', done: 2, total: 2 });
    expect(
      store
        .getState()
        .results()
        .map((r) => r?.successProbability),
    ).toEqual(expectedResults(second));
  });

  it('an agent answered twice is counted once', () => {
    const pool = createMeddlingSweepPool((command, post) => {
      post(command);
      post(command);
    });
    const store = createSweepStore({ createWorker: pool.create, poolSize: 1, now: tenMsClock() });
    store.getState().start(SPEC, AXES);
    pool.runAll();
    expect(store.getState()).toMatchObject({ phase: 'done', done: 4 });
    expect(
      store
        .getState()
        .results()
        .map((r) => r?.successProbability),
    ).toEqual(expectedResults(SPEC));
  });

  it('an agent its worker could not run fails the sweep, numbered from 1, with the worker’s reason', () => {
    const pool = createMeddlingSweepPool((command, post) =>
      post({ ...command, job: { ...command.job, params: {} } }),
    );
    const store = createSweepStore({ createWorker: pool.create, poolSize: 2, now: tenMsClock() });
    store.getState().start(SPEC, AXES);
    pool.workers[1]!.deliver(1);
    expect(store.getState().phase).toBe('failed');
    expect(store.getState().errors).toEqual([
      "Agent 2 could not run: The job's params are missing alpha, gamma, epsilon, epsilonDecay, minEpsilon, tieBreak.",
    ]);
    expect(pool.workers.every((w) => w.terminated)).toBe(true);
  });

  it('an agent answered with a seed band’s curve fails the sweep', () => {
    const pool = createMeddlingSweepPool((command, post) =>
      post({ ...command, checkpoints: [command.job.episodes] }),
    );
    const store = createSweepStore({ createWorker: pool.create, poolSize: 2, now: tenMsClock() });
    store.getState().start(SPEC, AXES);
    pool.workers[0]!.deliver(1);
    expect(store.getState().phase).toBe('failed');
    expect(store.getState().errors).toEqual(["Agent 1 answered with a seed band's curve."]);
  });

  it('a worker that dies without a message is said to have failed with an unknown error', () => {
    const pool = createFakeSweepPool();
    const store = createSweepStore({ createWorker: pool.create, poolSize: 1, now: tenMsClock() });
    store.getState().start(SPEC, AXES);
    pool.workers[0]!.onerror?.({ message: '' } as ErrorEvent);
    expect(store.getState()).toMatchObject({
      phase: 'failed',
      errors: ['A sweep worker failed: unknown error.'],
    });
  });
});
