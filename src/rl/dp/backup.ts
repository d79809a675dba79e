/**
 * One Bellman backup of a state-action pair, read from the environment's flat outcome arrays
 * (`outProb`, `outNext`, `outReward`, `outTerminated`; outcome k of (s, a) at (s·4 + a)·3 + k):
 *
 *   Q(s, a) = Σ_k p_k · (r_k + γ · [¬terminated_k] · V(s′_k))
 *
 * Entering a hole or the goal ends the episode, so nothing is bootstrapped past it. Every sweep of
 * `dp/` (value iteration, policy evaluation, the time limit's DP) and the panel's worked numbers
 * go through `outcomeTarget`: the formula is written once.
 */
import type { IceMazeEnv } from '../env';

/** The part of the environment a backup reads. */
export type BackupEnv = Pick<
  IceMazeEnv,
  'nS' | 'nA' | 'terminal' | 'outCount' | 'outProb' | 'outNext' | 'outReward' | 'outTerminated'
>;

/** One term of a backup: p · (r + γ·V(s′)). */
export interface BackupTerm {
  /** p(s′, r | s, a) of this outcome. */
  probability: number;
  /** s′. */
  next: number;
  /** r. */
  reward: number;
  /** The episode ends on this outcome (s′ is a hole or the goal): no bootstrap. */
  terminated: boolean;
  /** γ · V(s′), or 0 when the outcome ends the episode. */
  bootstrap: number;
  /** p · (r + bootstrap). */
  value: number;
}

/** γ · [¬terminated_k] · V(s′_k) for outcome `k` (a flat outcome index). */
export function outcomeBootstrap(
  env: BackupEnv,
  k: number,
  v: ArrayLike<number>,
  gamma: number,
): number {
  return env.outTerminated[k] ? 0 : gamma * v[env.outNext[k]!]!;
}

/**
 * The target of outcome `k`: r_k + γ · [¬terminated_k] · V(s′_k). `rewards` replaces
 * `outReward` (the time limit's DP pays 1 for entering the goal).
 */
export function outcomeTarget(
  env: BackupEnv,
  k: number,
  v: ArrayLike<number>,
  gamma: number,
  rewards: ArrayLike<number> = env.outReward,
): number {
  return rewards[k]! + outcomeBootstrap(env, k, v, gamma);
}

/** Q(s, a) = Σ_k p_k · (r_k + γ · [¬terminated_k] · V(s′_k)), no allocation. */
export function actionValue(
  env: BackupEnv,
  s: number,
  a: number,
  v: ArrayLike<number>,
  gamma: number,
  rewards: ArrayLike<number> = env.outReward,
): number {
  const pair = s * env.nA + a;
  const base = pair * 3;
  let x = 0;
  for (let j = 0; j < env.outCount[pair]!; j++)
    x += env.outProb[base + j]! * outcomeTarget(env, base + j, v, gamma, rewards);
  return x;
}

/** The backup of (s, a) term by term, in the order of Gymnasium's P[s][a]; the terms sum to Q. */
export function backupTerms(
  env: BackupEnv,
  s: number,
  a: number,
  v: ArrayLike<number>,
  gamma: number,
): BackupTerm[] {
  const pair = s * env.nA + a;
  const terms: BackupTerm[] = [];
  for (let j = 0; j < env.outCount[pair]!; j++) {
    const k = pair * 3 + j;
    const probability = env.outProb[k]!;
    terms.push({
      probability,
      next: env.outNext[k]!,
      reward: env.outReward[k]!,
      terminated: env.outTerminated[k] === 1,
      bootstrap: outcomeBootstrap(env, k, v, gamma),
      value: probability * outcomeTarget(env, k, v, gamma),
    });
  }
  return terms;
}
