import { describe, expect, it } from 'vitest';
import { createRng, createRngState, nextInt, nextUint32, nextUniform } from '../../src/rl/rng';
import {
  chooseAction,
  chooseInto,
  type ChosenAction,
  epsilonGreedyPolicy,
  expectedValue,
} from '../../src/rl/policy';
import { DOWN, UP } from './agent-fixtures';

describe('chooseAction, the lesson’s ε-greedy choice', () => {
  it('chooseAction with ε = 0 takes the first max and draws one uniform', () => {
    const q = Float64Array.from([0, 0.5, 0.5, 0.2]);
    const rng = createRngState(1);
    const copy = rng.slice();
    expect(chooseAction(q, 0, 0, 'first', rng)).toEqual({ action: DOWN, explored: false });
    nextUniform(copy);
    expect(Array.from(rng)).toEqual(Array.from(copy));
  });

  it('chooseAction with ε = 1 explores with the top two bits of a second draw', () => {
    const rng = createRngState(2);
    const copy = rng.slice();
    const choice = chooseAction(new Float64Array(4), 0, 1, 'first', rng);
    nextUniform(copy);
    expect(choice).toEqual({ action: nextInt(copy, 4), explored: true });
    expect(Array.from(rng)).toEqual(Array.from(copy));
  });
});

describe('the ε-greedy policy π_ε(a | s) and its expectation', () => {
  const q = Float64Array.from([0, 0.5, 0.1, 0]); // one state

  it('ε = 0.2, Q = [0, 0.5, 0.1, 0]: π = [0.05, 0.85, 0.05, 0.05]', () => {
    const pi = Array.from(epsilonGreedyPolicy(q, 0, 0.2, 'first'));
    [0.05, 0.85, 0.05, 0.05].forEach((p, a) => expect(pi[a]).toBeCloseTo(p, 15));
  });

  it('Σπ·Q = 0.05·(0 + 0.5 + 0.1 + 0) + 0.8·0.5 = 0.43', () => {
    expect(expectedValue(q, 0, 0.2)).toBeCloseTo(0.43, 15);
    const pi = epsilonGreedyPolicy(q, 0, 0.2, 'first');
    const dot = pi.reduce((acc, p, a) => acc + p * q[a]!, 0);
    expect(expectedValue(q, 0, 0.2)).toBeCloseTo(dot, 15);
  });

  it("'random' ties split (1 − ε) evenly: Q = [0.5, 0.5, 0, 0], ε 0.2 → [0.45, 0.45, 0.05, 0.05]", () => {
    const tie = Float64Array.from([0.5, 0.5, 0, 0]);
    const pi = Array.from(epsilonGreedyPolicy(tie, 0, 0.2, 'random'));
    [0.45, 0.45, 0.05, 0.05].forEach((p, a) => expect(pi[a]).toBeCloseTo(p, 15));
  });

  it("'first' puts all of (1 − ε) on the first maximum: [0.85, 0.05, 0.05, 0.05]", () => {
    const tie = Float64Array.from([0.5, 0.5, 0, 0]);
    const pi = Array.from(epsilonGreedyPolicy(tie, 0, 0.2, 'first'));
    [0.85, 0.05, 0.05, 0.05].forEach((p, a) => expect(pi[a]).toBeCloseTo(p, 15));
  });

  it('the tie rule does not change Σπ·Q (tied actions share the maximum)', () => {
    const tie = Float64Array.from([0.5, 0.5, 0, 0.25]);
    for (const rule of ['first', 'random'] as const) {
      const pi = epsilonGreedyPolicy(tie, 0, 0.3, rule);
      const dot = pi.reduce((acc, p, a) => acc + p * tie[a]!, 0);
      expect(dot).toBeCloseTo(expectedValue(tie, 0, 0.3), 15);
    }
  });

  it('at initialisation every action ties: π = 1/4 each under any ε with random ties; Σπ·Q = 0', () => {
    const zero = new Float64Array(4);
    for (const eps of [0, 0.3, 1]) {
      expect(Array.from(epsilonGreedyPolicy(zero, 0, eps, 'random'))).toEqual([
        0.25, 0.25, 0.25, 0.25,
      ]);
      expect(expectedValue(zero, 0, eps)).toBe(0);
    }
  });

  it('rows sum to 1 for any ε and tie rule', () => {
    const rng = createRng(5);
    for (let k = 0; k < 200; k++) {
      const row = Float64Array.from({ length: 4 }, () => (rng.int(3) === 0 ? 0.5 : rng.uniform()));
      const eps = rng.uniform();
      for (const rule of ['first', 'random'] as const) {
        const sum = epsilonGreedyPolicy(row, 0, eps, rule).reduce((a, b) => a + b, 0);
        expect(sum).toBeCloseTo(1, 14);
      }
    }
  });

  it('ε = 0 gives max Q exactly, ε = 1 the plain mean', () => {
    expect(expectedValue(q, 0, 0)).toBe(0.5);
    expect(expectedValue(Float64Array.from([0, 0.5, 0.25, 0.25]), 0, 1)).toBe(0.25);
  });
});

describe('chooseInto draws exactly as the lesson’s chooseAction', () => {
  it('ε = 0, first: one uniform, the first maximum', () => {
    const rng = createRngState(3);
    const copy = rng.slice();
    const out: ChosenAction = { action: -1, explored: true, epsilon: 1, atStep: 7 };
    chooseInto(out, Float64Array.from([0, 0.5, 0.5, 0]), 0, 0, 'first', rng);
    expect(out).toEqual({ action: DOWN, explored: false, epsilon: 0, atStep: -1 });
    nextUniform(copy);
    expect(Array.from(rng)).toEqual(Array.from(copy));
  });

  it('ε = 1: one uniform, then the top two bits of a uint32', () => {
    const rng = createRngState(4);
    const copy = rng.slice();
    const out: ChosenAction = { action: -1, explored: false, epsilon: 0, atStep: -1 };
    chooseInto(out, new Float64Array(4), 0, 1, 'first', rng);
    nextUniform(copy);
    expect(out.action).toBe(nextUint32(copy) >>> 30);
    expect(out.explored).toBe(true);
    expect(Array.from(rng)).toEqual(Array.from(copy));
  });

  it("'random' ties: one more uniform picks among the tied actions, lowest first", () => {
    const q = Float64Array.from([0, 0.5, 0, 0.5]);
    const seen = new Set<number>();
    for (let seed = 0; seed < 64; seed++) {
      const rng = createRngState(seed);
      const copy = rng.slice();
      const out: ChosenAction = { action: -1, explored: false, epsilon: 0, atStep: -1 };
      chooseInto(out, q, 0, 0, 'random', rng);
      nextUniform(copy);
      expect(out.action).toBe([DOWN, UP][nextInt(copy, 2)]);
      expect(Array.from(rng)).toEqual(Array.from(copy));
      seen.add(out.action);
    }
    expect([...seen].sort()).toEqual([DOWN, UP]);
  });
});
