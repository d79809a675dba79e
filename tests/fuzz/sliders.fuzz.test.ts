/**
 * Property-based tests of what sliders, number fields and the settings form hand to the store:
 * any value is accepted exactly when the limits of rl/params accept it; a refused value leaves the
 * store as it was and says why in a notice; an accepted one reaches the worker, which agrees.
 * The store runs against the real trainer in-process (tests/store/in-process-worker).
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { MAPS } from '../../src/rl/maps';
import {
  checkLimit,
  PARAM_LIMITS,
  paramErrors,
  type QParams,
  RUN_LIMITS,
} from '../../src/rl/params';
import { createLabStore, type LabStore } from '../../src/store/lab-store';
import type { RunSettings, Speed } from '../../src/worker/protocol';
import { createInProcessWorker, type InProcessWorker } from '../store/in-process-worker';

// Thousands of generated cases: allow for a busy machine (a run takes a few seconds when idle).
vi.setConfig({ testTimeout: 60_000 });

function setup(): { store: LabStore; worker: InProcessWorker } {
  let worker: InProcessWorker | null = null;
  const store = createLabStore({ createWorker: () => (worker = createInProcessWorker()) });
  return { store, worker: worker! };
}

/** A slider's or a text field's value: in range, at the edges, out of range, not a number. */
const sliderValue = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: -0.5, max: 1.5 }) },
  { weight: 2, arbitrary: fc.double() },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      0,
      -0,
      1,
      0.5,
      Number.MIN_VALUE,
      1.0000000000000002,
      Number.NaN,
      Infinity,
      -Infinity,
      '0.5',
      '',
      null,
      undefined,
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 2_000_000 }) },
);

const PARAM_NAMES = Object.keys(PARAM_LIMITS) as Array<keyof typeof PARAM_LIMITS>;

const paramChange = fc.dictionary(
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom<string>(...PARAM_NAMES, 'tieBreak') },
    { weight: 1, arbitrary: fc.constantFrom('beta', 'Alpha') },
  ),
  fc.oneof(sliderValue, fc.constantFrom<unknown>('first', 'random', 'last')),
  { minKeys: 1, maxKeys: 3 },
);

/** What the store shows of the run's settings and the worker's view of them. */
function storeView(store: LabStore) {
  const s = store.getState();
  return { params: s.params, settings: s.settings, speed: s.speed, runId: s.runId };
}

const errorNotices = (store: LabStore) =>
  store
    .getState()
    .notices.filter((n) => n.kind === 'error')
    .map((n) => n.text);

