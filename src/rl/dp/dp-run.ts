/**
 * Dynamic programming one press at a time, for the lab's panel: an immutable record of where a
 * value-iteration or policy-iteration run stands, and `stepDp` to take its next step.
 *
 * - Value iteration: each step is one sweep, V_k → V_{k+1}; the policy shown is greedy in Q_{k+1}.
 * - Policy iteration: each step is one evaluation sweep of π; once a sweep changes V by less than
 *   the tolerance the next step improves π (the changed states are recorded); an improvement that
 *   changes nothing ends the run.
 */
import { greedyPolicy } from '../tables';
import type { BackupEnv } from './backup';
import { evaluationSweep, improvePolicy } from './policy-iteration';
import { valueSweep } from './sweep';

/** The two methods. */
export type DpMethod = 'value' | 'policy';

/** What the next step of a run does. */
export type DpPhase = 'sweep' | 'evaluate' | 'improve' | 'done';

/** Where a run stands after k sweeps. */
export interface DpRun {
  readonly method: DpMethod;
  readonly gamma: number;
  /** A sweep changing V by less than this ends value iteration and a policy's evaluation. */
  readonly tolerance: number;
  /** What the next step does. */
  readonly phase: DpPhase;
  /** Sweeps taken (k). */
  readonly sweeps: number;
  /** V_k. */
  readonly v: Float64Array;
  /** V_{k−1} (V_0 while k = 0): the V the latest sweep backed up from. */
  readonly previous: Float64Array;
  /** Value iteration: the greedy policy of Q_k; policy iteration: π being evaluated. */
  readonly policy: Int8Array;
  /** The action the latest sweep gave V_k(s) from: the first max, or π(s) as it was then. */
  readonly swept: Int8Array;
  /** ‖V_k − V_{k−1}‖∞ of every sweep so far. */
  readonly deltas: readonly number[];
  /** Improvements made (policy iteration). */
  readonly improvements: number;
  /** States whose action the latest improvement changed (empty until one has). */
  readonly changed: readonly number[];
  /** What the latest step was (null before the first). */
  readonly last: 'sweep' | 'improvement' | null;
}

/** A fresh run: V_0 = 0, π_0 = Left everywhere. */
export function createDpRun(
  env: Pick<BackupEnv, 'nS'>,
  method: DpMethod,
  gamma: number,
  tolerance: number,
): DpRun {
  const v = new Float64Array(env.nS);
  return {
    method,
    gamma,
    tolerance,
    phase: method === 'value' ? 'sweep' : 'evaluate',
    sweeps: 0,
    v,
    previous: v,
    policy: new Int8Array(env.nS),
    swept: new Int8Array(env.nS),
    deltas: [],
    improvements: 0,
    changed: [],
    last: null,
  };
}

/**
 * The run after a sweep gave V_{k+1} = `sweep.v`: `converged` next once the sweep moved V by less
 * than the tolerance, else `again`; `swept` is the policy the sweep's actions came from.
 */
function afterSweep(
  run: DpRun,
  sweep: { v: Float64Array; delta: number },
  converged: DpPhase,
  again: DpPhase,
  swept: Int8Array,
): DpRun {
  return {
    ...run,
    phase: sweep.delta < run.tolerance ? converged : again,
    sweeps: run.sweeps + 1,
    v: sweep.v,
    previous: run.v,
    swept,
    deltas: [...run.deltas, sweep.delta],
    last: 'sweep',
  };
}

/** The run after its next step (the same run once it is done). */
export function stepDp(env: BackupEnv, run: DpRun): DpRun {
  switch (run.phase) {
    case 'sweep': {
      const sweep = valueSweep(env, run.v, run.gamma);
      const policy = greedyPolicy(sweep.q, env.nA);
      return afterSweep({ ...run, policy }, sweep, 'done', 'sweep', policy);
    }
    case 'evaluate':
      return afterSweep(
        run,
        evaluationSweep(env, run.v, run.policy, run.gamma),
        'improve',
        'evaluate',
        run.policy,
      );
    case 'improve': {
      const step = improvePolicy(env, run.v, run.policy, run.gamma);
      return {
        ...run,
        phase: step.changed.length === 0 ? 'done' : 'evaluate',
        policy: step.policy,
        improvements: run.improvements + 1,
        changed: step.changed,
        last: 'improvement',
      };
    }
    case 'done':
      return run;
  }
}
