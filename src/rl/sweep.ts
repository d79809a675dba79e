/**
 * Parameter sweeps: many agents over a grid of settings × seeds, with exact results.
 *
 * A sweep is a list of values for each sweepable setting (the reward schedule and the success
 * rate of the environment, α, γ, ε decay, episodes, tie rule) and a list of seeds. Its settings are the Cartesian product of the value lists, in `SWEEP_AXES`
 * order with the last axis varying fastest; its jobs are every setting × every seed:
 *
 *   job id = settingIndex · seeds.length + seedIndex
 *
 * One job trains a fresh agent (`train`: Q = 0, the seed's generator) for the setting's
 * episodes with the fast loop on the setting's environment (`rl/sweep-env.ts`) and scores it with
 * the exact success probability of its greedy policy within the time limit and its exact expected
 * return under the setting's rewards (`evaluateGreedy`, no sampling). A job's result therefore
 * depends only on the environment, its setting and its seed: the page's Web Workers and the command
 * line's worker threads give the same numbers, in any order, on any number of cores.
 *
 * Pure: no DOM, no clock (the caller passes `now` to time a job), no globals.
 */
import type { IceMazeEnv, RewardSchedule } from './env';
import { evaluateGreedy } from './evaluation';
import {
  checkLimit,
  describeValue,
  paramErrors,
  type Limit,
  type QParams,
  type TieBreak,
  RUN_LIMITS,
} from './params';
import { train } from './training';
import { checkRewardSchedule, parseNumber } from './parse-values';
import { settingsEnv } from './settings-env';
import {
  AXIS_INFO,
  axisValueError,
  axisValues,
  describeAxisValue,
  words,
  type Parsed,
} from './sweep-axes';
import { isEnvAxis, SWEEP_ENV_AXES, type SweepEnvAxis } from './sweep-env';

/** Limits of a parameter sweep (`rl/sweep.ts`): how many agents and values one sweep may hold. */
export const SWEEP_LIMITS = {
  agents: { label: 'Agents in a sweep (settings × seeds)', min: 1, max: 10_000, integer: true },
  values: { label: 'Values of one setting', min: 1, max: 64, integer: true },
  totalEpisodes: {
    label: 'Episodes in a sweep (agents × episodes)',
    min: 1,
    max: 2_000_000_000,
    integer: true,
  },
} as const satisfies Record<string, Limit>;

/** The learner's settings a sweep can vary, in expansion order (the last varies fastest). */
export const SWEEP_PARAM_AXES = ['alpha', 'gamma', 'epsilonDecay', 'episodes', 'tieBreak'] as const;

/** Every setting a sweep can vary, in expansion order: the environment's, then the learner's. */
export const SWEEP_AXES = [...SWEEP_ENV_AXES, ...SWEEP_PARAM_AXES] as const;

/** A learner's setting a sweep can vary. */
export type SweepParamAxis = (typeof SWEEP_PARAM_AXES)[number];

/** A setting a sweep can vary. */
export type SweepAxis = (typeof SWEEP_AXES)[number];

/**
 * One point of the grid: a value for every sweepable setting. The environment's two are present
 * only when the sweep varies them (a sweep's `values` lists them); otherwise the sweep's `env`
 * holds them, so a sweep without them expands, runs and writes exactly as before they existed.
 */
export interface SweepSetting {
  alpha: number;
  gamma: number;
  epsilonDecay: number;
  episodes: number;
  tieBreak: TieBreak;
  /** Rewards for entering a goal, a hole, a frozen tile, when swept. */
  rewardSchedule?: RewardSchedule;
  /** Chance a slippery move goes the intended way, when swept. */
  successRate?: number;
}

/** A value of one setting (a swept one is always present). */
export type SweepAxisValue<K extends SweepAxis> = NonNullable<SweepSetting[K]>;

/**
 * The values each setting takes (a single value for a learner's setting that does not vary; the
 * environment's are absent unless swept).
 */
export type SweepValues = { [K in SweepParamAxis]: SweepSetting[K][] } & {
  [K in SweepEnvAxis]?: SweepAxisValue<K>[];
};

/** The environment every agent of a sweep trains on (a swept schedule or rate overrides its own). */
export interface SweepEnvSpec {
  /** Map rows. */
  map: string[];
  isSlippery: boolean;
  successRate: number;
  /** Rewards for entering a goal, a hole, a frozen tile; absent: Gymnasium's (1, 0, 0). */
  rewardSchedule?: RewardSchedule;
  maxSteps: number;
}

