import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { bestSuccessWithin, evaluatePolicy } from '../../src/rl/evaluation';
import { policyMatrix } from '../../src/rl/tables';
import { goalRewards, timeLimitCurve } from '../../src/rl/dp/time-limit';
import { optimalFixture } from './fixtures';

describe('timeLimitCurve', () => {
  it('4x4 slippery, T = 100: the last value is 0.7442, bestSuccessWithin, above the reference γ-optimal 0.7402', () => {
    const env = createEnv({ map: '4x4' });
    const { curve } = timeLimitCurve(env, 100);
    const last = curve[99]!;
    expect(last.toFixed(4)).toBe('0.7442');
    expect(last).toBe(bestSuccessWithin(env, 100));
    const ref = optimalFixture('4x4');
    expect(ref.horizon).toBe(100);
    expect(last).toBeGreaterThan(ref.successProbability);
    // The γ-optimal policy, evaluated forward, is the reference's 0.7402: the DP's ceiling is above it.
    const forward = evaluatePolicy(env, policyMatrix(Int8Array.from(ref.policy)), 100);
    expect(forward.successProbability).toBeCloseTo(ref.successProbability, 12);
  });

  it('4x4: t = 1 … 5 by hand: the goal is 6 moves away, so p_t(start) = 0 for t < 6', () => {
    const { curve } = timeLimitCurve(createEnv({ map: '4x4' }), 8);
    expect(Array.from(curve.slice(0, 5))).toEqual([0, 0, 0, 0, 0]);
    expect(curve[5]!).toBeGreaterThan(0);
  });

  it('8x8, T = 200: never decreases, ends at bestSuccessWithin, above the reference γ-optimal', () => {
    const env = createEnv({ map: '8x8' });
    const { curve } = timeLimitCurve(env, 200);
    for (let t = 1; t < 200; t++) expect(curve[t]!).toBeGreaterThanOrEqual(curve[t - 1]!);
    expect(curve[199]).toBe(bestSuccessWithin(env));
    expect(curve[199]!).toBeGreaterThanOrEqual(optimalFixture('8x8').successProbability);
  });

  it('S G not slippery: 1 from t = 1, the rest of the curve filled once it stops changing', () => {
    const { curve, values } = timeLimitCurve(createEnv({ map: ['SG'], isSlippery: false }), 4);
    expect(Array.from(curve)).toEqual([1, 1, 1, 1]);
    expect(Array.from(values)).toEqual([1, 0]);
  });

  it('S G slippery: p_t = 1 − (2/3)^t, whatever the reward schedule', () => {
    const env = createEnv({ map: ['SG'], rewardSchedule: [5, -1, -0.5] });
    const { curve } = timeLimitCurve(env, 3);
    [1, 2, 3].forEach((t) => expect(curve[t - 1]!).toBeCloseTo(1 - (2 / 3) ** t, 15));
    expect(Array.from(goalRewards(env))).toEqual(Array.from(env.outNext, (s) => (s === 1 ? 1 : 0)));
  });

  it('horizon 0: an empty curve, probability 0', () => {
    const env = createEnv({ map: '4x4' });
    expect(timeLimitCurve(env, 0).curve).toHaveLength(0);
    expect(bestSuccessWithin(env, 0)).toBe(0);
  });
});
