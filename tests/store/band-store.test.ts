import { describe, expect, it } from 'vitest';
import { planBand } from '../../src/rl/band-plan';
import { seedBand } from '../../src/rl/seed-band';
import { bandCheckpoints, seedCurve } from '../../src/rl/seed-curve';
import { sweepEnv } from '../../src/rl/sweep';
import { createBandStore } from '../../src/store/band-store';
import { BAND_REQUEST as REQUEST } from './band-request';
import { createFakeSweepPool } from './in-process-sweep-worker';

describe('planBand', () => {
  it('one job per seed from the lab’s seed on, measured at the band’s checkpoints', () => {
    const planned = planBand(REQUEST);
    if (!planned.ok) throw new Error(planned.errors.join());
    expect(planned.plan.seeds).toEqual([5, 6, 7]);
    expect(planned.plan.checkpoints).toEqual(bandCheckpoints(400));
    expect(planned.plan.jobs.map((j) => [j.id, j.seed, j.episodes])).toEqual([
      [0, 5, 400],
      [1, 6, 400],
      [2, 7, 400],
    ]);
  });

  it('refuses 1 or 65 seeds, and what the sweep refuses, naming it', () => {
    expect(planBand({ ...REQUEST, count: 1 })).toEqual({
      ok: false,
      errors: ['Seeds in a band must be a whole number from 2 to 64; got 1.'],
    });
    expect(planBand({ ...REQUEST, count: 65 }).ok).toBe(false);
    expect(planBand({ ...REQUEST, episodes: 0 })).toEqual({
      ok: false,
      errors: ['Episodes must be a whole number from 1 to 100000000; got 0.'],
    });
  });
});

describe('band store', () => {
  it('feeds seeds to the pool, collects each curve and draws the band over them', () => {
    const pool = createFakeSweepPool();
    const store = createBandStore({ createWorker: pool.create, poolSize: 2 });
    expect(store.getState().start(REQUEST)).toEqual([]);
    expect(store.getState()).toMatchObject({ phase: 'running', done: 0, total: 3 });
    expect(pool.workers).toHaveLength(2);
    expect(pool.workers[0]!.queue[0]!.checkpoints).toEqual(bandCheckpoints(400));
    pool.workers[1]!.deliver(1);
    expect(store.getState().done).toBe(1);
    expect(store.getState().curves()[0]).toBeUndefined();
    pool.runAll();
    expect(store.getState()).toMatchObject({ phase: 'done', done: 3 });
    expect(pool.workers.every((w) => w.terminated)).toBe(true);
    const env = sweepEnv(REQUEST.env);
    const expected = [5, 6, 7].map((seed) =>
      seedCurve(env, REQUEST.params, seed, bandCheckpoints(400)),
    );
    expect(store.getState().curves()).toEqual(expected);
    expect(store.getState().band()).toEqual(seedBand(expected));
  });

  it('a refused band changes nothing; cancel stops the workers and keeps the curves in', () => {
    const pool = createFakeSweepPool();
    const store = createBandStore({ createWorker: pool.create, poolSize: 1 });
    expect(store.getState().start({ ...REQUEST, count: 99 })).toHaveLength(1);
    expect(store.getState()).toMatchObject({ phase: 'idle', plan: null });
    expect(pool.workers).toHaveLength(0);
    store.getState().start(REQUEST);
    pool.workers[0]!.deliver(1);
    store.getState().cancel();
    expect(store.getState()).toMatchObject({ phase: 'cancelled', done: 1 });
    expect(pool.workers[0]!.terminated).toBe(true);
    expect(store.getState().band().seeds).toEqual([5]);
  });
});
