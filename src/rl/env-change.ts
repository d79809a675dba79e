/**
 * A live change of the environment — new rewards, a new success rate, or both — and its check.
 * Kept apart from `replay.ts` (which trains) so the page's store can check a change without
 * loading the training loop into the first download.
 */
import type { RewardSchedule } from './env-basics';
import { RUN_LIMITS } from './params';
import { checkNumber, checkRewardSchedule, REWARDS_LABEL } from './parse-values';

/**
 * A live change of the environment: new rewards, a new success rate, or both. The map, the
 * slippery switch and the time limit stay as the run began, so Q keeps its meaning state by state.
 */
export interface EnvChange {
  /** Probability that a slippery move goes the intended way, from the next step on. */
  successRate?: number;
  /** Rewards for entering a goal, a hole, a frozen tile, from the next step on. */
  rewardSchedule?: RewardSchedule;
}

/** A plain object, not null or a list. */
const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Checks untrusted data for an `EnvChange`: an object with a success rate within
 * `RUN_LIMITS.successRate` and/or a reward schedule of three numbers within `REWARD_LIMITS`, and
 * nothing else. Returns the change, or the reason it is refused.
 */
export function parseEnvChange(data: unknown): EnvChange | string {
  if (!isObject(data))
    return 'an environment change must be { "successRate"?, "rewardSchedule"? }.';
  const change: EnvChange = {};
  for (const key of Object.keys(data))
    if (key !== 'successRate' && key !== 'rewardSchedule') return `Unknown setting "${key}".`;
  if (data.successRate !== undefined) {
    const read = checkNumber(RUN_LIMITS.successRate, data.successRate);
    if (!read.ok) return read.error;
    change.successRate = read.value;
  }
  if (data.rewardSchedule !== undefined) {
    const read = checkRewardSchedule(data.rewardSchedule);
    if (!read.ok) return read.error;
    change.rewardSchedule = read.value;
  }
  if (change.successRate === undefined && change.rewardSchedule === undefined)
    return `it changes nothing: give a success rate or ${REWARDS_LABEL.toLowerCase()}.`;
  return change;
}