describe('store actions on any slider or field value', () => {
  it('setParams: accepted exactly within PARAM_LIMITS; refused ones change nothing and are named', () => {
    fc.assert(
      fc.property(paramChange, (change) => {
        const { store, worker } = setup();
        const before = storeView(store);
        const sent = worker.sent.length;
        const errors = paramErrors(change);
        const ok = store.getState().setParams(change as Partial<QParams>);
        expect(ok).toBe(errors.length === 0);
        if (!ok) {
          expect(storeView(store)).toEqual(before);
          expect(worker.sent.length).toBe(sent);
          const notice = errorNotices(store).at(-1) ?? '';
          for (const e of errors) expect(notice).toContain(e);
        } else {
          expect(errorNotices(store)).toEqual([]);
          expect(store.getState().params).toEqual({ ...before.params, ...change });
          store.getState().snapshotDrawn();
          expect(store.getState().snapshot?.params).toEqual(store.getState().params);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('setSpeed: accepted exactly for "max" and RUN_LIMITS.speed; refused ones change nothing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          sliderValue,
          fc.double({ min: 0, max: 2e6 }),
          fc.constantFrom<unknown>('max', 'MAX'),
        ),
        (speed) => {
          const { store, worker } = setup();
          const before = storeView(store);
          const ok = speed === 'max' || checkLimit(RUN_LIMITS.speed, speed) === null;
          store.getState().setSpeed(speed as Speed);
          expect(worker.endpoint.events('error')).toEqual([]);
          if (ok) expect(store.getState().speed).toBe(speed);
          else {
            expect(storeView(store)).toEqual(before);
            expect(errorNotices(store).at(-1)).toMatch(/Speed/);
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('setFrameInterval: accepted exactly within RUN_LIMITS.frameInterval', () => {
    fc.assert(
      fc.property(fc.oneof(sliderValue, fc.integer({ min: -3, max: 200_000_000 })), (n) => {
        const { store, worker } = setup();
        const before = storeView(store);
        const ok = checkLimit(RUN_LIMITS.frameInterval, n) === null;
        expect(store.getState().setFrameInterval(n as number)).toBe(ok);
        expect(worker.endpoint.events('error')).toEqual([]);
        if (!ok) {
          expect(storeView(store)).toEqual(before);
          expect(errorNotices(store).at(-1)).toContain(RUN_LIMITS.frameInterval.label);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

const lesson: RunSettings = {
  map: [...MAPS['4x4']],
  isSlippery: true,
  successRate: 1 / 3,
  maxSteps: 100,
  seed: 0,
  episodes: 100,
  frameInterval: 10,
  params: {
    alpha: 0.1,
    gamma: 0.99,
    epsilon: 1,
    epsilonDecay: 0.001,
    minEpsilon: 0.01,
    tieBreak: 'first',
  },
};

/** The settings form: one field typed wrong, the rest as they were. */
const formSettings = fc
  .oneof(
    fc.record({ successRate: sliderValue }),
    fc.record({ maxSteps: fc.oneof(sliderValue, fc.integer({ min: -2, max: 10_002 })) }),
    fc.record({ seed: fc.oneof(sliderValue, fc.constantFrom(-1, 2 ** 32 - 1, 2 ** 32, 1.5)) }),
    fc.record({ episodes: fc.oneof(sliderValue, fc.constantFrom(0, 1, 1.5, 100_000_001)) }),
    fc.record({ frameInterval: fc.oneof(sliderValue, fc.constantFrom(0, 1, 2.5)) }),
    fc.record({ params: paramChange.map((c) => ({ ...lesson.params, ...c })) }),
    fc.record({
      map: fc.constantFrom<string[]>(['SG'], ['GS', 'HH'], ['SFFF', 'FHFH'], [], ['SH', 'HG']),
    }),
  )
  .map((change) => ({ ...lesson, ...change }) as RunSettings);

/** Whether the worker accepts these settings for an init (the limits, and a valid environment). */
function workerAccepts(s: RunSettings): boolean {
  for (const key of ['episodes', 'seed', 'maxSteps', 'successRate', 'frameInterval'] as const)
    if (checkLimit(RUN_LIMITS[key], s[key])) return false;
  if (paramErrors(s.params).length > 0) return false;
  try {
    createEnv({
      map: s.map,
      isSlippery: s.isSlippery,
      successRate: s.successRate,
      maxSteps: s.maxSteps,
    });
    return true;
  } catch {
    return false;
  }
}

describe('applySettings on any form', () => {
  // Was a bug, fixed (src/store/lab/run-slice.ts, applySettings): it checks paramErrors and createEnv only, not
  // RUN_LIMITS, so a seed of −1 or 2^32, 0 or 1.5 episodes, or a frame interval of 0 or 2.5 is
  // "accepted" (returns true, sends init) and then refused by the worker; the worker's error
  // arrives as a notice, but the caller was told the settings were applied. The speed limit is
  // also written out again in setSpeed (`speed >= 1 && speed <= 1_000_000`) instead of
  // checkLimit(RUN_LIMITS.speed, speed). Fix: check the five run fields with checkLimit(RUN_LIMITS[key])
  // as the trainer's checkSettings does (better: share one `settingsErrors` in rl/params).
  it('(was a bug) returns true exactly when the worker then accepts the settings', () => {
    fc.assert(
      fc.property(formSettings, (settings) => {
        const { store, worker } = setup();
        const ok = store.getState().applySettings(settings);
        expect(ok).toBe(workerAccepts(settings));
        if (ok) expect(worker.endpoint.events('error')).toEqual([]);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('a refused form changes nothing in the store and names the problem', () => {
    fc.assert(
      fc.property(formSettings, (settings) => {
        const { store } = setup();
        const before = storeView(store);
        const ok = store.getState().applySettings(settings);
        if (!workerAccepts(settings)) {
          // Refused by the store or by the worker: either way the run is the one before.
          expect(storeView(store)).toEqual(before);
          expect(errorNotices(store).length).toBeGreaterThan(0);
        } else {
          expect(ok).toBe(true);
          expect(store.getState().settings.map).toEqual(settings.map);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
