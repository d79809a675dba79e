/**
 * Exact evaluation over the transition table, no sampling:
 *
 * - `evaluatePolicy`: for a policy π(a | s), the probability of reaching a goal from the start
 *   within the time limit H, and the expected episode length E[min(T, H)], by pushing the state
 *   distribution forward H steps.
 * - `valueIteration`: V*, Q* and the optimal policy for discount γ:
 *   Q*(s, a) = Σ p · (r + γ · [¬terminated] · V*(s′)), V*(s) = max_a Q*(s, a).
 * - `bestSuccessWithin`: the best probability of reaching a goal within H steps over all
 *   time-dependent policies (finite-horizon dynamic programming), Gymnasium's "optimum".
 */
import type { IceMazeEnv } from './env';
import { runValueIteration } from './dp/sweep';
import { timeLimitCurve } from './dp/time-limit';
import { greedyPolicy, policyMatrix, stateValues } from './tables';

/** What an exact evaluation of a policy found. */
export interface PolicyEvaluation {
  /** P(reach G from the start within `horizon` steps). */
  successProbability: number;
  /** P(fall in a hole within the horizon). */
  holeProbability: number;
  /** E[min(T, horizon)], T the step at which the episode terminates. */
  expectedLength: number;
  /** E[T | reached G within the horizon] (NaN when the goal is never reached). */
  expectedStepsToGoal: number;
  /**
   * E[Σ_{t ≤ min(T, H)} γ^{t−1}·r_t]: the return an episode earns under the environment's reward
   * schedule (the reward of each tile entered), discounted by the `gamma` asked for (1: not at all).
   */
  expectedReturn: number;
  horizon: number;
}

/**
 * Evaluates a stochastic policy π (flat, π(a | s) = pi[s * 4 + a]) from the start state.
 * Forward pass: d_0 = 1 at the start; each step moves the mass on non-terminal states through
 * P under π; mass entering G or H is absorbed and counted at that step.
 */
export function evaluatePolicy(
  env: IceMazeEnv,
  pi: ArrayLike<number>,
  horizon = env.maxSteps,
  gamma = 1,
): PolicyEvaluation {
  const { nS, nA, terminal, goal, outCount, outProb, outNext, outReward } = env;
  let d = new Float64Array(nS);
  let next = new Float64Array(nS);
  d[env.start] = 1;
  let success = 0;
  let hole = 0;
  let expectedLength = 0;
  let goalTime = 0;
  let expectedReturn = 0;
  /** γ^{t−1}, the discount of step t's reward. */
  let discount = 1;
  for (let t = 1; t <= horizon; t++) {
    next.fill(0);
    let alive = 0;
    for (let s = 0; s < nS; s++) {
      const mass = d[s]!;
      if (mass === 0) continue;
      alive += mass;
      for (let a = 0; a < nA; a++) {
        const w = pi[s * nA + a]!;
        if (w === 0) continue;
        const base = (s * nA + a) * 3;
        for (let k = 0; k < outCount[s * nA + a]!; k++) {
          const ns = outNext[base + k]!;
          const m = mass * w * outProb[base + k]!;
          expectedReturn += m * discount * outReward[base + k]!;
          if (terminal[ns]) {
            if (goal[ns]) {
              success += m;
              goalTime += m * t;
            } else hole += m;
          } else next[ns]! += m;
        }
      }
    }
    // Each step taken while alive adds one to the length.
    expectedLength += alive;
    if (alive === 0) break;
    discount *= gamma;
    const swap = d;
    d = next;
    next = swap;
  }
  return {
    successProbability: success,
    holeProbability: hole,
    expectedLength,
    expectedStepsToGoal: success > 0 ? goalTime / success : NaN,
    expectedReturn,
    horizon,
  };
}

/** Evaluates the greedy policy of Q (ties to the lowest action, as the lesson's argmax). */
export function evaluateGreedy(
  env: IceMazeEnv,
  q: ArrayLike<number>,
  horizon = env.maxSteps,
): PolicyEvaluation {
  return evaluatePolicy(env, policyMatrix(greedyPolicy(q, env.nA), env.nA), horizon);
}

/** V*, Q* and the optimal policy for a discount. */
export interface OptimalValues {
  gamma: number;
  /** Q*(s, a), flat. */
  q: Float64Array;
  /** V*(s) = max_a Q*(s, a). */
  v: Float64Array;
  /** First maximising action per state. */
  policy: Int8Array;
  /** Sweeps until the largest change fell below the tolerance. */
  iterations: number;
}

/**
 * Value iteration (synchronous sweeps of `dp/sweep`) until max |ΔV| < tol. For γ = 1 on a map
 * where the goal can be avoided forever the values still converge (rewards only on entering a
 * terminal state), but slowly: `maxIterations` bounds the work.
 */
export function valueIteration(
  env: IceMazeEnv,
  gamma: number,
  tol = 1e-13,
  maxIterations = 100_000,
): OptimalValues {
  const run = runValueIteration(env, gamma, { tolerance: tol, maxSweeps: maxIterations });
  return { gamma, q: run.q, v: run.v, policy: run.policy, iterations: run.sweeps };
}

/**
 * Optimal actions within `tol` of the maximum, per state (the reference's `optimalActionSets`).
 */
export function optimalActionSets(q: ArrayLike<number>, nA = 4, tol = 1e-9): number[][] {
  const v = stateValues(q, nA);
  const sets: number[][] = [];
  for (let s = 0; s < v.length; s++) {
    const set: number[] = [];
    for (let a = 0; a < nA; a++) if (q[s * nA + a]! >= v[s]! - tol) set.push(a);
    sets.push(set);
  }
  return sets;
}

/**
 * The best probability of reaching a goal within `horizon` steps over all policies, which may
 * depend on the time left: the last value of the time limit's DP (`dp/time-limit`),
 * p_0(s) = [s is G]; p_k(s) = max_a Σ p · p_{k−1}(s′) on non-terminal s.
 */
export function bestSuccessWithin(env: IceMazeEnv, horizon = env.maxSteps): number {
  return timeLimitCurve(env, horizon).values[env.start]!;
}
