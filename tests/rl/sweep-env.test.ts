/**
 * The reward schedule and the success rate as sweep axes (issue 19): each setting carries its
 * environment's changes, each job trains and is scored on that environment, built once per
 * distinct (schedule, success rate).
 */
import { describe, expect, it } from 'vitest';
import { createEnv, type RewardSchedule } from '../../src/rl/env';
import { evaluateGreedy } from '../../src/rl/evaluation';
import { MAPS } from '../../src/rl/maps';
import { LESSON_PARAMS } from '../../src/rl/params';
import { train } from '../../src/rl/training';
import { formatAxisValue, parseAxisValues, variedAxes } from '../../src/rl/sweep-axes';
import {
  expandSweep,
  runSweepJob,
  sweepErrors,
  sweepSize,
  type SweepJobResult,
  type SweepSpec,
} from '../../src/rl/sweep';
import {
  createEnvCache,
  ENV_CACHE_SIZE,
  jobEnvSpec,
  scheduleLabel,
  settingEnvSpec,
  successRateLabel,
  sweepHasRewards,
} from '../../src/rl/sweep-env';
import { summarizeSweep } from '../../src/rl/sweep-summary';

const ENV_4X4 = { map: [...MAPS['4x4']], isSlippery: true, successRate: 1 / 3, maxSteps: 100 };
const STEP_COST: RewardSchedule = [1, 0, -0.01];
const HOLES_HURT: RewardSchedule = [1, -1, 0];

/** The lesson's sweep with the given lists changed (the environment's axes absent unless given). */
function spec(values: Partial<SweepSpec['values']> = {}, seeds = [0]): SweepSpec {
  return {
    env: ENV_4X4,
    base: { ...LESSON_PARAMS },
    values: {
      alpha: [0.1],
      gamma: [0.99],
      epsilonDecay: [1e-4],
      episodes: [300],
      tieBreak: ['first'],
      ...values,
    },
    seeds,
  };
}

describe('reading the environment’s axes', () => {
  it('reads schedules separated by semicolons with the link’s reader, and names a bad one', () => {
    expect(parseAxisValues('rewardSchedule', '1,0,0; 1,-1,0;1,0,-0.01')).toEqual({
      ok: true,
      values: [[1, 0, 0], HOLES_HURT, STEP_COST],
    });
    expect(parseAxisValues('rewardSchedule', '1,0,0;1,0,500')).toEqual({
      ok: false,
      error: 'Reward for a frozen tile must be from -100 to 100; got 500.',
    });
    expect(parseAxisValues('rewardSchedule', '1,0')).toEqual({
      ok: false,
      error: 'Rewards (goal, hole, frozen) must be three numbers such as 1,-1,-0.01; got "1,0".',
    });
    expect(parseAxisValues('rewardSchedule', ' ; ')).toEqual({
      ok: false,
      error: 'Rewards (goal, hole, frozen): give at least one schedule.',
    });
  });

  it('reads success rates as numbers within the success rate’s limit', () => {
    expect(parseAxisValues('successRate', '0.6, 0.8,1')).toEqual({
      ok: true,
      values: [0.6, 0.8, 1],
    });
    expect(parseAxisValues('successRate', '0.5,1.5')).toEqual({
      ok: false,
      error: 'Success rate of a move must be from 0 to 1; got "1.5".',
    });
  });

  it('refuses a schedule out of range or listed twice, and checks the rates', () => {
    expect(sweepErrors(spec({ rewardSchedule: [STEP_COST, [1, 0, -0.01], [1, 0, 200]] }))).toEqual([
      'Reward for a frozen tile must be from -100 to 100; got 200.',
      'Rewards (goal, hole, frozen): 1,0,-0.01 is listed twice.',
    ]);
    expect(sweepErrors(spec({ successRate: [0.5, -0.1] }))).toEqual([
      'Success rate of a move must be from 0 to 1; got -0.1.',
    ]);
    expect(sweepErrors(spec({ successRate: [] }))).toEqual([
      'Success rate of a move: give at least one value.',
    ]);
  });
});

