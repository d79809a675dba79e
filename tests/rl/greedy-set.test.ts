import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/rl/rng';
import { greedyActions, greedySetChanged } from '../../src/rl/tables';

/** Q(s, a) ← value on a copy, and whether G(s) changed, counted the slow way. */
function moved(q: number[], s: number, a: number, value: number, nA = 4) {
  const after = [...q];
  after[s * nA + a] = value;
  const before = greedyActions(q, s, nA).join();
  return {
    fast: greedySetChanged(after, s, a, q[s * nA + a]!, nA),
    slow: greedyActions(after, s, nA).join() !== before,
  };
}

describe('greedySetChanged: did G(s) = argmax Q(s, ·) change when Q(s, a) moved?', () => {
  // State 1 of two: Q(1, ·) = [0.5, 0.2, 0.1, 0]; the others' largest is 0.2 for a = 0, 0.5 else.
  const q = [9, 9, 9, 9, 0.5, 0.2, 0.1, 0];

  it.each([
    ['the greedy action rises further (0.5 → 0.6): G = {0} still', 0, 0.6, false],
    ['a lower action rises but stays below (0.2 → 0.3)', 1, 0.3, false],
    ['a lower action reaches the maximum (0.2 → 0.5): a tie', 1, 0.5, true],
    ['a lower action crosses it (0.2 → 0.7)', 1, 0.7, true],
    ['the greedy action falls to the next (0.5 → 0.2): a tie', 0, 0.2, true],
    ['the greedy action falls below the next (0.5 → 0.1)', 0, 0.1, true],
    ['nothing moved (0.1 → 0.1)', 2, 0.1, false],
  ])('%s', (_, a, value, changed) => {
    expect(moved(q, 1, a, value)).toEqual({ fast: changed, slow: changed });
  });

  it('a tied greedy action that did not move: no change', () => {
    expect(greedySetChanged([0.5, 0.5, 0, 0], 0, 1, 0.5)).toBe(false);
  });

  it('the moving action is not its own rival: Q = [0, 0, 0, 0.9], Up 0.9 → 0.8 stays greedy', () => {
    expect(greedySetChanged([0, 0, 0, 0.8], 0, 3, 0.9)).toBe(false);
  });

  it('all negative: the rival is the largest of the others, not 0 (−2 → −0.5 overtakes −1)', () => {
    expect(greedySetChanged([-1, -0.5, -3, -4], 0, 1, -2)).toBe(true);
    expect(greedySetChanged([-1, -1.5, -3, -4], 0, 1, -2)).toBe(false);
  });

  it('agrees with the slow count on 5,000 random moves among tied and untied values (3 actions too)', () => {
    const rng = createRng(23);
    const values = [0, 0.25, 0.5, -0.25];
    for (let i = 0; i < 5000; i++) {
      const nA = i % 2 === 0 ? 4 : 3;
      const q = Array.from({ length: 3 * nA }, () => values[rng.int(values.length)]!);
      const s = rng.int(3);
      const a = rng.int(nA);
      const { fast, slow } = moved(q, s, a, values[rng.int(values.length)]!, nA);
      expect(fast).toBe(slow);
    }
  });
});
