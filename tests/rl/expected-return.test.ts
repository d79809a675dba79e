import { describe, expect, it } from 'vitest';
import { createEnv, type IceMazeEnv } from '../../src/rl/env';
import { evaluatePolicy, valueIteration } from '../../src/rl/evaluation';
import { policyMatrix } from '../../src/rl/tables';
import { createRngState, nextUniform } from '../../src/rl/rng';

/** A random stochastic policy π(a | s), rows summing to 1. */
function randomPolicy(nS: number, seed: number): Float64Array {
  const rng = createRngState(seed);
  const pi = new Float64Array(nS * 4);
  for (let s = 0; s < nS; s++) {
    let sum = 0;
    for (let a = 0; a < 4; a++) sum += pi[s * 4 + a] = nextUniform(rng);
    for (let a = 0; a < 4; a++) pi[s * 4 + a]! /= sum;
  }
  return pi;
}

/**
 * The same expectation the other way round, by backward induction over the steps left:
 * V_0 = 0, V_k(s) = Σ_a π(a|s) Σ p·(r + γ·[¬terminated]·V_{k−1}(s′)); the answer is V_H(start).
 */
function backwardReturn(env: IceMazeEnv, pi: ArrayLike<number>, gamma: number, H: number): number {
  let v = new Float64Array(env.nS);
  for (let k = 1; k <= H; k++) {
    const next = new Float64Array(env.nS);
    for (let s = 0; s < env.nS; s++) {
      if (env.terminal[s]) continue;
      for (let a = 0; a < 4; a++)
        for (const [p, ns, r, done] of env.P[s]![a]!)
          next[s]! += pi[s * 4 + a]! * p * (r + (done ? 0 : gamma * v[ns]!));
    }
    v = next;
  }
  return v[env.start]!;
}

describe('evaluatePolicy: the expected return under the reward schedule', () => {
  it('is the success probability under Gymnasium’s (1, 0, 0)', () => {
    const env = createEnv({ map: '8x8' });
    const e = evaluatePolicy(env, randomPolicy(env.nS, 1));
    expect(e.expectedReturn).toBeCloseTo(e.successProbability, 14);
  });

  it('undiscounted, is g·P(goal) + h·P(hole) + f·(frozen tiles entered)', () => {
    const [g, h, f] = [2, -1, -0.01] as const;
    const env = createEnv({ map: '4x4', rewardSchedule: [g, h, f], successRate: 0.6 });
    const e = evaluatePolicy(env, randomPolicy(env.nS, 2));
    // Every step enters one tile; the last one of an episode that ends is G or H.
    const frozenEntered = e.expectedLength - e.successProbability - e.holeProbability;
    expect(e.expectedReturn).toBeCloseTo(
      g * e.successProbability + h * e.holeProbability + f * frozenEntered,
      12,
    );
  });

  it('discounted, equals backward induction over the steps left, on any horizon', () => {
    const env = createEnv({ map: 'SFFH,FHFF,FFFG'.split(','), rewardSchedule: [1, -1, -0.04] });
    const pi = randomPolicy(env.nS, 3);
    for (const [gamma, H] of [
      [0.9, 100],
      [0.99, 7],
      [1, 1],
    ] as const)
      expect(evaluatePolicy(env, pi, H, gamma).expectedReturn).toBeCloseTo(
        backwardReturn(env, pi, gamma, H),
        12,
      );
  });

  it('for the γ-optimal policy on a long horizon, approaches V*(start)', () => {
    const env = createEnv({ map: '4x4', rewardSchedule: [1, -1, -0.01], maxSteps: 10_000 });
    const vi = valueIteration(env, 0.9);
    const e = evaluatePolicy(env, policyMatrix(vi.policy), 10_000, 0.9);
    expect(e.expectedReturn).toBeCloseTo(vi.v[env.start]!, 10);
  });
});
