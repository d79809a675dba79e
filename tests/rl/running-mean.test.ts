import { describe, expect, it } from 'vitest';
import { createEnv, envStep } from '../../src/rl/env';
import { valueIteration } from '../../src/rl/evaluation';
import { createRngState } from '../../src/rl/rng';
import { addTdError, runningMean, TD_MEAN_RATE } from '../../src/rl/running-mean';
import { stateValue } from '../../src/rl/tables';

describe('runningMean', () => {
  it('averages every value while 1/n ≥ β (worked numbers: 2, 4, 9 → 2, 3, 5)', () => {
    let m = 0;
    m = runningMean(m, 2, 1);
    expect(m).toBe(2);
    m = runningMean(m, 4, 2);
    expect(m).toBe(3);
    m = runningMean(m, 9, 3);
    expect(m).toBe(5);
  });

  it('then moves by β of the difference (an exponential mean over about 1/β updates)', () => {
    expect(runningMean(1, 0, 1_000, 0.01)).toBeCloseTo(0.99, 15);
    expect(runningMean(1, 0, 1 / TD_MEAN_RATE + 1)).toBeCloseTo(1 - TD_MEAN_RATE, 15);
  });

  it('addTdError folds one update into the pair’s mean with that pair’s count', () => {
    const means = new Float64Array(8);
    const counts = Uint32Array.of(0, 0, 0, 0, 0, 1, 0, 0);
    addTdError(means, counts, 5, -0.4);
    expect([...means]).toEqual([0, 0, 0, 0, 0, -0.4, 0, 0]);
  });
});

describe('the latest |δ| against the mean δ at the exact Q* (slippery 4x4, seed 0)', () => {
  it('|δ| of (6, Left) never falls below 0.1, while its running mean goes to about 0', () => {
    const env = createEnv();
    const { q } = valueIteration(env, 0.99);
    const rng = createRngState(0);
    const s = 6;
    const a = 0;
    let mean = 0;
    let smallest = Infinity;
    for (let n = 1; n <= 2_000; n++) {
      const o = envStep(env, s, a, rng);
      // The lesson's update at Q = Q*: δ = r + γ·max_a′ Q*(s′, a′) − Q*(s, a).
      const delta = o.reward + 0.99 * stateValue(q, o.nextState) - q[s * 4 + a]!;
      smallest = Math.min(smallest, Math.abs(delta));
      mean = runningMean(mean, delta, n);
    }
    expect(smallest).toBeGreaterThan(0.1);
    expect(Math.abs(mean)).toBeLessThan(0.05);
  });
});
