import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { evaluateGreedy } from '../../src/rl/evaluation';
import { MAPS } from '../../src/rl/maps';
import { LESSON_EPISODES, LESSON_PARAMS } from '../../src/rl/params';
import { train } from '../../src/rl/training';
import { formatAxisValue, parseAxisValues, variedAxes } from '../../src/rl/sweep-axes';
import {
  expandSweep,
  parseSeeds,
  runSweepJob,
  sweepEnv,
  sweepErrors,
  SweepError,
  sweepSize,
  type SweepJobResult,
  type SweepSpec,
} from '../../src/rl/sweep';
import { median, quantile } from '../../src/rl/statistics';
import { summarizeSweep } from '../../src/rl/sweep-summary';

const ENV_4X4 = { map: [...MAPS['4x4']], isSlippery: true, successRate: 1 / 3, maxSteps: 100 };

/** A sweep of the lesson's settings with the given lists changed. */
function spec(values: Partial<SweepSpec['values']> = {}, seeds = [0]): SweepSpec {
  return {
    env: ENV_4X4,
    base: { ...LESSON_PARAMS },
    values: {
      alpha: [LESSON_PARAMS.alpha],
      gamma: [LESSON_PARAMS.gamma],
      epsilonDecay: [LESSON_PARAMS.epsilonDecay],
      episodes: [LESSON_EPISODES],
      tieBreak: ['first'],
      ...values,
    },
    seeds,
  };
}

describe('parsing lists', () => {
  it('reads numbers separated by commas or spaces, and checks each against its limit', () => {
    expect(parseAxisValues('alpha', '0.05,0.1, 0.2')).toEqual({
      ok: true,
      values: [0.05, 0.1, 0.2],
    });
    expect(parseAxisValues('epsilonDecay', '1e-4 2e-7')).toEqual({
      ok: true,
      values: [1e-4, 2e-7],
    });
    expect(parseAxisValues('tieBreak', 'first,random')).toEqual({
      ok: true,
      values: ['first', 'random'],
    });
    expect(parseAxisValues('alpha', '0.1,0')).toEqual({
      ok: false,
      error: 'Learning rate α must be above 0 and at most 1; got "0".',
    });
    expect(parseAxisValues('episodes', '100,1.5')).toEqual({
      ok: false,
      error: 'Episodes must be a whole number from 1 to 100000000; got "1.5".',
    });
    expect(parseAxisValues('gamma', 'abc')).toMatchObject({ ok: false });
    expect(parseAxisValues('gamma', ' , ')).toEqual({
      ok: false,
      error: 'Discount γ: give at least one value.',
    });
    expect(parseAxisValues('tieBreak', 'last')).toEqual({
      ok: false,
      error: 'Tie rule must be "first" or "random"; got "last".',
    });
  });

  it('reads seeds and inclusive ranges', () => {
    expect(parseSeeds('0-3,7 9')).toEqual({ ok: true, values: [0, 1, 2, 3, 7, 9] });
    expect(parseSeeds('5-2')).toEqual({
      ok: false,
      error: 'Seeds: the range "5-2" runs backwards.',
    });
    expect(parseSeeds('-1')).toMatchObject({ ok: false });
    expect(parseSeeds('0-20000')).toMatchObject({ ok: false });
    expect(parseSeeds('')).toEqual({ ok: false, error: 'Seeds: give at least one seed.' });
  });
});

describe('expandSweep', () => {
  it('is the product of the lists, the last axis fastest, times the seeds', () => {
    const plan = expandSweep(spec({ alpha: [0.1, 0.2], gamma: [0.9, 0.99] }, [0, 1]));
    expect(sweepSize(plan.spec)).toBe(8);
    expect(plan.settings.map((s) => [s.alpha, s.gamma])).toEqual([
      [0.1, 0.9],
      [0.1, 0.99],
      [0.2, 0.9],
      [0.2, 0.99],
    ]);
    expect(plan.jobs).toHaveLength(8);
    // job id = settingIndex · seeds + seedIndex: job 5 is setting 2 (α 0.2, γ 0.9), seed 1.
    expect(plan.jobs[5]).toEqual({
      id: 5,
      settingIndex: 2,
      seed: 1,
      params: { ...LESSON_PARAMS, alpha: 0.2, gamma: 0.9 },
      episodes: LESSON_EPISODES,
    });
    expect(variedAxes(plan.spec.values)).toEqual(['alpha', 'gamma']);
  });

  it('refuses a bad sweep with one message per problem and expands nothing', () => {
    const bad = spec({ alpha: [0.1, 1.5, 0.1], gamma: [] }, [3, 3]);
    expect(sweepErrors(bad)).toEqual([
      'Learning rate α must be above 0 and at most 1; got 1.5.',
      'Learning rate α: 0.1 is listed twice.',
      'Discount γ: give at least one value.',
      'Seeds: 3 is listed twice.',
    ]);
    expect(() => expandSweep(bad)).toThrow(SweepError);
    expect(sweepErrors({ ...spec(), env: { ...ENV_4X4, map: ['SFF', 'FHF'] } })[0]).toMatch(
      /goal/i,
    );
  });

  it('refuses more agents or episodes than the limits allow', () => {
    const alphas = Array.from({ length: 40 }, (_, i) => (i + 1) / 40);
    const gammas = Array.from({ length: 40 }, (_, i) => i / 40);
    expect(sweepErrors(spec({ alpha: alphas, gamma: gammas }, [0, 1, 2, 3, 4, 5, 6]))).toEqual([
      'Agents in a sweep (settings × seeds) must be a whole number from 1 to 10000; got 11200.',
    ]);
    expect(
      sweepErrors(
        spec(
          { episodes: [100_000_000] },
          [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20],
        ),
      ),
    ).toEqual([
      'Episodes in a sweep (agents × episodes) must be a whole number from 1 to 2000000000; got 2100000000.',
    ]);
  });
});

