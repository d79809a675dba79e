/**
 * The exploration rules away from state 0, where s·4 and s/4 both read row 0, and on their
 * boundaries: UCB's untried actions and ties, softmax's draw exactly on a cumulative probability,
 * and the choice slot each rule leaves.
 */
import { describe, expect, it } from 'vitest';
import {
  behaviourValue,
  chooseExploring,
  softmaxInto,
  ucbAction,
} from '../../../src/rl/exploration';
import { learnerOptions } from '../../../src/rl/learner-options';
import { createChosenAction } from '../../../src/rl/policy';
import { rngDrawing } from '../rng-drawing';

// Three states; the one under test is s = 2, Q(2, ·) = [0, 0.1, 0.2, 0] (greedy: Right). Rows 0
// and 1 hold other numbers, so a rule reading the wrong row gives other answers.
const S = 2;
const Q = Float64Array.from([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.35, 0, 0.1, 0.2, 0]);
const SOFTMAX = learnerOptions({ exploration: 'softmax', temperature: 0.1 });
const UCB = learnerOptions({ exploration: 'ucb', ucbC: 0.5 });
// exp((Q(2, ·) − 0.2)/0.1) = [e⁻², e⁻¹, 1, e⁻²] over their sum 1.638 56…
const PI = [0.0826, 0.22452, 0.61029, 0.0826];

/** N(s, a) with row 2 = `row` and rows 0 and 1 all visited (5 each). */
function visitsWith(row: readonly number[]): Float64Array {
  return Float64Array.from([5, 5, 5, 5, 5, 5, 5, 5, ...row]);
}

describe('softmax at s = 2', () => {
  it('π(· | 2) = [0.0826, 0.2245, 0.6103, 0.0826], from row 2 only', () => {
    const pi = softmaxInto(new Float64Array(4), Q, S, 0.1);
    pi.forEach((p, a) => expect(p).toBeCloseTo(PI[a]!, 4));
  });

  it('u = 0.1875 falls in Down’s share [0.0826, 0.3071): Down, explored (not greedy at 2)', () => {
    const out = createChosenAction();
    chooseExploring(out, Q, visitsWith([1, 1, 1, 1]), S, 0.5, 'first', rngDrawing(0.1875), SOFTMAX);
    expect([out.action, out.explored]).toEqual([1, true]);
  });

  it('its behaviour value Σ π·Q(2, ·) = 0.1445', () => {
    expect(behaviourValue(Q, visitsWith([1, 1, 1, 1]), S, 0.5, SOFTMAX)).toBeCloseTo(
      0.022452 + 0.122058,
      5,
    );
  });

  it('a draw exactly on a cumulative probability goes to the next action (the first to exceed u)', () => {
    // All ties: π = 1/4 each, cumulative 0.25, 0.5, 0.75, 1 (exact in binary).
    const ties = new Float64Array(12);
    const out = createChosenAction();
    const options = learnerOptions({ exploration: 'softmax', temperature: 1 });
    chooseExploring(out, ties, new Float64Array(12), S, 0, 'first', rngDrawing(0.25), options);
    expect(out.action).toBe(1);
    chooseExploring(out, ties, new Float64Array(12), S, 0, 'first', rngDrawing(0.75), options);
    expect(out.action).toBe(3);
    chooseExploring(out, ties, new Float64Array(12), S, 0, 'first', rngDrawing(0), options);
    expect(out.action).toBe(0);
  });
});

describe('UCB at s = 2 (c 0.5)', () => {
  // Q(2, ·) = [0, 0.1, 0.2, 0], N(2, ·) = [4, 1, 2, 3], N(2) = 10, ln 10 = 2.302 585:
  // scores 0 + 0.5·√(2.3026/4) = 0.3794, 0.1 + 0.5·√2.3026 = 0.8587, 0.2 + 0.5·√1.1513 = 0.7365,
  // 0 + 0.5·√0.7675 = 0.4380: Down.
  it('a = argmax Q(2, a) + c·√(ln N(2) / N(2, a)): Down (0.8587), explored; it values Q(2, Down)', () => {
    const visits = visitsWith([4, 1, 2, 3]);
    expect(ucbAction(Q, visits, S, 0.5)).toBe(1);
    const out = createChosenAction();
    chooseExploring(out, Q, visits, S, 0.5, 'first', rngDrawing(0), UCB);
    expect([out.action, out.explored]).toEqual([1, true]);
    expect(behaviourValue(Q, visits, S, 0.5, UCB)).toBe(0.1);
  });

  it('an untried action comes first even when ln N(s) = 0 (one visit in all)', () => {
    // N(2) = 1: every tried score is Q + c·√(0/1) = Q, and 0/0 is no score at all.
    expect(ucbAction(Q, visitsWith([1, 0, 0, 0]), S, 0.5)).toBe(1);
    expect(ucbAction(Q, visitsWith([0, 1, 1, 1]), S, 0.5)).toBe(0);
  });

  it('reads only its own row: a far better next row does not make an action 4', () => {
    const rows = Float64Array.from([0, 0, 0, 0, 0.1, 0.2, 0.3, 0.4, 5, 5, 5, 5]);
    expect(ucbAction(rows, new Float64Array(12).fill(1), 1, 0.5)).toBe(3);
  });

  it('equal scores go to the first of them', () => {
    const ties = Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0.2, 0.2, 0.2, 0.2]);
    expect(ucbAction(ties, visitsWith([2, 2, 2, 2]), S, 0.5)).toBe(0);
  });
});

describe('the choice slot after a softmax or UCB choice', () => {
  it('holds no step (atStep −1), whatever it held before', () => {
    for (const options of [SOFTMAX, UCB]) {
      const out = createChosenAction();
      out.atStep = 5;
      chooseExploring(out, Q, visitsWith([1, 1, 1, 1]), S, 0.3, 'first', rngDrawing(0.5), options);
      expect([out.atStep, out.epsilon]).toEqual([-1, 0.3]);
    }
  });
});
