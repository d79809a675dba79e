import { createEnv, type IceMazeEnv } from './env';
import { settingsRewards } from './params';
import type { RunSettings } from './replay';

/** What an environment is built from: a run's map, ice, success rate, rewards and time limit. */
export type EnvSettings = Pick<
  RunSettings,
  'map' | 'isSlippery' | 'successRate' | 'rewardSchedule' | 'maxSteps'
>;

/**
 * The environment a run's settings start on: map, ice, success rate, rewards, time limit. A module
 * of its own (not in `replay.ts`), so the page's store can check settings without the replay code.
 * The sweep builds each setting's environment with it too (`rl/sweep-env.ts`).
 */
export function settingsEnv(s: EnvSettings): IceMazeEnv {
  return createEnv({
    map: s.map,
    isSlippery: s.isSlippery,
    successRate: s.successRate,
    rewardSchedule: settingsRewards(s),
    maxSteps: s.maxSteps,
  });
}