describe('expanding a sweep over rewards and ice', () => {
  it('the environment’s axes vary slowest and each setting carries its own', () => {
    const plan = expandSweep(
      spec({ rewardSchedule: [STEP_COST, HOLES_HURT], successRate: [0.6, 1], alpha: [0.1, 0.5] }),
    );
    expect(sweepSize(plan.spec)).toBe(8);
    expect(variedAxes(plan.spec.values)).toEqual(['rewardSchedule', 'successRate', 'alpha']);
    expect(plan.settings.map((s) => [s.rewardSchedule, s.successRate, s.alpha])).toEqual([
      [STEP_COST, 0.6, 0.1],
      [STEP_COST, 0.6, 0.5],
      [STEP_COST, 1, 0.1],
      [STEP_COST, 1, 0.5],
      [HOLES_HURT, 0.6, 0.1],
      [HOLES_HURT, 0.6, 0.5],
      [HOLES_HURT, 1, 0.1],
      [HOLES_HURT, 1, 0.5],
    ]);
    // Job 5: setting 5, the sweep's env with holes hurting and a success rate of 0.6.
    expect(jobEnvSpec(plan, plan.jobs[5]!)).toEqual({
      ...ENV_4X4,
      rewardSchedule: HOLES_HURT,
      successRate: 0.6,
    });
  });

  it('a sweep that does not vary them has settings without them, as before the axes', () => {
    const plan = expandSweep(spec({ alpha: [0.1, 0.5] }));
    expect(plan.settings.map((s) => Object.keys(s))).toEqual([
      ['alpha', 'gamma', 'epsilonDecay', 'episodes', 'tieBreak'],
      ['alpha', 'gamma', 'epsilonDecay', 'episodes', 'tieBreak'],
    ]);
    expect(settingEnvSpec(ENV_4X4, plan.settings[0]!)).toEqual(ENV_4X4);
  });

  it('each job trains and is scored on its setting’s environment: success and exact return', () => {
    const plan = expandSweep(spec({ rewardSchedule: [STEP_COST], successRate: [0.8] }, [0, 3]));
    const envOf = createEnvCache();
    for (const job of plan.jobs) {
      const r = runSweepJob(envOf(jobEnvSpec(plan, job)), job);
      const env = createEnv({ map: '4x4', successRate: 0.8, rewardSchedule: STEP_COST });
      const agent = train(env, job.params, job.seed, job.episodes);
      const exact = evaluateGreedy(env, agent.q);
      expect(r.successProbability).toBe(exact.successProbability);
      expect(r.expectedReturn).toBe(exact.expectedReturn);
      expect(r.steps).toBe(agent.totalSteps);
      // Each frozen tile entered costs 0.01: the return is below the chance of the goal.
      expect(r.expectedReturn!).toBeLessThan(r.successProbability);
    }
  });
});

describe('the environment cache', () => {
  it('builds one environment per distinct (schedule, success rate), and starts afresh on a new map', () => {
    const envOf = createEnvCache();
    const a = envOf({ ...ENV_4X4, rewardSchedule: STEP_COST, successRate: 0.6 });
    expect(envOf({ ...ENV_4X4, rewardSchedule: [1, 0, -0.01], successRate: 0.6 })).toBe(a);
    const b = envOf({ ...ENV_4X4, rewardSchedule: STEP_COST, successRate: 0.8 });
    expect(b).not.toBe(a);
    expect(b.successRate).toBe(0.8);
    expect(b.rewardSchedule).toEqual(STEP_COST);
    expect(envOf({ ...ENV_4X4, rewardSchedule: STEP_COST, successRate: 0.6 })).toBe(a);
    const other = envOf({
      ...ENV_4X4,
      map: ['SF', 'FG'],
      rewardSchedule: STEP_COST,
      successRate: 0.6,
    });
    expect(other.nS).toBe(4);
    expect(envOf({ ...ENV_4X4, rewardSchedule: STEP_COST, successRate: 0.6 })).not.toBe(a);
  });

  it('keeps at most ENV_CACHE_SIZE environments, dropping the oldest', () => {
    const envOf = createEnvCache();
    const rate = (i: number) => ({ ...ENV_4X4, successRate: i / 100 });
    const first = envOf(rate(0));
    expect(envOf(rate(0))).toBe(first);
    for (let i = 1; i <= ENV_CACHE_SIZE; i++) envOf(rate(i));
    expect(envOf(rate(ENV_CACHE_SIZE))).toBe(envOf(rate(ENV_CACHE_SIZE)));
    expect(envOf(rate(0))).not.toBe(first);
  });
});

describe('labels and reports', () => {
  it('names a schedule by what it changes from Gymnasium’s, and a rate readably', () => {
    expect(scheduleLabel(STEP_COST)).toBe('step cost \u22120.01');
    expect(scheduleLabel(HOLES_HURT)).toBe('hole \u22121');
    expect(scheduleLabel([2, -1, 0.5])).toBe('goal 2, hole \u22121, frozen 0.5');
    expect(scheduleLabel([1, 0, 0])).toBe('Gymnasium\u2019s 1, 0, 0');
    expect(successRateLabel(1 / 3)).toBe('1/3');
    expect(successRateLabel(0.8)).toBe('0.8');
    expect(successRateLabel(0.123456)).toBe('0.1235');
    expect(formatAxisValue('rewardSchedule', STEP_COST)).toBe('step cost \u22120.01');
    expect(formatAxisValue('successRate', 1)).toBe('1');
  });

  it('a report shows the return only where some rewards are not Gymnasium’s', () => {
    expect(sweepHasRewards(spec())).toBe(false);
    expect(sweepHasRewards(spec({ rewardSchedule: [[1, 0, 0]] }))).toBe(false);
    expect(sweepHasRewards({ ...spec(), env: { ...ENV_4X4, rewardSchedule: HOLES_HURT } })).toBe(
      true,
    );
    expect(sweepHasRewards(spec({ rewardSchedule: [[1, 0, 0], STEP_COST] }))).toBe(true);
  });

  it('summarises the median exact return per setting', () => {
    const plan = expandSweep(spec({ rewardSchedule: [STEP_COST, HOLES_HURT] }, [0, 1, 2]));
    const r = (jobId: number, expectedReturn?: number): SweepJobResult => ({
      jobId,
      settingIndex: plan.jobs[jobId]!.settingIndex,
      seed: plan.jobs[jobId]!.seed,
      successProbability: 0.5,
      ...(expectedReturn === undefined ? {} : { expectedReturn }),
      steps: 1,
      ms: 1,
    });
    const [a, b] = summarizeSweep(plan, [r(0, 0.2), r(1, -0.4), r(2, 0.1), r(3)]);
    expect(a!.medianReturn).toBe(0.1);
    expect(b!.medianReturn).toBeNaN();
  });
});