/** A sweep as a person asks for it. */
export interface SweepSpec {
  env: SweepEnvSpec;
  /** The settings that are not swept (ε at the start, minimum ε); swept ones override these. */
  base: QParams;
  values: SweepValues;
  seeds: number[];
}

/** One agent to train. */
export interface SweepJob {
  /** settingIndex · seeds.length + seedIndex. */
  id: number;
  settingIndex: number;
  seed: number;
  params: QParams;
  episodes: number;
}

/** A checked sweep, expanded into settings and jobs. */
export interface SweepPlan {
  spec: SweepSpec;
  settings: SweepSetting[];
  jobs: SweepJob[];
}

/** What one job found. */
export interface SweepJobResult {
  jobId: number;
  settingIndex: number;
  seed: number;
  /** Exact P(the greedy policy reaches the goal within the time limit). */
  successProbability: number;
  /**
   * The greedy policy's exact expected return per episode under the setting's rewards
   * (undiscounted, within the time limit). Absent from a report whose rewards are all Gymnasium's,
   * where it equals `successProbability` (`sweepHasRewards`).
   */
  expectedReturn?: number;
  /** Steps (updates) the agent trained. */
  steps: number;
  /** Wall-clock time of training and evaluation, in ms (the only number that is not reproducible). */
  ms: number;
}

/**
 * Reads seeds: single seeds and inclusive ranges separated by commas or spaces, "0-9", "0-3,7",
 * "1 5 9". Every seed is checked against the seed limit.
 */
export function parseSeeds(text: string): Parsed<number> {
  const list = words(text);
  const label = RUN_LIMITS.seed.label;
  if (list.length === 0) return { ok: false, error: `${label}s: give at least one seed.` };
  const seeds: number[] = [];
  for (const w of list) {
    const range = /^(\d+)-(\d+)$/.exec(w);
    const ends = range ? [range[1]!, range[2]!] : [w, w];
    // Each end read as a link and the command line read numbers (rl/parse-values).
    const read = ends.map((end) => parseNumber(RUN_LIMITS.seed, end));
    const bad = read.find((r) => !r.ok);
    if (bad && !bad.ok)
      return { ok: false, error: bad.error.replace(/got .*\.$/, `got ${describeValue(w)}.`) };
    const [lo, hi] = read.map((r) => (r.ok ? r.value : 0)) as [number, number];
    if (hi < lo) return { ok: false, error: `${label}s: the range "${w}" runs backwards.` };
    if (hi - lo + 1 > SWEEP_LIMITS.agents.max)
      return {
        ok: false,
        error: `${label}s: the range "${w}" holds more than ${SWEEP_LIMITS.agents.max} seeds.`,
      };
    for (let s = lo; s <= hi; s++) seeds.push(s);
  }
  return { ok: true, values: seeds };
}

/** The first value listed twice, if any, compared by `key` (a schedule by its text). */
function firstDuplicate<T>(values: readonly T[], key: (v: T) => unknown = (v) => v): T | undefined {
  const seen = new Set<unknown>();
  for (const v of values) {
    const k = key(v);
    if (seen.has(k)) return v;
    seen.add(k);
  }
  return undefined;
}

/** Agents a sweep trains: Π |values| · |seeds| (an unswept environment setting counts 1). */
export function sweepSize(spec: Pick<SweepSpec, 'values' | 'seeds'>): number {
  return (
    SWEEP_AXES.reduce((n, axis) => n * (axisValues(spec.values, axis)?.length ?? 1), 1) *
    spec.seeds.length
  );
}

/**
 * Every problem with a sweep, one message each (empty when it can run): the environment, the
 * fixed settings, every swept value against its limit, empty or repeated lists, and the sweep's
 * size against `SWEEP_LIMITS`.
 */
