import { createEnv, type IceMazeEnv } from './env';
import { settingsEnvOptions, type EnvSettings } from './settings-check';

/**
 * The environment a run's settings start on: map, ice, success rate, rewards, time limit. A module
 * of its own (not in `replay.ts`), so the page's store can check settings without the replay code.
 * The sweep builds each setting's environment with it too (`rl/sweep-env.ts`).
 */
export function settingsEnv(s: EnvSettings): IceMazeEnv {
  return createEnv(settingsEnvOptions(s));
}
