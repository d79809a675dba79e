import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { actionValue, backupTerms } from '../../src/rl/dp/backup';

describe('backupTerms', () => {
  it('S G slippery, γ 0.9, V = (0.5, 0): Right is 1/3·(0 + 0.45) + 1/3·(1 + 0) + 1/3·(0 + 0.45)', () => {
    const env = createEnv({ map: ['SG'] });
    const terms = backupTerms(env, 0, 2, [0.5, 0], 0.9);
    // Gymnasium's order for Right: Down (stays), Right (G), Up (stays).
    expect(terms.map((t) => [t.next, t.reward, t.terminated])).toEqual([
      [0, 0, false],
      [1, 1, true],
      [0, 0, false],
    ]);
    expect(terms.map((t) => t.bootstrap)).toEqual([0.45, 0, 0.45]);
    expect(terms.reduce((x, t) => x + t.probability, 0)).toBeCloseTo(1, 15);
    expect(terms[1]!.value).toBeCloseTo(1 / 3, 15);
    expect(terms.reduce((x, t) => x + t.value, 0)).toBeCloseTo(0.3 + 1 / 3, 15);
  });

  it('sums to actionValue for every pair of 8x8 with a reward schedule', () => {
    const env = createEnv({ map: '8x8', rewardSchedule: [1, -1, -0.01] });
    const v = Float64Array.from({ length: env.nS }, (_, s) => Math.sin(s));
    for (let s = 0; s < env.nS; s++)
      for (let a = 0; a < 4; a++) {
        const sum = backupTerms(env, s, a, v, 0.95).reduce((x, t) => x + t.value, 0);
        expect(sum).toBeCloseTo(actionValue(env, s, a, v, 0.95), 12);
      }
  });

  it('a terminal state has one term that bootstraps nothing', () => {
    const env = createEnv({ map: ['SG'] });
    expect(backupTerms(env, 1, 0, [0.5, 7], 0.9)).toEqual([
      { probability: 1, next: 1, reward: 0, terminated: true, bootstrap: 0, value: 0 },
    ]);
  });
});