export function sweepErrors(spec: SweepSpec): string[] {
  const errors: string[] = [];
  try {
    sweepEnv(spec.env);
  } catch (e) {
    errors.push((e as Error).message);
  }
  const e = checkLimit(RUN_LIMITS.maxSteps, spec.env.maxSteps);
  if (e) errors.push(e);
  const rewards =
    spec.env.rewardSchedule === undefined ? null : checkRewardSchedule(spec.env.rewardSchedule);
  if (rewards && !rewards.ok) errors.push(rewards.error);
  errors.push(...paramErrors(spec.base));
  for (const axis of SWEEP_AXES) {
    const { label } = AXIS_INFO[axis];
    const values = axisValues(spec.values, axis);
    if (values === undefined && isEnvAxis(axis)) continue;
    if (!Array.isArray(values) || values.length === 0) {
      errors.push(`${label}: give at least one value.`);
      continue;
    }
    if (values.length > SWEEP_LIMITS.values.max)
      errors.push(`${label}: at most ${SWEEP_LIMITS.values.max} values; got ${values.length}.`);
    const bad = values.map((v) => axisValueError(axis, v)).filter((e) => e !== null);
    errors.push(...bad);
    const dup = firstDuplicate(values, (v) => describeAxisValue(axis, v));
    if (dup !== undefined)
      errors.push(`${label}: ${describeAxisValue(axis, dup)} is listed twice.`);
  }
  if (spec.seeds.length === 0) errors.push('Seeds: give at least one seed.');
  for (const s of spec.seeds) {
    const bad = checkLimit(RUN_LIMITS.seed, s);
    if (bad) errors.push(bad);
  }
  const dupSeed = firstDuplicate(spec.seeds);
  if (dupSeed !== undefined) errors.push(`Seeds: ${dupSeed} is listed twice.`);
  if (errors.length > 0) return errors;
  const agents = sweepSize(spec);
  const tooBig = checkLimit(SWEEP_LIMITS.agents, agents);
  if (tooBig) errors.push(tooBig);
  const episodes =
    spec.values.episodes.reduce((a, b) => a + b, 0) * (agents / spec.values.episodes.length);
  const tooLong = checkLimit(SWEEP_LIMITS.totalEpisodes, episodes);
  if (tooLong) errors.push(tooLong);
  return errors;
}

/** A sweep that cannot run: its messages, joined. */
export class SweepError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join(' '));
    this.name = 'SweepError';
  }
}

/** Checks a sweep and expands it into settings and jobs; throws `SweepError` when it cannot run. */
export function expandSweep(spec: SweepSpec): SweepPlan {
  const errors = sweepErrors(spec);
  if (errors.length > 0) throw new SweepError(errors);
  let settings: Partial<SweepSetting>[] = [{}];
  // An environment's setting the sweep does not vary stays out of its settings.
  for (const axis of SWEEP_AXES)
    settings = settings.flatMap(
      (s) => axisValues(spec.values, axis)?.map((v) => ({ ...s, [axis]: v })) ?? [s],
    );
  const full = settings as SweepSetting[];
  const jobs: SweepJob[] = [];
  full.forEach((setting, settingIndex) =>
    spec.seeds.forEach((seed, seedIndex) =>
      jobs.push({
        id: settingIndex * spec.seeds.length + seedIndex,
        settingIndex,
        seed,
        params: jobParams(spec.base, setting),
        episodes: setting.episodes,
      }),
    ),
  );
  return { spec, settings: full, jobs };
}

/** The hyperparameters of a setting: the sweep's fixed ones with the swept ones in. */
export function jobParams(base: QParams, setting: SweepSetting): QParams {
  const { alpha, gamma, epsilonDecay, tieBreak } = setting;
  return { ...base, alpha, gamma, epsilonDecay, tieBreak };
}

/** The environment of a sweep (or of one setting: `settingEnvSpec`), built by `settingsEnv`. */
export function sweepEnv(env: SweepEnvSpec): IceMazeEnv {
  return settingsEnv(env);
}

/**
 * Trains one agent and scores it: a fresh agent with the job's seed runs `episodes` episodes of
 * the fast loop, then its greedy policy (ties to the lowest action) is evaluated exactly: its
 * chance of reaching the goal and its expected return under `env`'s rewards. `env` is the job's
 * setting's environment (`jobEnvSpec`). `now` (ms) times it; the numbers other than `ms` depend
 * only on `env`, the setting and the seed.
 */
export function runSweepJob(
  env: IceMazeEnv,
  job: SweepJob,
  now: () => number = () => 0,
): SweepJobResult {
  const t0 = now();
  const agent = train(env, job.params, job.seed, job.episodes);
  const { successProbability, expectedReturn } = evaluateGreedy(env, agent.q);
  return {
    jobId: job.id,
    settingIndex: job.settingIndex,
    seed: job.seed,
    successProbability,
    expectedReturn,
    steps: agent.totalSteps,
    ms: now() - t0,
  };
}
