import { createEnv, type IceMazeEnv } from '../../rl/env';
import type { EnvInfo } from '../../worker/protocol';

/**
 * The environment the worker trains on, rebuilt from what it reported (`EnvInfo`: the map, the ice,
 * the success rate and the rewards as they are now, after any change made mid-run).
 */
export function envOfInfo(info: EnvInfo): IceMazeEnv {
  return createEnv({
    map: info.desc,
    isSlippery: info.isSlippery,
    successRate: info.successRate,
    rewardSchedule: info.rewardSchedule,
    maxSteps: info.maxSteps,
  });
}
