/**
 * Exact replays. A run is fully defined by its starting settings, its seed and the hyperparameter
 * changes made while it trained, each with the step count at which it took effect: replaying
 * those gives bit-identical Q, ε, step counts and trajectories, however the original run was
 * cut into slices, pauses and single steps.
 */
import { createEnv, DEFAULT_REWARD_SCHEDULE, type IceMazeEnv, type RewardSchedule } from './env';
import type { EnvChange } from './env-change';

export type { EnvChange } from './env-change';
import { isMapName, splitMapRows } from './maps';
import { paramErrors, type QParams, RUN_LIMITS } from './params';
import { settingsEnv } from './settings-env';
import { checkNumber, checkRewardSchedule, checkSwitch, SLIPPERY_LABEL } from './parse-values';
import { parseEnvChange } from './env-change';
import { createAgent, type QAgent, setLearnerOptions, setParams } from './agent';
import type { Algorithm } from './algorithms/registry';
import { algorithmNameError, DEFAULT_ALGORITHM, isAlgorithmName } from './algorithm-names';
import {
  learnerOptionErrors,
  type LearnerOptions,
  type LiveLearnerChange,
} from './learner-options';
import { runAlgorithm } from './training';

/**
 * A change of hyperparameters and/or of the environment, applied after `atStep` steps of the run
 * (before step atStep + 1). `params` may be empty when only the environment changed.
 */
export interface ParamChangeRecord {
  atStep: number;
  params: Partial<QParams>;
  /** The environment's change at this step, if any (absent in records made before it existed). */
  env?: EnvChange;
  /** The learner's live options changed at this step (λ, n, exploration…), if any. */
  learner?: LiveLearnerChange;
}

/** Everything that defines a run: the environment, the seed and the hyperparameters. */
export interface RunSettings {
  /** Map rows (a named map is resolved before it gets here). */
  map: string[];
  isSlippery: boolean;
  /** Probability that a slippery move goes the intended way. */
  successRate: number;
  /**
   * Rewards for entering a goal, a hole, a frozen tile (the start counts as frozen). Absent means
   * Gymnasium's (1, 0, 0), as in records made before the schedule could be set.
   */
  rewardSchedule?: RewardSchedule;
  /** Time limit per episode (Gymnasium: 100 on 4x4, 200 on 8x8). */
  maxSteps: number;
  seed: number;
  /** Episodes a press of Play runs before it stops by itself (the lesson: 10,000). */
  episodes: number;
  /**
   * Like the lesson's `save_interval`: a frame is kept after every episode e (0-based) with
   * e mod frameInterval = 0, and after the last episode of each Play budget (the lesson: 1,000).
   */
  frameInterval: number;
  params: QParams;
  /** The algorithm the run learns with (absent: Q-learning, as in records made before it could be picked). */
  algorithm?: Algorithm;
  /** The learner's options at the start (each absent field: `DEFAULT_LEARNER_OPTIONS`, the lesson's). */
  learner?: Partial<LearnerOptions>;
}

/** What defines a run: the settings it started with, the changes along the way, how far it got. */
export interface RunRecord {
  settings: RunSettings;
  /** In the order they were made; `atStep` never decreases. */
  changes: ParamChangeRecord[];
  /** Steps the run had taken. */
  totalSteps: number;
}

/**
 * Longest replay accepted, in steps: 10⁸, as many as a run's largest Play budget has episodes
 * (`RUN_LIMITS.episodes`). Its worst case — a frame after every episode on a map whose episodes
 * last a step or two — replays in 6 s in Node on this project's 2-core machine, 12–26 s with the
 * machine loaded (`npx tsx scripts/replay-timing.ts 100000000 SH,FG 1`), and the 4x4 map with a
 * frame every episode in 5.7–7.9 s in Chromium (`e2e/hardening.spec.ts`). The worker replays in time slices with
 * progress reports and can be cancelled; a record ten times longer would pass the minute a class
 * can wait.
 */
export const MAX_REPLAY_STEPS = 100_000_000;

/**
 * Applies a change the way the lab does: the new hyperparameters act from the next step and Q is
 * kept; `epsilon` sets the current ε too, not only the starting one.
 */
export function applyParamChange(agent: QAgent, change: Partial<QParams>): void {
  setParams(agent, change);
  if (change.epsilon !== undefined) agent.epsilon = change.epsilon;
}

/**
 * The environment `env` becomes under `change`: the same map, ice switch and time limit, with the
 * changed success rate and rewards (each field absent keeps its value). Throws `RangeError` for a
 * value `createEnv` refuses.
 */
