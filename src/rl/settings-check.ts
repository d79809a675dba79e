/**
 * A run's settings checked for the environment they describe, without building it: the page's
 * store checks settings with this before it asks the worker to build (`settings-env.ts`), so the
 * environment's builder is not in the page's first download.
 */
import { checkEnvOptions, type EnvOptions } from './env-basics';
import { settingsRewards } from './params';
import type { RunSettings } from './replay';

/** What an environment is built from: a run's map, ice, success rate, rewards and time limit. */
export type EnvSettings = Pick<
  RunSettings,
  'map' | 'isSlippery' | 'successRate' | 'rewardSchedule' | 'maxSteps'
>;

/** The environment's options in a run's settings (or a sweep setting's environment). */
export function settingsEnvOptions(s: EnvSettings): EnvOptions {
  return {
    map: s.map,
    isSlippery: s.isSlippery,
    successRate: s.successRate,
    rewardSchedule: settingsRewards(s),
    maxSteps: s.maxSteps,
  };
}

/** Checks the environment a run's settings describe, as `settingsEnv` would build it; throws as `createEnv` does. */
export function checkSettingsEnv(s: RunSettings): void {
  checkEnvOptions(settingsEnvOptions(s));
}
