import { describe, expect, it } from 'vitest';
import { updateQ } from '../../../src/rl/algorithms/q-learning';
import { RIGHT } from '../agent-fixtures';

describe('updateQ, the lesson’s Q-learning update', () => {
  it('updateQ moves Q(s, a) toward r + γ·max Q(s′) by α and returns td_error', () => {
    const q = new Float64Array(12);
    q[RIGHT] = 0.3;
    q.set([0.1, 0, 0.5, 0.2], 4);
    const tdError = updateQ(q, 0, RIGHT, 1, 0, 0.5, 0.9);
    expect(tdError).toBe(0 + 0.9 * 0.5 - 0.3);
    expect(q[RIGHT]).toBe(0.3 + 0.5 * tdError);
    expect(q[RIGHT]).toBeCloseTo(0.375, 15);
  });
});