export function changedEnv(env: IceMazeEnv, change: EnvChange): IceMazeEnv {
  return createEnv({
    map: env.desc,
    isSlippery: env.isSlippery,
    successRate: change.successRate ?? env.successRate,
    rewardSchedule: change.rewardSchedule ?? env.rewardSchedule,
    maxSteps: env.maxSteps,
  });
}

/**
 * Applies an environment change the way the lab does: from the next step the agent steps on the
 * changed environment; Q, ε, the generator and the episode under way are kept. The fast loop's
 * tables hold the old rewards and probabilities, so they are dropped (rebuilt at its next call).
 */
export function applyEnvChange(agent: QAgent, change: EnvChange): void {
  agent.env = changedEnv(agent.env, change);
  agent.fastTables = null;
}

/** Applies one recorded change: the environment's part, the hyperparameters, the learner's options. */
export function applyChange(agent: QAgent, change: ParamChangeRecord): void {
  if (change.env) applyEnvChange(agent, change.env);
  applyParamChange(agent, change.params);
  if (change.learner) setLearnerOptions(agent, change.learner);
}

/** A fresh copy of a recorded change (its params, and its environment and learner parts when it has them). */
export function copyChange(change: ParamChangeRecord): ParamChangeRecord {
  const { atStep, params, env, learner } = change;
  const learnerPart = learner ? { learner: { ...learner } } : {};
  if (!env) return { atStep, params: { ...params }, ...learnerPart };
  return {
    atStep,
    params: { ...params },
    ...learnerPart,
    env: {
      ...(env.successRate === undefined ? {} : { successRate: env.successRate }),
      ...(env.rewardSchedule === undefined
        ? {}
        : { rewardSchedule: [...env.rewardSchedule] as const }),
    },
  };
}

/** Builds the environment of a record's settings. */
export function recordEnv(record: RunRecord): IceMazeEnv {
  return settingsEnv(record.settings);
}

/** A fresh agent for a run's settings: its seed, hyperparameters and learner options. */
export function settingsAgent(settings: RunSettings, env: IceMazeEnv): QAgent {
  return createAgent(env, { ...settings.params }, settings.seed, settings.learner);
}

/**
 * Trains a fresh agent along a record with its algorithm: the same steps, the same changes at
 * the same steps (`runAlgorithm`, so Q-learning as the lesson's takes the fast loop).
 */
export function replayRun(record: RunRecord, env: IceMazeEnv = recordEnv(record)): QAgent {
  const agent = settingsAgent(record.settings, env);
  const algorithm = record.settings.algorithm ?? DEFAULT_ALGORITHM;
  for (const change of record.changes) {
    runAlgorithm(agent, algorithm, change.atStep - agent.totalSteps);
    applyChange(agent, change);
  }
  runAlgorithm(agent, algorithm, record.totalSteps - agent.totalSteps);
  return agent;
}

/** The outcome of `parseRunRecord`. */
export type ParsedRecord = { ok: true; record: RunRecord } | { ok: false; errors: string[] };

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Checks untrusted data (an imported JSON file) for a run record: every field's type and range,
 * the map's rules, changes in step order. Returns every problem found, each naming its field.
 */
