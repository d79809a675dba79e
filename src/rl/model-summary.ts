/**
 * What Dyna-Q's learned model knows, set against the environment it learned from.
 *
 * The model (`learner-memory.ts`) counts each observed outcome k of (s, a) at index
 * (s·4 + a)·3 + k, with the reward and next state it brought. The agent sees only where it
 * landed, so the summary groups outcomes by next state s′:
 *
 *   N(s, a)         = Σ_k count(s, a, k)                       (real steps that took (s, a))
 *   N(s, a, s′)     = Σ_{k : next_k = s′} count(s, a, k)
 *   P̂(s′ | s, a)    = N(s, a, s′) / N(s, a)                    (the model's estimate)
 *   P(s′ | s, a)    = Σ_{k : outNext_k = s′} outProb_k          (the environment's truth)
 *
 * Planning draws outcomes with the probabilities P̂, so where P̂ is far from P the planning
 * updates learn from a wrong picture of the ice; it is exact only in the limit of many visits.
 */
import type { IceMazeEnv } from './env';

/** The model as the snapshot carries it: per outcome index (s·4 + a)·3 + k. */
export interface ModelTables {
  /** How often each outcome was observed. */
  counts: ArrayLike<number>;
  /** The reward last observed with each outcome. */
  rewards: ArrayLike<number>;
  /** The state each outcome led to. */
  next: ArrayLike<number>;
}

/** The environment's outcome arrays the comparison reads (`createEnv`'s flat tables). */
export type OutcomeEnv = Pick<IceMazeEnv, 'outCount' | 'outProb' | 'outNext' | 'outReward'>;

/** One next state of a pair: what the model saw against what the environment does. */
export interface ModelOutcome {
  /** s′. */
  next: number;
  /** N(s, a, s′): observed landings there. */
  count: number;
  /** P̂(s′ | s, a) = N(s, a, s′) / N(s, a); NaN while the pair is unknown. */
  estimated: number;
  /** P(s′ | s, a), the environment's. */
  probability: number;
  /** The reward the model holds for landing there (NaN: never observed). */
  reward: number;
  /** The environment's reward for landing there. */
  trueReward: number;
}

/** The model of one pair (s, a). */
export interface PairModel {
  state: number;
  action: number;
  /** N(s, a): real steps that took the pair (0: the model does not know it). */
  visits: number;
  /** Its next states in the order the environment lists them (Gymnasium's: a−1, a, a+1). */
  outcomes: ModelOutcome[];
  /** max over s′ of |P̂(s′ | s, a) − P(s′ | s, a)|; NaN while unknown. */
  largestError: number;
}

/** N(s, a) for every pair: the real steps the model has seen each take (0: unknown pair). */
export function modelVisits(counts: ArrayLike<number>): Float64Array {
  const visits = new Float64Array(counts.length / 3);
  for (let p = 0; p < visits.length; p++)
    visits[p] = counts[p * 3]! + counts[p * 3 + 1]! + counts[p * 3 + 2]!;
  return visits;
}

/** The model of (s, a) beside the environment's own outcomes (see the module for the sums). */
export function pairModel(model: ModelTables, env: OutcomeEnv, s: number, a: number): PairModel {
  const base = (s * 4 + a) * 3;
  const outcomes: ModelOutcome[] = [];
  const at = (next: number): ModelOutcome => {
    let o = outcomes.find((x) => x.next === next);
    if (!o) {
      o = { next, count: 0, estimated: NaN, probability: 0, reward: NaN, trueReward: NaN };
      outcomes.push(o);
    }
    return o;
  };
  for (let k = 0; k < env.outCount[s * 4 + a]!; k++) {
    const o = at(env.outNext[base + k]!);
    o.probability += env.outProb[base + k]!;
    o.trueReward = env.outReward[base + k]!;
  }
  let visits = 0;
  for (let k = 0; k < 3; k++) {
    const count = model.counts[base + k]!;
    if (count === 0) continue;
    const o = at(model.next[base + k]!);
    o.count += count;
    o.reward = model.rewards[base + k]!;
    visits += count;
  }
  let largestError = visits === 0 ? NaN : 0;
  for (const o of outcomes) {
    if (visits === 0) continue;
    o.estimated = o.count / visits;
    largestError = Math.max(largestError, Math.abs(o.estimated - o.probability));
  }
  return { state: s, action: a, visits, outcomes, largestError };
}
