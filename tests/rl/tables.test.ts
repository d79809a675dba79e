import { describe, expect, it } from 'vitest';
import {
  advantages,
  greedyAction,
  greedyActions,
  greedyMasks,
  greedyPolicy,
  greedyPolicyMatrix,
  maskActions,
  policyMatrix,
  qRows,
  stateValue,
  stateValues,
} from '../../src/rl/tables';

/** Three states, four actions: a clear max, a two-way tie, and all zeros. */
const Q = Float64Array.from([
  // s = 0: max 0.7 at Down
  0.5, 0.7, -0.2, 0.1,
  // s = 1: 0.4 tied at Right and Up
  0.1, 0.3, 0.4, 0.4,
  // s = 2: initialisation, every action ties
  0, 0, 0, 0,
]);

/** Sum of row s of a flat 4-column matrix. */
const rowSum = (m: ArrayLike<number>, s: number): number =>
  m[s * 4]! + m[s * 4 + 1]! + m[s * 4 + 2]! + m[s * 4 + 3]!;

describe('stateValues', () => {
  it('is V(s) = max_a Q(s, a): 0.7, 0.4, 0', () => {
    expect(Array.from(stateValues(Q))).toEqual([0.7, 0.4, 0]);
    expect(stateValue(Q, 1)).toBe(0.4);
  });

  it('takes the max of negative rows, not 0', () => {
    expect(Array.from(stateValues([-3, -1, -2, -4]))).toEqual([-1]);
  });

  it('respects nA', () => {
    expect(Array.from(stateValues([1, 2, 3, 4, 5, 6], 2))).toEqual([2, 4, 6]);
  });
});

describe('advantages', () => {
  it('is A(s, a) = Q(s, a) − V(s) with worked numbers', () => {
    const a = advantages(Q);
    expect(a[0]).toBe(0.5 - 0.7);
    expect(a[1]).toBe(0);
    expect(a[2]).toBe(-0.2 - 0.7);
    expect(a[3]).toBe(0.1 - 0.7);
    expect(Array.from(a.subarray(4, 8))).toEqual([0.1 - 0.4, 0.3 - 0.4, 0, 0]);
    expect(a[0]).toBeCloseTo(-0.2, 15);
    expect(a[2]).toBeCloseTo(-0.9, 15);
  });

  it('is 0 at every greedy action and ≤ 0 elsewhere', () => {
    const a = advantages(Q);
    for (let s = 0; s < 3; s++) {
      for (let act = 0; act < 4; act++) {
        if (greedyActions(Q, s).includes(act)) expect(a[s * 4 + act]).toBe(0);
        else expect(a[s * 4 + act]).toBeLessThan(0);
      }
    }
  });

  it('is all zeros at initialisation', () => {
    expect(Array.from(advantages(new Float64Array(16)))).toEqual(new Array(16).fill(0));
  });
});

describe('greedyAction', () => {
  it('picks the maximum: Down in state 0', () => {
    expect(greedyAction(Q, 0)).toBe(1);
  });

  it('breaks ties to the lowest action like numpy argmax: Right (not Up) in state 1', () => {
    expect(greedyAction(Q, 1)).toBe(2);
  });

  it('gives Left (0) when every action ties', () => {
    expect(greedyAction(Q, 2)).toBe(0);
  });

  it('greedyPolicy applies it to every state', () => {
    expect(Array.from(greedyPolicy(Q))).toEqual([1, 2, 0]);
  });
});

describe('greedyActions and greedyMasks', () => {
  it('list every tied action: [1], [2, 3], [0, 1, 2, 3]', () => {
    expect(greedyActions(Q, 0)).toEqual([1]);
    expect(greedyActions(Q, 1)).toEqual([2, 3]);
    expect(greedyActions(Q, 2)).toEqual([0, 1, 2, 3]);
  });

  it('mask all four actions (0b1111) for a zero Q', () => {
    const masks = greedyMasks(new Float64Array(16 * 4));
    expect(masks).toHaveLength(16);
    expect(Array.from(masks).every((m) => m === 0b1111)).toBe(true);
  });

  it('set bit a for each tied action: 0b0010, 0b1100, 0b1111', () => {
    expect(Array.from(greedyMasks(Q))).toEqual([0b0010, 0b1100, 0b1111]);
  });

  it('treat −0 and 0 as tied', () => {
    expect(greedyActions([-0, 0, -1, -0], 0)).toEqual([0, 1, 3]);
    expect(greedyMasks([-0, 0, -1, -0])[0]).toBe(0b1011);
  });

  it('maskActions reads a mask back, lowest first', () => {
    expect(maskActions(0b1111)).toEqual([0, 1, 2, 3]);
    expect(maskActions(0b1010)).toEqual([1, 3]);
    expect(maskActions(0)).toEqual([]);
  });
});

describe('greedyPolicyMatrix', () => {
  it("'first' puts weight 1 on the first greedy action, rows sum to 1", () => {
    const pi = greedyPolicyMatrix(Q, 'first');
    expect(Array.from(pi)).toEqual([0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0]);
    for (let s = 0; s < 3; s++) expect(rowSum(pi, s)).toBe(1);
  });

  it("'random' spreads weight evenly over ties, rows sum to 1", () => {
    const pi = greedyPolicyMatrix(Q, 'random');
    expect(Array.from(pi)).toEqual([0, 1, 0, 0, 0, 0, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25]);
    for (let s = 0; s < 3; s++) expect(rowSum(pi, s)).toBe(1);
  });

  it("'random' gives 1/3 to each of three tied actions", () => {
    const pi = greedyPolicyMatrix([2, 0, 2, 2], 'random');
    expect(Array.from(pi)).toEqual([1 / 3, 0, 1 / 3, 1 / 3]);
    expect(rowSum(pi, 0)).toBeCloseTo(1, 15);
  });

  it("defaults to 'first'", () => {
    expect(greedyPolicyMatrix(Q)).toEqual(greedyPolicyMatrix(Q, 'first'));
  });
});

describe('policyMatrix and qRows', () => {
  it('policyMatrix turns one action per state into one-hot rows', () => {
    expect(Array.from(policyMatrix([3, 0]))).toEqual([0, 0, 0, 1, 1, 0, 0, 0]);
  });

  it('qRows splits the flat table into rows of four', () => {
    expect(qRows(Q)).toEqual([
      [0.5, 0.7, -0.2, 0.1],
      [0.1, 0.3, 0.4, 0.4],
      [0, 0, 0, 0],
    ]);
  });
});
