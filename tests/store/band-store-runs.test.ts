import { describe, expect, it } from 'vitest';
import { bandCheckpoints, seedCurve } from '../../src/rl/seed-curve';
import { sweepEnv } from '../../src/rl/sweep';
import { createBandStore } from '../../src/store/band-store';
import { BAND_REQUEST as REQUEST } from './band-request';
import { createFakeSweepPool, createMeddlingSweepPool } from './in-process-sweep-worker';

/** The curves the band's seeds should give. */
const expectedCurves = (seeds: readonly number[]) =>
  seeds.map((seed) =>
    seedCurve(sweepEnv(REQUEST.env), REQUEST.params, seed, bandCheckpoints(REQUEST.episodes)),
  );

describe('band store: a band’s life', () => {
  it('a new store has no band, no curve and no error, and starts no worker', () => {
    const pool = createFakeSweepPool();
    const store = createBandStore({ createWorker: pool.create, poolSize: 2 });
    expect(store.getState()).toMatchObject({
      phase: 'idle',
      plan: null,
      done: 0,
      total: 0,
      version: 0,
      errors: [],
    });
    expect(store.getState().curves()).toEqual([]);
    expect(store.getState().band().seeds).toEqual([]);
    store.getState().cancel();
    expect(store.getState().phase).toBe('idle');
    expect(pool.workers).toHaveLength(0);
  });

  it('holds a slot per seed from the start, and the version moves with the band and each curve', () => {
    const pool = createFakeSweepPool();
    const store = createBandStore({ createWorker: pool.create, poolSize: 1 });
    store.getState().start(REQUEST);
    expect(store.getState().version).toBe(1);
    expect(store.getState().curves()).toHaveLength(3);
    expect(
      store
        .getState()
        .curves()
        .every((c) => c === undefined),
    ).toBe(true);
    const versions: number[] = [];
    store.subscribe((s, prev) => {
      if (s.version !== prev.version) versions.push(s.version);
    });
    pool.runAll();
    expect(versions).toEqual([2, 3, 4]);
    expect(store.getState()).toMatchObject({ phase: 'done', done: 3, errors: [] });
  });

  it('a refused band keeps its messages for the panel; the next good one clears them', () => {
    const pool = createFakeSweepPool();
    const store = createBandStore({ createWorker: pool.create, poolSize: 2 });
    const errors = store.getState().start({ ...REQUEST, count: 1 });
    expect(errors).toEqual(['Seeds in a band must be a whole number from 2 to 64; got 1.']);
    expect(store.getState().errors).toEqual(errors);
    expect(store.getState().start(REQUEST)).toEqual([]);
    expect(store.getState().errors).toEqual([]);
    expect(store.getState().phase).toBe('running');
  });

  it('a finished band stays finished on cancel, and a second band starts over from its first seed', () => {
    const pool = createFakeSweepPool();
    const store = createBandStore({ createWorker: pool.create, poolSize: 2 });
    store.getState().start(REQUEST);
    pool.runAll();
    store.getState().cancel();
    expect(store.getState().phase).toBe('done');
    expect(store.getState().curves()).toEqual(expectedCurves([5, 6, 7]));

    expect(store.getState().start({ ...REQUEST, firstSeed: 11, count: 2 })).toEqual([]);
    expect(store.getState()).toMatchObject({ phase: 'running', done: 0, total: 2 });
    expect(store.getState().curves()).toEqual([undefined, undefined]);
    pool.runAll();
    expect(store.getState()).toMatchObject({ phase: 'done', done: 2, errors: [] });
    expect(store.getState().curves()).toEqual(expectedCurves([11, 12]));
    expect(store.getState().band().seeds).toEqual([11, 12]);
  });

  it('a band started over one under way stops its workers and drops their answers', () => {
    const pool = createFakeSweepPool();
    const store = createBandStore({ createWorker: pool.create, poolSize: 1 });
    store.getState().start(REQUEST);
    const first = pool.workers[0]!;
    store.getState().start({ ...REQUEST, firstSeed: 20, count: 2 });
    expect(first.terminated).toBe(true);
    pool.runAll();
    expect(store.getState()).toMatchObject({ phase: 'done', done: 2, total: 2 });
    expect(store.getState().curves()).toEqual(expectedCurves([20, 21]));
  });

  it('a seed answered twice is counted once', () => {
    const pool = createMeddlingSweepPool((command, post) => {
      post(command);
      post(command);
    });
    const store = createBandStore({ createWorker: pool.create, poolSize: 1 });
    store.getState().start(REQUEST);
    pool.runAll();
    expect(store.getState()).toMatchObject({ phase: 'done', done: 3 });
    expect(store.getState().curves()).toEqual(expectedCurves([5, 6, 7]));
  });

  it('a seed its worker could not run fails the band, naming the seed and the worker’s reason', () => {
    const pool = createMeddlingSweepPool((command, post) =>
      post({ ...command, job: { ...command.job, params: {} } }),
    );
    const store = createBandStore({ createWorker: pool.create, poolSize: 2 });
    store.getState().start(REQUEST);
    pool.workers[1]!.deliver(1);
    expect(store.getState().phase).toBe('failed');
    expect(store.getState().errors).toEqual([
      "Seed 6 could not run: The job's params are missing alpha, gamma, epsilon, epsilonDecay, minEpsilon, tieBreak.",
    ]);
    expect(pool.workers.every((w) => w.terminated)).toBe(true);
  });

  it('a failure the worker cannot tie to a job names the seed as “?”', () => {
    const pool = createMeddlingSweepPool((command, post) =>
      post({ ...command, job: { ...command.job, id: 'first' } }),
    );
    const store = createBandStore({ createWorker: pool.create, poolSize: 1 });
    store.getState().start(REQUEST);
    pool.runAll();
    expect(store.getState().phase).toBe('failed');
    expect(store.getState().errors).toEqual([
      'Seed ? could not run: A "run-job" message needs job = { id, settingIndex, seed, params, episodes }.',
    ]);
  });

  it('a seed answered with a sweep result instead of a curve fails the band', () => {
    const pool = createMeddlingSweepPool((command, post) =>
      post({ ...command, checkpoints: undefined }),
    );
    const store = createBandStore({ createWorker: pool.create, poolSize: 2 });
    store.getState().start(REQUEST);
    pool.workers[0]!.deliver(1);
    expect(store.getState().phase).toBe('failed');
    expect(store.getState().errors).toEqual(['Seed 5 answered without a curve.']);
    expect(pool.workers.every((w) => w.terminated)).toBe(true);
  });

  it('a sweep result for a job the band never sent names the seed as “?”', () => {
    const pool = createMeddlingSweepPool((command, post) =>
      post({ ...command, checkpoints: undefined, job: { ...command.job, id: 99 } }),
    );
    const store = createBandStore({ createWorker: pool.create, poolSize: 1 });
    store.getState().start(REQUEST);
    pool.runAll();
    expect(store.getState().errors).toEqual(['Seed ? answered without a curve.']);
  });

  it('a worker that dies fails the band with its message, keeping the curves already in', () => {
    const pool = createFakeSweepPool();
    const store = createBandStore({ createWorker: pool.create, poolSize: 2 });
    store.getState().start(REQUEST);
    pool.workers[0]!.deliver(1);
    pool.workers[1]!.onerror?.({ message: 'out of memory' } as ErrorEvent);
    expect(store.getState()).toMatchObject({
      phase: 'failed',
      done: 1,
      errors: ['A band worker failed: out of memory.'],
    });
    expect(pool.workers.every((w) => w.terminated)).toBe(true);
    expect(store.getState().band().seeds).toEqual([5]);
  });

  it('a worker that dies without a message is said to have failed with an unknown error', () => {
    const pool = createFakeSweepPool();
    const store = createBandStore({ createWorker: pool.create, poolSize: 1 });
    store.getState().start(REQUEST);
    pool.workers[0]!.onerror?.({ message: '' } as ErrorEvent);
    expect(store.getState().errors).toEqual(['A band worker failed: unknown error.']);
  });
});
