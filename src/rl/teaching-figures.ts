/**
 * The figures the lab's teaching text quotes, computed from the core (value iteration and the
 * exact evaluations of `evaluation.ts` over the environment's own transition table), so no
 * sentence carries a number typed in by hand:
 *
 * - the worth today of a reward k steps away, γ^(k−1) (G₀ = r₁ + γ·r₂ + …: the k-th reward is
 *   discounted k − 1 times), and the fewest steps from the start to a goal;
 * - V*(start) (a discounted return, not a probability), the γ-optimal policy's success within the
 *   time limit and its expected episode length, and the best success any policy can reach within
 *   the limit (a different, finite-horizon optimum);
 * - the TD errors of one update at the exact Q*, per outcome of the ice: they are not 0, only
 *   their expectation is (Bellman's equation, Q*(s, a) = Σ p · (r + γ·max_a′ Q*(s′, a′))).
 */
import type { IceMazeEnv } from './env';
import {
  bestSuccessWithin,
  evaluateGreedy,
  valueIteration,
  type OptimalValues,
  type PolicyEvaluation,
} from './evaluation';
import { stateValue } from './tables';

/** The worth today of a reward received on the k-th step from now (k ≥ 1): γ^(k−1). */
export function rewardWorth(gamma: number, k: number): number {
  return gamma ** (k - 1);
}

/**
 * The fewest steps from the start to a goal along transitions of positive probability
 * (breadth-first over the environment's table; Infinity when no goal can be reached).
 */
export function shortestPath(env: IceMazeEnv): number {
  const { nS, nA, outCount, outProb, outNext, terminal, goal } = env;
  const dist = new Int32Array(nS).fill(-1);
  dist[env.start] = 0;
  const queue = [env.start];
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    if (goal[s]) return dist[s]!;
    if (terminal[s]) continue;
    for (let a = 0; a < nA; a++) {
      const base = (s * nA + a) * 3;
      for (let k = 0; k < outCount[s * nA + a]!; k++) {
        const n = outNext[base + k]!;
        if (outProb[base + k]! > 0 && dist[n] === -1) {
          dist[n] = dist[s]! + 1;
          queue.push(n);
        }
      }
    }
  }
  return Infinity;
}

/** One outcome of a step and the TD error an update at Q = Q* makes on it. */
export interface TdOutcome {
  probability: number;
  nextState: number;
  reward: number;
  /** δ = r + γ·max_a′ Q*(s′, a′) − Q*(s, a) (terminal rows of Q* are 0, as in the learner). */
  tdError: number;
}

/** The TD error of the lesson's update at the exact Q*, for each outcome of action a in s. */
export function tdOutcomes(
  env: IceMazeEnv,
  optimal: Pick<OptimalValues, 'q' | 'gamma'>,
  s: number,
  a: number,
): TdOutcome[] {
  const { nA, outCount, outProb, outNext, outReward } = env;
  const base = (s * nA + a) * 3;
  const out: TdOutcome[] = [];
  for (let k = 0; k < outCount[s * nA + a]!; k++) {
    const nextState = outNext[base + k]!;
    const reward = outReward[base + k]!;
    const target = reward + optimal.gamma * stateValue(optimal.q, nextState, nA);
    out.push({
      probability: outProb[base + k]!,
      nextState,
      reward,
      tdError: target - optimal.q[s * nA + a]!,
    });
  }
  return out;
}

/** A step of the optimal policy that ends in a hole, and the TD error it makes at Q*. */
export interface HoleSurprise {
  state: number;
  /** The optimal action (the first one, as the lesson's argmax picks it). */
  action: number;
  hole: number;
  /** P(the ice sends action `action` from `state` into `hole`). */
  probability: number;
  /** δ = 0 + γ·0 − Q*(state, action) = −Q*(state, action). */
  tdError: number;
}

/**
 * The largest surprise the exact Q* still meets: over the non-terminal states, the optimal
 * action's outcome into a hole with the most negative TD error; null when the optimal policy never
 * risks a hole.
 */
export function holeSurprise(env: IceMazeEnv, optimal: OptimalValues): HoleSurprise | null {
  let worst: HoleSurprise | null = null;
  for (let s = 0; s < env.nS; s++) {
    if (env.terminal[s]) continue;
    const action = optimal.policy[s]!;
    for (const o of tdOutcomes(env, optimal, s, action)) {
      const hole = env.terminal[o.nextState] === 1 && env.goal[o.nextState] === 0;
      if (hole && o.probability > 0 && (!worst || o.tdError < worst.tdError))
        worst = {
          state: s,
          action,
          hole: o.nextState,
          probability: o.probability,
          tdError: o.tdError,
        };
    }
  }
  return worst;
}

/** What the text says about one environment at one discount. */
export interface TeachingFigures {
  /** Value iteration at `optimal.gamma`. */
  optimal: OptimalValues;
  /** V*(start) = max_a Q*(start, a): the expected discounted return, not a probability. */
  startValue: number;
  /** The γ-optimal (greedy on Q*) policy, evaluated exactly within the time limit. */
  optimalPolicy: PolicyEvaluation;
  /** The best probability any policy reaches the goal within the time limit. */
  bestWithinLimit: number;
  /** Fewest steps from the start to a goal. */
  shortestPath: number;
  /** The optimal policy's step into a hole with the largest TD error at Q*, if any. */
  holeSurprise: HoleSurprise | null;
}

/** The figures for `env` at discount `gamma`. */
export function teachingFigures(env: IceMazeEnv, gamma: number): TeachingFigures {
  const optimal = valueIteration(env, gamma);
  return {
    optimal,
    startValue: optimal.v[env.start]!,
    optimalPolicy: evaluateGreedy(env, optimal.q),
    bestWithinLimit: bestSuccessWithin(env),
    shortestPath: shortestPath(env),
    holeSurprise: holeSurprise(env, optimal),
  };
}