export function parseRunRecord(data: unknown): ParsedRecord {
  const errors: string[] = [];
  if (!isObject(data))
    return { ok: false, errors: ['The file is not a run record (a JSON object).'] };
  const s = data.settings;
  if (!isObject(s)) return { ok: false, errors: ['"settings" is missing or not an object.'] };
  let map: string[] = [];
  if (typeof s.map === 'string' && isMapName(s.map)) map = [s.map];
  else if (typeof s.map === 'string') map = splitMapRows(s.map);
  else if (Array.isArray(s.map) && Array.from(s.map).every((r) => typeof r === 'string'))
    map = [...(s.map as string[])];
  else errors.push('"settings.map" must be rows of S, F, H and G.');
  // Values and reasons as the link and the command line give them (rl/parse-values).
  const slippery = checkSwitch(SLIPPERY_LABEL, s.isSlippery);
  if (!slippery.ok) errors.push(`"settings.isSlippery": ${slippery.error}`);
  for (const key of ['successRate', 'maxSteps', 'seed', 'episodes', 'frameInterval'] as const) {
    const read = checkNumber(RUN_LIMITS[key], s[key]);
    if (!read.ok) errors.push(`"settings.${key}": ${read.error}`);
  }
  const rewards = s.rewardSchedule === undefined ? null : checkRewardSchedule(s.rewardSchedule);
  if (rewards && !rewards.ok) errors.push(`"settings.rewardSchedule": ${rewards.error}`);
  const params = s.params;
  const PARAM_KEYS = ['alpha', 'gamma', 'epsilon', 'epsilonDecay', 'minEpsilon', 'tieBreak'];
  if (!isObject(params)) errors.push('"settings.params" must be an object.');
  else {
    const missing = PARAM_KEYS.filter((k) => !(k in params));
    if (missing.length) errors.push(`"settings.params" is missing ${missing.join(', ')}.`);
    errors.push(...paramErrors(params).map((e) => `"settings.params": ${e}`));
  }
  const algorithm = s.algorithm;
  if (algorithm !== undefined && !isAlgorithmName(algorithm))
    errors.push(`"settings.algorithm": ${algorithmNameError(String(algorithm))}`);
  const learner = s.learner;
  if (learner !== undefined && !isObject(learner))
    errors.push('"settings.learner" must be an object (it may be empty).');
  else if (learner)
    errors.push(...learnerOptionErrors(learner).map((e) => `"settings.learner": ${e}`));
  const changes: ParamChangeRecord[] = [];
  if (!Array.isArray(data.changes)) errors.push('"changes" must be a list (it may be empty).');
  else {
    let last = 0;
    data.changes.forEach((c: unknown, i) => {
      if (!isObject(c) || !isObject(c.params) || typeof c.atStep !== 'number') {
        errors.push(`"changes[${i}]" must be { "atStep": number, "params": {…} }.`);
        return;
      }
      if (!Number.isInteger(c.atStep) || c.atStep < last || c.atStep > MAX_REPLAY_STEPS)
        errors.push(
          `"changes[${i}].atStep" must be a whole number, in step order; got ${c.atStep}.`,
        );
      else last = c.atStep;
      errors.push(...paramErrors(c.params).map((e) => `"changes[${i}]": ${e}`));
      const env = c.env === undefined ? undefined : parseEnvChange(c.env);
      if (typeof env === 'string') errors.push(`"changes[${i}].env": ${env}`);
      const live = c.learner;
      if (live !== undefined && !isObject(live))
        errors.push(`"changes[${i}].learner" must be an object.`);
      else if (live)
        errors.push(...learnerOptionErrors(live, true).map((e) => `"changes[${i}].learner": ${e}`));
      changes.push({
        atStep: c.atStep,
        params: { ...c.params } as Partial<QParams>,
        ...(env && typeof env !== 'string' ? { env } : {}),
        ...(isObject(live) ? { learner: { ...live } as LiveLearnerChange } : {}),
      });
    });
  }
  const total = data.totalSteps;
  if (
    typeof total !== 'number' ||
    !Number.isInteger(total) ||
    total < 0 ||
    total > MAX_REPLAY_STEPS
  )
    errors.push(`"totalSteps" must be a whole number from 0 to ${MAX_REPLAY_STEPS}.`);
  else if (changes.length && changes[changes.length - 1]!.atStep > total)
    errors.push('"changes" go past "totalSteps".');
  let env: IceMazeEnv | null = null;
  if (errors.length === 0) {
    try {
      env = createEnv({
        map: map.length === 1 && isMapName(map[0]!) ? map[0]! : map,
        isSlippery: s.isSlippery as boolean,
        successRate: s.successRate as number,
        rewardSchedule: rewards?.ok ? rewards.value : DEFAULT_REWARD_SCHEDULE,
        maxSteps: s.maxSteps as number,
      });
    } catch (e) {
      errors.push(`"settings.map": ${(e as Error).message}`);
    }
  }
  if (errors.length > 0 || !env) return { ok: false, errors };
  return {
    ok: true,
    record: {
      settings: {
        map: [...env.desc],
        isSlippery: s.isSlippery as boolean,
        successRate: s.successRate as number,
        ...(rewards?.ok ? { rewardSchedule: rewards.value } : {}),
        maxSteps: s.maxSteps as number,
        seed: s.seed as number,
        episodes: s.episodes as number,
        frameInterval: s.frameInterval as number,
        params: { ...(params as unknown as QParams) },
        ...(isAlgorithmName(algorithm) ? { algorithm } : {}),
        ...(isObject(learner) ? { learner: { ...learner } as Partial<LearnerOptions> } : {}),
      },
      changes,
      totalSteps: total as number,
    },
  };
}
