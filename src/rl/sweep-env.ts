/**
 * The environment as a sweep axis: the reward schedule and the success rate of a move.
 *
 * A sweep's `env` is the environment every setting shares (map, ice, time limit, and the rewards
 * and success rate when they are not swept). A setting of a sweep that varies them carries its own
 * `rewardSchedule` and/or `successRate`, and its jobs train and are evaluated on
 *
 *   env(setting) = sweep env with the setting's schedule and success rate in,
 *
 * built by the one builder of environments from settings (`settingsEnv`) and cached per distinct
 * (schedule, success rate), so a worker builds each environment once, not once per job.
 *
 * Pure: no DOM, no clock, no globals.
 */
import { DEFAULT_REWARD_SCHEDULE, type IceMazeEnv, type RewardSchedule } from './env';
import { formatRewardSchedule, parseRewardSchedule } from './parse-values';
import { settingsEnv } from './settings-env';
import type { SweepEnvSpec, SweepJob, SweepPlan, SweepSetting, SweepSpec } from './sweep';
import type { Parsed } from './sweep-axes';

/**
 * The environment's settings a sweep can vary, in expansion order. They come before the
 * hyperparameters, so they vary slowest: the jobs of one environment are contiguous, which keeps
 * a worker's cache warm and a shard on few environments.
 */
export const SWEEP_ENV_AXES = ['rewardSchedule', 'successRate'] as const;

/** An environment setting a sweep can vary. */
export type SweepEnvAxis = (typeof SWEEP_ENV_AXES)[number];

/** True for the environment's axes (the others are the learner's hyperparameters and episodes). */
export function isEnvAxis(axis: string): axis is SweepEnvAxis {
  return (SWEEP_ENV_AXES as readonly string[]).includes(axis);
}

/** The environment of one setting: the sweep's, with the setting's schedule and success rate in. */
export function settingEnvSpec(
  env: SweepEnvSpec,
  setting: Pick<SweepSetting, SweepEnvAxis>,
): SweepEnvSpec {
  const { rewardSchedule, successRate } = setting;
  return {
    ...env,
    ...(rewardSchedule === undefined ? {} : { rewardSchedule }),
    ...(successRate === undefined ? {} : { successRate }),
  };
}

/** The environment a job trains and is evaluated on (what the pools send with it). */
export function jobEnvSpec(
  plan: Pick<SweepPlan, 'spec' | 'settings'>,
  job: SweepJob,
): SweepEnvSpec {
  return settingEnvSpec(plan.spec.env, plan.settings[job.settingIndex]!);
}

/** The schedules of a list, "1,0,0; 1,-1,0" → ["1,0,0", "1,-1,0"] (semicolons between them). */
export function scheduleWords(text: string): string[] {
  return text
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * Reads a list of reward schedules, each "g,h,f" as `--reward-schedule` and the link's `rewards=`
 * read one (`parseRewardSchedule`), separated by semicolons: "1,0,0; 1,-1,0; 1,0,-0.01".
 */
export function parseSchedules(text: string): Parsed<RewardSchedule> {
  const items = scheduleWords(text);
  if (items.length === 0)
    return { ok: false, error: 'Rewards (goal, hole, frozen): give at least one schedule.' };
  const values: RewardSchedule[] = [];
  for (const item of items) {
    const read = parseRewardSchedule(item);
    if (!read.ok) return { ok: false, error: read.error };
    values.push(read.value);
  }
  return { ok: true, values };
}

/** A number with a real minus sign: "−0.01". */
export function signed(x: number): string {
  return x < 0 ? `\u2212${-x}` : String(x);
}

/**
 * A schedule as a class reads it, by what it changes from Gymnasium's (1, 0, 0): "step cost
 * −0.01", "hole −1", "goal 2, hole −1"; Gymnasium's own is "Gymnasium’s 1, 0, 0".
 */
export function scheduleLabel(schedule: RewardSchedule): string {
  const [goal, hole, frozen] = schedule;
  const [g0, h0, f0] = DEFAULT_REWARD_SCHEDULE;
  const parts: string[] = [];
  if (goal !== g0) parts.push(`goal ${signed(goal)}`);
  if (hole !== h0) parts.push(`hole ${signed(hole)}`);
  if (frozen !== f0) parts.push(frozen < 0 ? `step cost ${signed(frozen)}` : `frozen ${frozen}`);
  return parts.length > 0 ? parts.join(', ') : 'Gymnasium\u2019s 1, 0, 0';
}

/** A success rate as a tick reads it: Gymnasium's 1/3 as "1/3", others to 4 significant digits. */
export function successRateLabel(rate: number): string {
  return rate === 1 / 3 ? '1/3' : String(Number(rate.toPrecision(4)));
}

/** True when `schedule` is Gymnasium's (1, 0, 0). */
function isDefaultSchedule(schedule: RewardSchedule): boolean {
  return schedule.every((x, i) => x === DEFAULT_REWARD_SCHEDULE[i]);
}

/**
 * True when some setting's rewards are not Gymnasium's (1, 0, 0). Under Gymnasium's rewards an
 * episode's undiscounted return is 1 exactly when it reaches the goal, so the greedy policy's
 * expected return equals its success probability and a report leaves it out.
 */
export function sweepHasRewards(spec: Pick<SweepSpec, 'env' | 'values'>): boolean {
  const schedules = spec.values.rewardSchedule ?? [
    spec.env.rewardSchedule ?? DEFAULT_REWARD_SCHEDULE,
  ];
  return schedules.some((s) => !isDefaultSchedule(s));
}

/**
 * Most environments a cache keeps: a sweep may list 64 schedules and 64 rates (`SWEEP_LIMITS`),
 * but the jobs of one environment are contiguous, so beyond this the oldest is dropped.
 */
export const ENV_CACHE_SIZE = 64;

/**
 * A cache of built environments: one per distinct (schedule, success rate) of the same map, ice
 * and time limit; a job on another map starts the cache afresh.
 */
export function createEnvCache(): (spec: SweepEnvSpec) => IceMazeEnv {
  let base = '';
  const envs = new Map<string, IceMazeEnv>();
  return (spec) => {
    const { rewardSchedule, successRate, ...rest } = spec;
    const baseKey = JSON.stringify(rest);
    if (baseKey !== base) {
      envs.clear();
      base = baseKey;
    }
    const key = `${successRate};${rewardSchedule ? formatRewardSchedule(rewardSchedule) : ''}`;
    let env = envs.get(key);
    if (!env) {
      env = settingsEnv(spec);
      envs.set(key, env);
      // Map keeps insertion order: the first key is the oldest.
      if (envs.size > ENV_CACHE_SIZE) envs.delete(envs.keys().next().value!);
    }
    return env;
  };
}
