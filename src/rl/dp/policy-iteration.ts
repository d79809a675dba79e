/**
 * Policy iteration: evaluate a deterministic policy π by sweeps
 *
 *   V_{k+1}(s) = Σ p · (r + γ · [¬terminated] · V_k(s′)) with a = π(s),
 *
 * until ‖ΔV‖∞ falls below a tolerance, then improve it greedily, π′(s) = argmax_a Q(s, a) from
 * that V, and repeat until no state's action changes. An improvement keeps π(s) when it is still
 * within `IMPROVEMENT_TIE` of the best (otherwise two actions worth the same, up to rounding, could
 * swap back and forth for ever).
 */
import { actionValue, type BackupEnv } from './backup';
import type { SweepLimits } from './sweep';

/** How close to the best Q(s, ·) the current action may be and still be kept. */
export const IMPROVEMENT_TIE = 1e-12;

/** One evaluation sweep's result. */
export interface EvaluationSweep {
  /** V_{k+1} under π. */
  v: Float64Array;
  /** ‖V_{k+1} − V_k‖∞. */
  delta: number;
}

/** One policy-evaluation sweep of `policy` from `v` (left unchanged); terminal states stay 0. */
export function evaluationSweep(
  env: BackupEnv,
  v: ArrayLike<number>,
  policy: ArrayLike<number>,
  gamma: number,
): EvaluationSweep {
  const next = new Float64Array(env.nS);
  let delta = 0;
  for (let s = 0; s < env.nS; s++) {
    if (env.terminal[s]) continue;
    next[s] = actionValue(env, s, policy[s]!, v, gamma);
    delta = Math.max(delta, Math.abs(next[s]! - v[s]!));
  }
  return { v: next, delta };
}

/** What a policy improvement did. */
export interface Improvement {
  /** π′. */
  policy: Int8Array;
  /** Q(s, a) backed up from the V it was given (0 on terminal states). */
  q: Float64Array;
  /** The non-terminal states whose action changed, in increasing order. */
  changed: number[];
}

/** Greedy improvement of `policy` from `v`: the first maximising action, unless π(s) ties it. */
export function improvePolicy(
  env: BackupEnv,
  v: ArrayLike<number>,
  policy: ArrayLike<number>,
  gamma: number,
): Improvement {
  const { nS, nA } = env;
  const q = new Float64Array(nS * nA);
  const next = Int8Array.from(policy);
  const changed: number[] = [];
  for (let s = 0; s < nS; s++) {
    if (env.terminal[s]) continue;
    let best = 0;
    for (let a = 0; a < nA; a++) {
      q[s * nA + a] = actionValue(env, s, a, v, gamma);
      if (q[s * nA + a]! > q[s * nA + best]!) best = a;
    }
    if (q[s * nA + policy[s]!]! >= q[s * nA + best]! - IMPROVEMENT_TIE) continue;
    next[s] = best;
    changed.push(s);
  }
  return { policy: next, q, changed };
}

/** What policy iteration found. */
export interface PolicyIterationResult {
  v: Float64Array;
  q: Float64Array;
  policy: Int8Array;
  /** Evaluation sweeps taken, over all evaluations. */
  sweeps: number;
  /** ‖ΔV‖∞ of every evaluation sweep, in order. */
  deltas: number[];
  /** Improvement steps taken; the last one changed nothing unless the sweeps ran out. */
  improvements: number;
  /** States changed by each improvement, in order. */
  changedPerImprovement: number[][];
}

/**
 * Policy iteration from π_0 = Left everywhere and V = 0; each evaluation starts from the last V.
 * `limits.tolerance` ends an evaluation, `limits.maxSweeps` bounds the evaluation sweeps in all.
 */
export function runPolicyIteration(
  env: BackupEnv,
  gamma: number,
  limits: SweepLimits,
): PolicyIterationResult {
  let v: Float64Array = new Float64Array(env.nS);
  let policy: Int8Array = new Int8Array(env.nS);
  let q: Float64Array = new Float64Array(env.nS * env.nA);
  const deltas: number[] = [];
  const changedPerImprovement: number[][] = [];
  while (deltas.length < limits.maxSweeps) {
    const sweep = evaluationSweep(env, v, policy, gamma);
    v = sweep.v;
    deltas.push(sweep.delta);
    if (sweep.delta >= limits.tolerance) continue;
    const step = improvePolicy(env, v, policy, gamma);
    q = step.q;
    policy = step.policy;
    changedPerImprovement.push(step.changed);
    if (step.changed.length === 0) break;
  }
  return {
    v,
    q,
    policy,
    sweeps: deltas.length,
    deltas,
    improvements: changedPerImprovement.length,
    changedPerImprovement,
  };
}
