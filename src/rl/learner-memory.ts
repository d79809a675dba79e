/**
 * What the algorithms beyond one-step TD keep between steps besides Q, one field per idea, all
 * allocated with the agent (a few tables of the map's size) so no step allocates:
 *
 * - Double Q-learning's two tables Q₁, Q₂ (the agent's Q is their mean, (Q₁ + Q₂)/2, whose greedy
 *   actions are those of Q₁ + Q₂);
 * - the eligibility traces e(s, a) of SARSA(λ) and Q(λ);
 * - Dyna-Q's model: per observed outcome of each (s, a), how often it was seen and its reward;
 * - Monte Carlo's episode so far (s_t, a_t, r_{t+1}) and the number of returns each pair averaged.
 */
import type { IceMazeEnv } from './env';

/** The extra memory of every algorithm of the registry. */
export interface LearnerMemory {
  /** Double Q-learning's Q₁ and Q₂ (each nS·4, laid out as Q). */
  readonly tables: readonly [Float64Array, Float64Array];
  /** The table the last double Q update wrote: 0 (Q₁), 1 (Q₂), −1 before any. */
  lastTable: number;
  /** e(s, a) at `s * 4 + a`. */
  readonly traces: Float64Array;
  /** e(s, a) of the last updated pair at its update (before the decay): the record's trace. */
  lastTrace: number;
  /** Q(λ): the a′ chosen this step is exploratory, so the traces are cut after this update. */
  cutTraces: boolean;
  /**
   * Dyna-Q: how often each outcome of each pair was observed, at the environment's outcome index
   * `(s * 4 + a) * 3 + k` (the same index as `env.outNext`).
   */
  readonly modelCounts: Float64Array;
  /** Dyna-Q: the reward last observed with each outcome. */
  readonly modelRewards: Float64Array;
  /** Dyna-Q: the state each outcome led to. */
  readonly modelNext: Int32Array;
  /** Dyna-Q: the pairs observed so far (s * 4 + a), in the order first seen. */
  readonly modelPairs: Int32Array;
  /** How many of `modelPairs` are filled. */
  modelPairCount: number;
  /** Dyna-Q's planning updates in all, counted apart from the real steps. */
  planningUpdates: number;
  /** Monte Carlo: s_t of the episode under way, t = 0 … length − 1. */
  readonly episodeStates: Int32Array;
  /** Monte Carlo: a_t. */
  readonly episodeActions: Int32Array;
  /** Monte Carlo: r_{t+1}. */
  readonly episodeRewards: Float64Array;
  /** Monte Carlo: steps stored for the episode under way. */
  episodeLength: number;
  /** Monte Carlo: returns averaged into each pair (the N of the 1/N step size). */
  readonly returnCounts: Float64Array;
  /** Monte Carlo: the first t of the episode under way at which each pair was taken (−1: not yet). */
  readonly firstVisitAt: Int32Array;
  /** Monte Carlo: the discounted return G₀ of the last finished episode. */
  lastReturn: number;
  /** Monte Carlo: the pairs the last episode's end updated. */
  lastReturnUpdates: number;
}

/** Memory for an agent on `env` whose Q starts as `q` (Double Q's two tables start as it). */
export function createLearnerMemory(env: IceMazeEnv, q: Float64Array): LearnerMemory {
  const pairs = env.nS * 4;
  return {
    tables: [q.slice(), q.slice()],
    lastTable: -1,
    traces: new Float64Array(pairs),
    lastTrace: 0,
    cutTraces: false,
    modelCounts: new Float64Array(pairs * 3),
    modelRewards: new Float64Array(pairs * 3),
    modelNext: new Int32Array(pairs * 3),
    modelPairs: new Int32Array(pairs),
    modelPairCount: 0,
    planningUpdates: 0,
    episodeStates: new Int32Array(env.maxSteps),
    episodeActions: new Int32Array(env.maxSteps),
    episodeRewards: new Float64Array(env.maxSteps),
    episodeLength: 0,
    returnCounts: new Float64Array(pairs),
    firstVisitAt: new Int32Array(pairs).fill(-1),
    lastReturn: 0,
    lastReturnUpdates: 0,
  };
}
