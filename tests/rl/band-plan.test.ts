/**
 * A seed band's plan (`rl/band-plan`): the seed count against `BAND_SEED_LIMIT`, the sweep's
 * checks, and one job per seed at the band's checkpoints. Also the run settings' environment
 * check (`rl/settings-check`), which the page's store runs before it builds anything.
 */
import { describe, expect, it } from 'vitest';
import { BAND_SEED_LIMIT } from '../../src/rl/band-limit';
import {
  bandLearnerErrors,
  bandSweepSpec,
  planBand,
  type BandRequest,
} from '../../src/rl/band-plan';
import { checkLimit, LESSON_PARAMS, PARAM_LIMITS } from '../../src/rl/params';
import { bandCheckpoints } from '../../src/rl/seed-curve';
import { checkSettingsEnv } from '../../src/rl/settings-check';
import type { RunSettings } from '../../src/rl/replay';

const REQUEST: BandRequest = {
  env: { map: ['SF', 'FG'], isSlippery: true, successRate: 1 / 3, maxSteps: 100 },
  params: { ...LESSON_PARAMS, alpha: 0.2, tieBreak: 'random' },
  firstSeed: 7,
  count: 3,
  episodes: 50,
};

describe('BAND_SEED_LIMIT', () => {
  it('allows whole counts from 2 to 64 seeds', () => {
    expect(BAND_SEED_LIMIT).toEqual({ label: 'Seeds in a band', min: 2, max: 64, integer: true });
    expect([1, 2, 64, 65, 2.5].map((n) => checkLimit(BAND_SEED_LIMIT, n) === null)).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('bandSweepSpec', () => {
  it('sweeps the lab’s one setting over the seeds from the first', () => {
    expect(bandSweepSpec(REQUEST)).toEqual({
      env: REQUEST.env,
      base: REQUEST.params,
      values: {
        alpha: [0.2],
        gamma: [LESSON_PARAMS.gamma],
        epsilonDecay: [LESSON_PARAMS.epsilonDecay],
        episodes: [50],
        tieBreak: ['random'],
      },
      seeds: [7, 8, 9],
    });
  });
});

describe('planBand', () => {
  it('plans one job per seed, each with its own copy of the settings, at the band’s checkpoints', () => {
    const planned = planBand(REQUEST);
    if (!planned.ok) throw new Error(planned.errors.join('\n'));
    const { plan } = planned;
    expect(plan.request).toBe(REQUEST);
    expect(plan.seeds).toEqual([7, 8, 9]);
    expect(plan.checkpoints).toEqual(bandCheckpoints(50));
    expect(plan.jobs).toEqual(
      [7, 8, 9].map((seed, id) => ({
        id,
        settingIndex: 0,
        seed,
        params: REQUEST.params,
        episodes: 50,
      })),
    );
    expect(plan.jobs[0]!.params).not.toBe(REQUEST.params);
    expect(plan.jobs[1]!.params).not.toBe(plan.jobs[0]!.params);
  });

  it('refuses a seed count outside BAND_SEED_LIMIT, with the limit’s words only', () => {
    expect(planBand({ ...REQUEST, count: 1 })).toEqual({
      ok: false,
      errors: [checkLimit(BAND_SEED_LIMIT, 1)],
    });
  });

  it('refuses what the sweep refuses: a learning rate of 0', () => {
    expect(planBand({ ...REQUEST, params: { ...REQUEST.params, alpha: 0 } })).toEqual({
      ok: false,
      errors: [checkLimit(PARAM_LIMITS.alpha, 0), checkLimit(PARAM_LIMITS.alpha, 0)],
    });
  });
});

describe('checkSettingsEnv', () => {
  const settings: RunSettings = {
    map: ['SF', 'FG'],
    isSlippery: true,
    successRate: 1 / 3,
    maxSteps: 100,
    seed: 0,
    episodes: 10,
    frameInterval: 1,
    params: { ...LESSON_PARAMS },
  };

  it('passes settings whose environment can be built', () => {
    expect(() => checkSettingsEnv(settings)).not.toThrow();
  });

  it('throws as createEnv does for a success rate above 1 and a map without a goal', () => {
    expect(() => checkSettingsEnv({ ...settings, successRate: 2 })).toThrow(
      'Success rate must be in [0, 1], got 2.',
    );
    expect(() => checkSettingsEnv({ ...settings, map: ['SF', 'FF'] })).toThrow(/no goal/);
  });
});

describe('a band of another algorithm', () => {
  it('plans the lab’s algorithm and options, and refuses an unknown name or a bad option with the others', () => {
    const learner = { algorithm: 'dyna-q' as const, options: { planningSteps: 3 } };
    const planned = planBand({ ...REQUEST, learner });
    if (!planned.ok) throw new Error(planned.errors.join(' '));
    expect(planned.plan.request.learner).toEqual(learner);
    expect(bandLearnerErrors(undefined)).toEqual([]);
    const bad = planBand({
      ...REQUEST,
      count: 65,
      learner: { algorithm: 'td-gammon' as never, options: { planningSteps: -1 } },
    });
    // The seed count is checked first and alone.
    expect(bad).toEqual({ ok: false, errors: [checkLimit(BAND_SEED_LIMIT, 65)] });
    const worse = planBand({
      ...REQUEST,
      learner: { algorithm: 'td-gammon' as never, options: { planningSteps: -1 } },
    });
    if (worse.ok) throw new Error('expected a refusal');
    expect(worse.errors).toHaveLength(2);
    expect(worse.errors[0]).toMatch(/td-gammon/);
    expect(worse.errors[1]).toMatch(/Planning steps n must be/);
  });
});
