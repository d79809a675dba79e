import { createEnv, type IceMazeEnv } from './env';
import { settingsEnvOptions } from './settings-check';
import type { RunSettings } from './replay';

/**
 * The environment a run's settings start on: map, ice, success rate, rewards, time limit. A module
 * of its own (not in `replay.ts`), so the page's store can check settings without the replay code.
 */
export function settingsEnv(s: RunSettings): IceMazeEnv {
  return createEnv(settingsEnvOptions(s));
}
