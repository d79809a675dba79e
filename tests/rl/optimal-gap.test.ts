import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { valueIteration } from '../../src/rl/evaluation';
import { qGap } from '../../src/rl/optimal-gap';
import { train } from '../../src/rl/training';

describe('qGap', () => {
  it('takes |Q − Q*| per pair, the max per state and overall (worked numbers)', () => {
    // Two states: Q = [0.5, 0, 0.2, 0.1 | 0, 0, 0, 0], Q* = [0.3, 0.1, 0.2, 0.6 | 0, 0, 0, 0].
    const q = [0.5, 0, 0.2, 0.1, 0, 0, 0, 0];
    const qStar = [0.3, 0.1, 0.2, 0.6, 0, 0, 0, 0];
    const gap = qGap(q, qStar);
    expect([...gap.pairs].map((x) => Math.round(x * 1e12) / 1e12)).toEqual([
      0.2, 0.1, 0, 0.5, 0, 0, 0, 0,
    ]);
    expect([...gap.states]).toEqual([0.5, 0]);
    expect(gap.max).toBe(0.5);
    expect(gap.maxState).toBe(0);
  });

  it('is 0 everywhere for equal tables, and the first state holds the maximum', () => {
    const gap = qGap(new Float64Array(64), new Float64Array(64));
    expect(gap.max).toBe(0);
    expect(gap.maxState).toBe(0);
    expect([...gap.states].every((x) => x === 0)).toBe(true);
  });

  it('refuses tables of different maps', () => {
    expect(() => qGap(new Float64Array(64), new Float64Array(256))).toThrow(/not the same map/);
  });

  it('falls as the lesson trains: the gap at 10,000 episodes is below the gap of Q = 0', () => {
    const env = createEnv({ map: ['SFFF', 'FHFH', 'FFFH', 'HFFG'] });
    const { q: qStar } = valueIteration(env, 0.99);
    const untrained = qGap(new Float64Array(64), qStar).max;
    // Q = 0 is off by Q* itself: the largest Q*, next to the goal.
    expect(untrained).toBe(Math.max(...qStar));
    const trained = qGap(train(env, {}, 0, 10_000).q, qStar).max;
    expect(trained).toBeLessThan(untrained / 2);
  });
});
