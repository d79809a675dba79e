/**
 * Value iteration, one synchronous sweep at a time: every state is backed up from the same V_k,
 *
 *   Q_{k+1}(s, a) = Σ p · (r + γ · [¬terminated] · V_k(s′)),  V_{k+1}(s) = max_a Q_{k+1}(s, a),
 *
 * and the sweep reports ‖V_{k+1} − V_k‖∞. Holes and the goal are absorbing and pay nothing from
 * there on: their V and Q stay 0.
 */
import { greedyPolicy } from '../tables';
import { actionValue, type BackupEnv } from './backup';

/** One sweep's result. */
export interface ValueSweep {
  /** V_{k+1}. */
  v: Float64Array;
  /** Q_{k+1}(s, a), flat (s · 4 + a); 0 on terminal states. */
  q: Float64Array;
  /** ‖V_{k+1} − V_k‖∞. */
  delta: number;
}

/**
 * One value-iteration sweep from `v` (left unchanged). `rewards` replaces the environment's
 * rewards per outcome (see `outcomeTarget`).
 */
export function valueSweep(
  env: BackupEnv,
  v: ArrayLike<number>,
  gamma: number,
  rewards: ArrayLike<number> = env.outReward,
): ValueSweep {
  const { nS, nA, terminal } = env;
  const q = new Float64Array(nS * nA);
  const next = new Float64Array(nS);
  let delta = 0;
  for (let s = 0; s < nS; s++) {
    if (terminal[s]) continue;
    let best = -Infinity;
    for (let a = 0; a < nA; a++) {
      const x = actionValue(env, s, a, v, gamma, rewards);
      q[s * nA + a] = x;
      if (x > best) best = x;
    }
    next[s] = best;
    delta = Math.max(delta, Math.abs(best - v[s]!));
  }
  return { v: next, q, delta };
}

/** When a run of sweeps stops. */
export interface SweepLimits {
  /** Stop after the first sweep with ‖ΔV‖∞ below this. */
  tolerance: number;
  /** Stop after this many sweeps whatever the change (γ = 1 may converge slowly or not at all). */
  maxSweeps: number;
}

/** What a run of value iteration found. */
export interface ValueIterationResult {
  v: Float64Array;
  q: Float64Array;
  /** First maximising action per state (Left on terminal states). */
  policy: Int8Array;
  /** Sweeps taken. */
  sweeps: number;
  /** ‖V_k − V_{k−1}‖∞ of sweep k = 1 … sweeps. */
  deltas: number[];
}

/** Value iteration from V_0 = 0 until a sweep changes V by less than the tolerance. */
export function runValueIteration(
  env: BackupEnv,
  gamma: number,
  limits: SweepLimits,
): ValueIterationResult {
  let v: Float64Array = new Float64Array(env.nS);
  let q: Float64Array = new Float64Array(env.nS * env.nA);
  const deltas: number[] = [];
  while (deltas.length < limits.maxSweeps) {
    const sweep = valueSweep(env, v, gamma);
    v = sweep.v;
    q = sweep.q;
    deltas.push(sweep.delta);
    if (sweep.delta < limits.tolerance) break;
  }
  return { v, q, policy: greedyPolicy(q, env.nA), sweeps: deltas.length, deltas };
}
