/**
 * The checks a run's settings pass before a worker builds anything: every limit of `rl/params`
 * and the map itself, all named at once, with the reasons the link, the command line and imports
 * give (`rl/parse-values`). Shared by the training and comparison workers, so both accept exactly
 * the same settings.
 */
import { createEnv, type IceMazeEnv } from '../rl/env';
import { paramErrors, RUN_LIMITS, settingsRewards } from '../rl/params';
import { checkNumber, checkRewardSchedule } from '../rl/parse-values';
import { algorithmNameError, isAlgorithmName } from '../rl/algorithm-names';
import { learnerOptionErrors } from '../rl/learner-options';
import { errorMessage } from './message-shape';
import type { RunSettings } from './protocol';

/** Every message for a bad `RunSettings` (empty when it is fine), and the env when it is. */
export function checkSettings(settings: RunSettings): { errors: string[]; env: IceMazeEnv | null } {
  const errors: string[] = [];
  for (const key of ['episodes', 'seed', 'maxSteps', 'successRate', 'frameInterval'] as const) {
    const read = checkNumber(RUN_LIMITS[key], settings[key]);
    if (!read.ok) errors.push(read.error);
  }
  const rewards = checkRewardSchedule(settingsRewards(settings));
  if (!rewards.ok) errors.push(rewards.error);
  errors.push(...paramErrors({ ...settings.params }));
  const { algorithm, learner } = settings;
  if (algorithm !== undefined && !isAlgorithmName(algorithm))
    errors.push(algorithmNameError(String(algorithm)));
  if (learner !== undefined) errors.push(...learnerOptionErrors({ ...learner }));
  // With a bad number, still build from the map alone so every problem is named at once.
  const options = errors.length
    ? { map: settings.map }
    : {
        map: settings.map,
        isSlippery: settings.isSlippery,
        successRate: settings.successRate,
        rewardSchedule: settingsRewards(settings),
        maxSteps: settings.maxSteps,
      };
  let env: IceMazeEnv | null = null;
  try {
    env = createEnv(options); // throws MapError (bad map) or RangeError (bad option)
  } catch (e) {
    errors.unshift(errorMessage(e));
  }
  return { errors, env: errors.length ? null : env };
}
