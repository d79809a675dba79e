/**
 * The exact evaluation of a run's greedy policy, computed only when it can have changed.
 *
 * `evaluateGreedy(env, q)` depends on Q only through the greedy policy π(s) = argmax_a Q(s, a)
 * (ties to the lowest action): while π is the one last evaluated, that evaluation is exact for
 * the current Q too, and is dated to the current episode. A new π is evaluated at once when the
 * run is not running (on pause, step, step episode, the run's end, a frame); while running, at
 * most every `EVALUATION_INTERVAL_MS` (or `EVALUATION_INTERVAL_EPISODES`), and never more than
 * 1 / `EVALUATION_COST_FACTOR` of the time: until then the snapshot carries the last evaluation,
 * dated to the episode it was computed at.
 */
import type { IceMazeEnv } from '../rl/env';
import { evaluateGreedy } from '../rl/evaluation';
import { greedyPolicy } from '../rl/tables';
import type { GreedyEvaluation } from './protocol';

/** Shortest time between two exact evaluations of a new greedy policy while running, in ms… */
export const EVALUATION_INTERVAL_MS = 100;
/** …unless this many episodes went by since the last one. */
export const EVALUATION_INTERVAL_EPISODES = 200;
/**
 * The evaluation may take at most 1 / this of the running time: a slow one (a large map with a
 * long time limit) stretches the interval to this many times its own duration.
 */
export const EVALUATION_COST_FACTOR = 10;

/** A run's evaluations of its greedy policy. */
export interface EvaluationCache {
  /** Exact for `q` at `episode`: a new greedy policy is evaluated now. */
  exact(q: Float64Array, episode: number): GreedyEvaluation;
  /** While running: exact when π is unchanged or a new one is due and affordable, else the last. */
  throttled(q: Float64Array, episode: number): GreedyEvaluation;
  /**
   * The expected return per episode (undiscounted, under the reward schedule) of the policy the
   * last `exact` or `throttled` answer is about; NaN before the first.
   */
  expectedReturn(): number;
}

function sameArray(a: Int8Array, b: Int8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** An empty cache for `env`, timing its evaluations with `now` (ms). */
export function createEvaluationCache(env: IceMazeEnv, now: () => number): EvaluationCache {
  let last: GreedyEvaluation | null = null;
  let lastPolicy: Int8Array | null = null;
  /** The expected return of the policy `last` evaluated. */
  let lastReturn = Number.NaN;
  /** When the last evaluation was computed and how long it took, in ms. */
  let time = -Infinity;
  let costMs = 0;

  function evaluate(q: Float64Array, episode: number, policy: Int8Array): GreedyEvaluation {
    const before = now();
    const e = evaluateGreedy(env, q, env.maxSteps);
    const after = now();
    last = {
      successProbability: e.successProbability,
      expectedLength: e.expectedLength,
      expectedStepsToGoal: e.expectedStepsToGoal,
      episode,
    };
    lastPolicy = policy;
    lastReturn = e.expectedReturn;
    costMs = Math.max(0, after - before);
    time = after;
    return { ...last };
  }

  /** The cached evaluation if it is exact for `policy` (dated `episode`), else null. */
  function reuse(policy: Int8Array, episode: number): GreedyEvaluation | null {
    if (!last || !lastPolicy || !sameArray(policy, lastPolicy)) return null;
    // Same π, same numbers: the evaluation holds now, so it is dated now.
    last.episode = episode;
    return { ...last };
  }

  return {
    expectedReturn: () => lastReturn,
    exact(q, episode) {
      const policy = greedyPolicy(q, env.nA);
      return reuse(policy, episode) ?? evaluate(q, episode, policy);
    },
    throttled(q, episode) {
      const policy = greedyPolicy(q, env.nA);
      const same = reuse(policy, episode);
      if (same) return same;
      if (!last) return evaluate(q, episode, policy);
      // Every EVALUATION_INTERVAL_MS, or sooner once EVALUATION_INTERVAL_EPISODES episodes went
      // by (at full speed a whole run takes less than a second), but never more than
      // 1 / EVALUATION_COST_FACTOR of the time.
      const elapsed = now() - time;
      const due =
        elapsed >= EVALUATION_INTERVAL_MS || episode - last.episode >= EVALUATION_INTERVAL_EPISODES;
      const affordable = elapsed >= EVALUATION_COST_FACTOR * costMs;
      return due && affordable ? evaluate(q, episode, policy) : { ...last };
    },
  };
}
