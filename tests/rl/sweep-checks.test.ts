/**
 * The sweep's reading and checking at their edges: seed ranges (digits only, both ends, the
 * agents' limit exactly), each refusal of `sweepErrors`, the words of a value, a summary with
 * missing results, and the environment cache's size.
 */
import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { MAPS } from '../../src/rl/maps';
import { checkLimit, describeLimit, LESSON_PARAMS, RUN_LIMITS } from '../../src/rl/params';
import { checkRewardSchedule } from '../../src/rl/parse-values';
import {
  parseSeeds,
  runSweepJob,
  SWEEP_LIMITS,
  sweepErrors,
  SweepError,
  type SweepJobResult,
  type SweepSetting,
  type SweepSpec,
} from '../../src/rl/sweep';
import {
  axisValueError,
  axisWords,
  describeAxisValue,
  formatAxisValue,
} from '../../src/rl/sweep-axes';
import { createEnvCache, ENV_CACHE_SIZE, settingEnvSpec, signed } from '../../src/rl/sweep-env';
import { summarizeSweep } from '../../src/rl/sweep-summary';

const ENV_2X2 = { map: ['SF', 'FG'], isSlippery: true, successRate: 1 / 3, maxSteps: 100 };

/** A sweep on 2x2 of the lesson's settings, with lists and environment fields replaced. */
function sweepOf(
  values: Partial<SweepSpec['values']> = {},
  seeds = [0],
  env: Partial<SweepSpec['env']> = {},
): SweepSpec {
  return {
    env: { ...ENV_2X2, ...env },
    base: { ...LESSON_PARAMS },
    values: {
      alpha: [0.1],
      gamma: [0.99],
      epsilonDecay: [1e-4],
      episodes: [100],
      tieBreak: ['first'],
      ...values,
    },
    seeds,
  };
}

/** The lesson's learner settings, as one point of a sweep. */
const SETTING: SweepSetting = {
  alpha: 0.1,
  gamma: 0.99,
  epsilonDecay: 1e-4,
  episodes: 100,
  tieBreak: 'first',
};

/** The seeds 0 … n − 1. */
const firstSeeds = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('parseSeeds, ranges', () => {
  it('reads ranges of several digits at both ends', () => {
    expect(parseSeeds('10-12')).toEqual({ ok: true, values: [10, 11, 12] });
  });

  it('reads a range only when the whole word is one, naming the word it refuses', () => {
    const refusal = (w: string) =>
      `${RUN_LIMITS.seed.label} must be ${describeLimit(RUN_LIMITS.seed)}; got "${w}".`;
    for (const w of ['a1-3', '1-3x', 'x'])
      expect(parseSeeds(w)).toEqual({ ok: false, error: refusal(w) });
  });

  it('allows a range of exactly the agents’ limit, not one more', () => {
    const max = SWEEP_LIMITS.agents.max;
    const full = parseSeeds(`1-${max}`);
    expect(full.ok && full.values.length).toBe(max);
    expect(parseSeeds(`0-${max}`)).toEqual({
      ok: false,
      error: `${RUN_LIMITS.seed.label}s: the range "0-${max}" holds more than ${max} seeds.`,
    });
  });
});

describe('sweepErrors, each refusal', () => {
  it('names the time limit itself, beside the environment’s own refusal', () => {
    expect(sweepErrors(sweepOf({}, [0], { maxSteps: 0 }))).toContain(
      checkLimit(RUN_LIMITS.maxSteps, 0),
    );
  });

  it('checks the environment’s rewards against their limits', () => {
    const read = checkRewardSchedule([1, 200, 0]);
    expect(read.ok).toBe(false);
    expect(sweepErrors(sweepOf({}, [0], { rewardSchedule: [1, 200, 0] }))).toEqual([
      read.ok ? '' : read.error,
    ]);
  });

  it('allows 64 values of a setting and refuses 65', () => {
    const alphas = (n: number) => Array.from({ length: n }, (_, i) => (i + 1) / 100);
    const max = SWEEP_LIMITS.values.max;
    expect(sweepErrors(sweepOf({ alpha: alphas(max) }))).toEqual([]);
    expect(sweepErrors(sweepOf({ alpha: alphas(max + 1) }))).toEqual([
      `Learning rate α: at most ${max} values; got ${max + 1}.`,
    ]);
  });

  it('refuses an empty list of seeds and a seed out of range', () => {
    expect(sweepErrors(sweepOf({}, []))).toEqual(['Seeds: give at least one seed.']);
    expect(sweepErrors(sweepOf({}, [-1]))).toEqual([checkLimit(RUN_LIMITS.seed, -1)]);
  });

  it('counts episodes as their sum times the agents per value', () => {
    // 400 seeds × 2 episode values = 800 agents: (1e6 + 2e6) · 400 = 1.2e9, within the limit
    // of 2e9 (the agents times the values' count would be 4.8e9).
    expect(sweepErrors(sweepOf({ episodes: [1_000_000, 2_000_000] }, firstSeeds(400)))).toEqual([]);
  });

  it('throws its errors joined, as a SweepError', () => {
    const error = new SweepError(['One.', 'Two.']);
    expect(error.message).toBe('One. Two.');
    expect(error.name).toBe('SweepError');
  });
});

