import { describe, expect, it } from 'vitest';
import {
  behaviourValue,
  chooseExploring,
  softmaxInto,
  ucbAction,
} from '../../../src/rl/exploration';
import { learnerOptions } from '../../../src/rl/learner-options';
import { chooseInto, createChosenAction } from '../../../src/rl/policy';
import { createRngState, nextUniform } from '../../../src/rl/rng';
import { seedWhere } from '../agent-fixtures';

// One state, Q(s, ·) = [0, 0.1, 0.2, 0]; the greedy action is Right (2).
const Q = Float64Array.from([0, 0.1, 0.2, 0]);
const NONE = new Float64Array(4);
const SOFTMAX = learnerOptions({ exploration: 'softmax', temperature: 0.1 });
// exp((Q − 0.2)/0.1) = [e⁻², e⁻¹, 1, e⁻²], sum 1.638 56…
const PI = [0.0826, 0.22452, 0.61029, 0.0826];

describe('softmax exploration, τ 0.1', () => {
  it('π(a | s) = exp(Q/τ)/Σ exp(Q/τ) = [0.0826, 0.2245, 0.6103, 0.0826]', () => {
    const pi = softmaxInto(new Float64Array(4), Q, 0, 0.1);
    pi.forEach((p, a) => expect(p).toBeCloseTo(PI[a]!, 4));
    expect(pi.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 15);
  });

  it('all ties give the uniform policy; a tiny τ cannot overflow', () => {
    expect(Array.from(softmaxInto(new Float64Array(4), NONE, 0, 1))).toEqual([
      0.25, 0.25, 0.25, 0.25,
    ]);
    const sharp = softmaxInto(new Float64Array(4), Float64Array.from([0, 1, 500, 0]), 0, 1e-3);
    expect(Array.from(sharp)).toEqual([0, 0, 1, 0]);
  });

  it('draws one uniform u and takes the first action whose cumulative π exceeds u', () => {
    // u in [0.0826, 0.3071): Down, not greedy, so explored; u ≥ 0.3071 and < 0.9174: Right.
    const down = seedWhere((g) => {
      const u = nextUniform(g);
      return u > 0.09 && u < 0.3;
    });
    const out = createChosenAction();
    const rng = createRngState(down);
    chooseExploring(out, Q, NONE, 0, 0.5, 'first', rng, SOFTMAX);
    expect([out.action, out.explored]).toEqual([1, true]);
    const after = createRngState(down);
    nextUniform(after);
    expect(Array.from(rng)).toEqual(Array.from(after));

    const right = seedWhere((g) => {
      const u = nextUniform(g);
      return u > 0.31 && u < 0.9;
    });
    chooseExploring(out, Q, NONE, 0, 0.5, 'first', createRngState(right), SOFTMAX);
    expect([out.action, out.explored]).toEqual([2, false]);
  });

  it('its behaviour value is Σ π·Q = 0.2245·0.1 + 0.6103·0.2 = 0.1445', () => {
    expect(behaviourValue(Q, NONE, 0, 0.5, SOFTMAX)).toBeCloseTo(0.022452 + 0.122058, 5);
  });
});

describe('UCB exploration', () => {
  // Q(s, ·) = [0.5, 0.4, 0.3, 0.6], N(s, ·) = [1, 2, 3, 4], N(s) = 10, ln 10 = 2.302 585.
  const QU = Float64Array.from([0.5, 0.4, 0.3, 0.6]);
  const N = Float64Array.from([1, 2, 3, 4]);

  it('c 0.5: scores 0.5 + 0.5·√(2.3026/1) = 1.2587 beats 0.6 + 0.5·√(2.3026/4) = 0.9794', () => {
    expect(0.5 + 0.5 * Math.sqrt(Math.log(10) / 1)).toBeCloseTo(1.2587, 4);
    expect(ucbAction(QU, N, 0, 0.5)).toBe(0);
  });

  it('c 0 is greedy; an untried action comes first, the lowest of them', () => {
    expect(ucbAction(QU, N, 0, 0)).toBe(3);
    expect(ucbAction(QU, Float64Array.from([1, 0, 3, 0]), 0, 0.5)).toBe(1);
  });

  it('draws nothing, and calls its choice explored when it is not greedy', () => {
    const rng = createRngState(7);
    const before = Array.from(rng);
    const out = createChosenAction();
    chooseExploring(out, QU, N, 0, 1, 'first', rng, learnerOptions({ exploration: 'ucb' }));
    expect([out.action, out.explored]).toEqual([0, true]);
    expect(Array.from(rng)).toEqual(before);
    expect(behaviourValue(QU, N, 0, 1, learnerOptions({ exploration: 'ucb' }))).toBe(0.5);
  });
});

describe("ε-greedy stays the lesson's, draw for draw", () => {
  it('chooses and draws exactly as chooseInto', () => {
    const defaults = learnerOptions();
    for (let seed = 0; seed < 200; seed++) {
      const a = createRngState(seed);
      const b = createRngState(seed);
      const x = createChosenAction();
      const y = createChosenAction();
      chooseExploring(x, Q, NONE, 0, 0.4, 'random', a, defaults);
      chooseInto(y, Q, 0, 0.4, 'random', b);
      expect(x).toEqual(y);
      expect(Array.from(a)).toEqual(Array.from(b));
    }
  });
});
