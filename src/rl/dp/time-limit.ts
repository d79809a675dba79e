/**
 * The time limit's own dynamic programme: p_t(s), the best probability of reaching the goal from
 * s within t steps over all policies (which may depend on the time left), built backwards:
 *
 *   p_0(s) = 0,  p_t(s) = max_a Σ p · ([s′ is G] + [¬terminated] · p_{t−1}(s′)),
 *
 * i.e. a value-iteration sweep with γ = 1 and a reward of 1 for entering the goal. The last value
 * p_T(start) is the ceiling no learner can beat within the time limit (0.7442 on 4x4 slippery,
 * T = 100), above the γ-optimal policy's own chance (0.7402).
 */
import type { IceMazeEnv } from '../env';
import { valueSweep } from './sweep';

/** Reward per outcome for the time limit's DP: 1 when s′ is the goal, else 0. */
export function goalRewards(env: Pick<IceMazeEnv, 'outNext' | 'goal'>): Float64Array {
  return Float64Array.from(env.outNext, (next) => env.goal[next]!);
}

/** The curve of the time limit's DP. */
export interface TimeLimitCurve {
  /** p_t(start) for t = 1 … horizon (`curve[t − 1]`). */
  curve: Float64Array;
  /** p_horizon(s) per state (0 on terminal states). */
  values: Float64Array;
}

/**
 * p_t(start) for t = 1 … `horizon`. p_t grows with t; once a sweep changes nothing every later
 * value is the same, so the rest of the curve is filled without sweeping.
 */
export function timeLimitCurve(
  env: Pick<
    IceMazeEnv,
    | 'nS'
    | 'nA'
    | 'terminal'
    | 'goal'
    | 'start'
    | 'outCount'
    | 'outProb'
    | 'outNext'
    | 'outReward'
    | 'outTerminated'
  >,
  horizon: number,
): TimeLimitCurve {
  const rewards = goalRewards(env);
  const curve = new Float64Array(horizon);
  let values: Float64Array = new Float64Array(env.nS);
  for (let t = 1; t <= horizon; t++) {
    const sweep = valueSweep(env, values, 1, rewards);
    values = sweep.v;
    curve[t - 1] = values[env.start]!;
    if (sweep.delta === 0) {
      curve.fill(values[env.start]!, t);
      break;
    }
  }
  return { curve, values };
}