describe('runSweepJob without a clock', () => {
  it('reports 0 ms', () => {
    const env = createEnv({ map: ENV_2X2.map });
    const job = { id: 0, settingIndex: 0, seed: 1, params: { ...LESSON_PARAMS }, episodes: 5 };
    expect(runSweepJob(env, job).ms).toBe(0);
  });
});

describe('the words of a sweep value', () => {
  it('splits schedules at semicolons and other lists at commas and spaces', () => {
    expect(axisWords('rewardSchedule', '1,0,0; 1,-1,0')).toEqual(['1,0,0', '1,-1,0']);
    expect(axisWords('alpha', '0.1, 0.2 0.3')).toEqual(['0.1', '0.2', '0.3']);
  });

  it('describes a list as a list on an axis other than the rewards', () => {
    expect(describeAxisValue('alpha', [1, 2])).toBe('a list');
    expect(describeAxisValue('alpha', 0.1)).toBe('0.1');
    expect(describeAxisValue('rewardSchedule', [1, -1, 0])).toBe('1,-1,0');
  });

  it('names a tie rule it does not know', () => {
    expect(axisValueError('tieBreak', 'best')).toBe(
      'Tie rule must be "first" or "random"; got "best".',
    );
  });

  it('writes a success rate of 1/3 as a fraction, 0 as 0 and a small decay as a power of ten', () => {
    expect(formatAxisValue('successRate', 1 / 3)).toBe('1/3');
    expect(formatAxisValue('alpha', 0)).toBe('0');
    expect(formatAxisValue('alpha', 0.1)).toBe('0.1');
    expect(formatAxisValue('epsilonDecay', 1e-4)).toBe('1e-4');
  });

  it('writes 0 without a sign', () => {
    expect(signed(0)).toBe('0');
    expect(signed(-0.01)).toBe('\u22120.01');
  });
});

describe('settingEnvSpec', () => {
  it('keeps the sweep’s rewards and rate when the setting does not sweep them', () => {
    const env = { ...ENV_2X2, rewardSchedule: [1, -1, 0] as const };
    expect(settingEnvSpec(env, {})).toStrictEqual(env);
  });
});

describe('summarizeSweep with results missing', () => {
  const result = (settingIndex: number, expectedReturn?: number): SweepJobResult => ({
    jobId: settingIndex,
    settingIndex,
    seed: 0,
    successProbability: 0.5,
    ...(expectedReturn === undefined ? {} : { expectedReturn }),
    steps: 10,
    ms: 2,
  });

  it('gives NaN extremes to a setting without results', () => {
    const [, empty] = summarizeSweep({ settings: [SETTING, SETTING] }, [result(0)]);
    expect(empty!.n).toBe(0);
    expect(empty!.max).toBeNaN();
    expect(empty!.min).toBeNaN();
  });

  it('takes the median return over the results that have one', () => {
    const [summary] = summarizeSweep({ settings: [SETTING] }, [result(0, 0.4), result(0)]);
    expect(summary!.medianReturn).toBe(0.4);
  });
});

describe('the environment cache', () => {
  it('keeps ENV_CACHE_SIZE environments: the first is still there after the last', () => {
    const cache = createEnvCache();
    const specOf = (i: number) => ({ ...ENV_2X2, map: [...MAPS['4x4']], successRate: i / 100 });
    const first = cache(specOf(0));
    for (let i = 1; i < ENV_CACHE_SIZE; i++) cache(specOf(i));
    expect(cache(specOf(0))).toBe(first);
    cache(specOf(ENV_CACHE_SIZE));
    expect(cache(specOf(0))).not.toBe(first);
  });
});