describe('runSweepJob', () => {
  it('is train() then the exact greedy evaluation, whatever else ran before', () => {
    const plan = expandSweep(spec({ alpha: [0.1, 0.5] }, [0, 4]));
    const env = sweepEnv(plan.spec.env);
    const reversed = [...plan.jobs].reverse().map((j) => runSweepJob(env, j));
    for (const job of plan.jobs) {
      const agent = train(createEnv({ map: '4x4' }), job.params, job.seed, job.episodes);
      const r = reversed.find((x) => x.jobId === job.id)!;
      expect(r.successProbability).toBe(evaluateGreedy(agent.env, agent.q).successProbability);
      expect(r.steps).toBe(agent.totalSteps);
      expect(r.seed).toBe(job.seed);
    }
  });

  it('times the job with the clock it is given', () => {
    const plan = expandSweep(spec({ episodes: [10] }));
    let t = 100;
    const r = runSweepJob(sweepEnv(plan.spec.env), plan.jobs[0]!, () => (t += 7));
    expect(r.ms).toBe(7);
  });
});

describe('quantiles and summaries', () => {
  it('interpolates between order statistics (numpy type 7)', () => {
    const xs = [0.1, 0.2, 0.4, 0.8];
    // h = 3p: p = ½ → 0.2 + ½·0.2; p = ¼ → 0.1 + ¾·0.1; p = ¾ → 0.4 + ¼·0.4
    expect(quantile(xs, 0.5)).toBeCloseTo(0.3, 15);
    expect(quantile(xs, 0.25)).toBeCloseTo(0.175, 15);
    expect(quantile(xs, 0.75)).toBeCloseTo(0.5, 15);
    expect(quantile(xs, 0)).toBe(0.1);
    expect(quantile(xs, 1)).toBe(0.8);
    expect(quantile([], 0.5)).toBeNaN();
    expect(median([3, 1, 2])).toBe(2);
  });

  it('summarises per setting over the results that are in', () => {
    const plan = expandSweep(spec({ alpha: [0.1, 0.2] }, [0, 1, 2, 3]));
    const r = (jobId: number, p: number, steps: number, ms: number): SweepJobResult => ({
      jobId,
      settingIndex: plan.jobs[jobId]!.settingIndex,
      seed: plan.jobs[jobId]!.seed,
      successProbability: p,
      steps,
      ms,
    });
    const results = [
      r(0, 0.8, 10, 1),
      r(1, 0.1, 20, 3),
      r(2, 0.4, 30, 5),
      r(3, 0.2, 40, 7),
      r(4, 0.5, 5, 2),
    ];
    const [a, b] = summarizeSweep(plan, [...results, undefined]);
    expect(a).toMatchObject({ n: 4, min: 0.1, max: 0.8, medianSteps: 25, meanMs: 4 });
    expect(a!.median).toBeCloseTo(0.3, 15);
    expect(a!.q1).toBeCloseTo(0.175, 15);
    expect(a!.q3).toBeCloseTo(0.5, 15);
    expect(b).toMatchObject({ n: 1, median: 0.5, min: 0.5, max: 0.5, q1: 0.5, q3: 0.5 });
    expect(summarizeSweep(plan, [])[0]).toMatchObject({ n: 0, median: NaN, min: NaN });
  });

  it("the lesson's settings over seeds 0–9 on 4x4: median 0.7298, as the README measures", () => {
    const plan = expandSweep(spec({}, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const env = sweepEnv(plan.spec.env);
    const [s] = summarizeSweep(
      plan,
      plan.jobs.map((j) => runSweepJob(env, j)),
    );
    expect(s!.n).toBe(10);
    expect(s!.median).toBeCloseTo(0.7298, 4);
    expect(s!.min).toBeLessThanOrEqual(s!.q1);
    expect(s!.q3).toBeLessThanOrEqual(s!.max);
  });
});

describe('formatAxisValue', () => {
  it('writes small decays in exponent form and episodes with separators', () => {
    expect(formatAxisValue('epsilonDecay', 2e-7)).toBe('2e-7');
    expect(formatAxisValue('epsilonDecay', 0.001)).toBe('0.001');
    expect(formatAxisValue('episodes', 100_000)).toBe('100,000');
    expect(formatAxisValue('alpha', 0.1)).toBe('0.1');
    expect(formatAxisValue('tieBreak', 'random')).toBe('random');
  });
});
