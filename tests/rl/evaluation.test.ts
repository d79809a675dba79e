import { describe, expect, it } from 'vitest';
import { createEnv, envStep } from '../../src/rl/env';
import {
  bestSuccessWithin,
  evaluateGreedy,
  evaluatePolicy,
  optimalActionSets,
  valueIteration,
} from '../../src/rl/evaluation';
import { createRngState } from '../../src/rl/rng';
import { policyMatrix, qRows } from '../../src/rl/tables';
import { optimalFixture } from './fixtures';

const LEFT = 0;
const DOWN = 1;
const RIGHT = 2;

describe('valueIteration (γ 0.99) against the reference tables', () => {
  for (const map of ['4x4', '8x8'] as const) {
    const ref = optimalFixture(map);
    const env = createEnv({ map });
    const opt = valueIteration(env, ref.gamma);

    it(`${map}: V* matches to 1e-9`, () => {
      expect(opt.v).toHaveLength(ref.V.length);
      ref.V.forEach((v, s) => expect(Math.abs(opt.v[s]! - v), `V[${s}]`).toBeLessThan(1e-9));
    });

    it(`${map}: Q* matches to 1e-9`, () => {
      const rows = qRows(opt.q);
      ref.Q.forEach((row, s) =>
        row.forEach((x, a) =>
          expect(Math.abs(rows[s]![a]! - x), `Q[${s}][${a}]`).toBeLessThan(1e-9),
        ),
      );
    });

    it(`${map}: V*(start) is ${ref.VStart} to 1e-9`, () => {
      expect(Math.abs(opt.v[env.start]! - ref.VStart)).toBeLessThan(1e-9);
    });

    it(`${map}: the first-max policy equals the reference wherever one action is optimal`, () => {
      // Where the set has several actions, the maths ties them exactly and the first max is
      // decided by rounding (8x8 state 50: Down and Right differ by one ulp in the reference,
      // (1/3 side − 1/3 intended)·γ·(V(51) − V(58)) ≈ 1e-17). There any action of the set will do.
      ref.policy.forEach((a, s) => {
        const set = ref.optimalActionSets[s]!;
        if (set.length === 1) expect(opt.policy[s], `policy[${s}]`).toBe(a);
        else expect(set, `policy[${s}]`).toContain(opt.policy[s]);
      });
    });

    it(`${map}: the first-max policy reaches G within ${ref.horizon} steps like the reference's`, () => {
      const ev = evaluatePolicy(env, policyMatrix(opt.policy));
      expect(Math.abs(ev.successProbability - ref.successProbability)).toBeLessThan(1e-9);
    });

    it(`${map}: the optimal action sets (within 1e-9) equal the reference sets`, () => {
      expect(optimalActionSets(opt.q)).toEqual(ref.optimalActionSets);
    });

    it(`${map}: terminal states keep V = 0 and Q = 0`, () => {
      for (let s = 0; s < env.nS; s++) {
        if (!env.terminal[s]) continue;
        expect(opt.v[s]).toBe(0);
        for (let a = 0; a < 4; a++) expect(opt.q[s * 4 + a]).toBe(0);
      }
    });
  }

  it('4x4: the first-max policy equals the reference policy in every state', () => {
    expect(Array.from(valueIteration(createEnv(), 0.99).policy)).toEqual(
      optimalFixture('4x4').policy,
    );
  });

  it('VStart on 4x4 is 0.54202593200047 to 1e-9', () => {
    const opt = valueIteration(createEnv(), 0.99);
    expect(Math.abs(opt.v[0]! - 0.54202593200047)).toBeLessThan(1e-9);
    expect(opt.gamma).toBe(0.99);
    expect(opt.iterations).toBeGreaterThan(1);
  });

  it('on deterministic 4x4 with γ 0.9 gives V*(start) = 0.9^5 (the goal is 6 moves away)', () => {
    const opt = valueIteration(createEnv({ isSlippery: false }), 0.9);
    // Reward 1 on the 6th move: 0.9^5 · 1, since Q*(s,a) = r + γ·V*(s′) and V*(G) = 0.
    expect(opt.v[0]).toBeCloseTo(0.9 ** 5, 12);
    expect(opt.v[14]).toBeCloseTo(1, 12);
    expect(opt.v[10]).toBeCloseTo(0.9, 12);
  });

  it('with γ = 0 values only the immediate reward', () => {
    const opt = valueIteration(createEnv(), 0);
    // From 14, Right reaches G with probability 1/3 (Down slips Right with (1 − 1/3)/2 too).
    expect(opt.q[14 * 4 + RIGHT]).toBe(0.3333333333333333);
    expect(opt.q[14 * 4 + DOWN]).toBe(0.33333333333333337);
    expect(opt.v[0]).toBe(0);
  });
});

describe('evaluatePolicy', () => {
  it('the optimal 4x4 policy reaches G within 100 steps with probability 0.74016489775871', () => {
    const ref = optimalFixture('4x4');
    const ev = evaluatePolicy(createEnv(), policyMatrix(ref.policy));
    expect(Math.abs(ev.successProbability - 0.74016489775871)).toBeLessThan(1e-9);
    expect(Math.abs(ev.successProbability - ref.successProbability)).toBeLessThan(1e-9);
    expect(ev.horizon).toBe(100);
  });

  it("the optimal 8x8 policy matches the reference's success probability within 200 steps", () => {
    const ref = optimalFixture('8x8');
    const ev = evaluatePolicy(createEnv({ map: '8x8' }), policyMatrix(ref.policy));
    expect(ev.horizon).toBe(200);
    expect(ref.horizon).toBe(200);
    expect(Math.abs(ev.successProbability - ref.successProbability)).toBeLessThan(1e-9);
  });

  // Deterministic 4x4, path 0 ↓ 4 ↓ 8 → 9 ↓ 13 → 14 → 15: six moves to G.
  const path = new Array<number>(16).fill(LEFT);
  path[0] = DOWN;
  path[4] = DOWN;
  path[8] = RIGHT;
  path[9] = DOWN;
  path[13] = RIGHT;
  path[14] = RIGHT;

  it('on deterministic 4x4 the path policy succeeds with probability 1 in 6 steps', () => {
    const ev = evaluatePolicy(createEnv({ isSlippery: false }), policyMatrix(path));
    expect(ev.successProbability).toBe(1);
    expect(ev.holeProbability).toBe(0);
    expect(ev.expectedLength).toBe(6);
    expect(ev.expectedStepsToGoal).toBe(6);
  });

  it('with horizon 5 the same path never arrives: success 0, length 5, steps to goal NaN', () => {
    const ev = evaluatePolicy(createEnv({ isSlippery: false }), policyMatrix(path), 5);
    expect(ev.successProbability).toBe(0);
    expect(ev.holeProbability).toBe(0);
    expect(ev.expectedLength).toBe(5);
    expect(ev.expectedStepsToGoal).toBeNaN();
    expect(ev.horizon).toBe(5);
  });

  it('a policy that walks Right from the start on deterministic 4x4 falls in the hole at 7 at step 4', () => {
    // 0 → 1 → 2 → 3 (Right), 3 ↓ 7 (H).
    const pi = new Array<number>(16).fill(RIGHT);
    pi[3] = DOWN;
    const ev = evaluatePolicy(createEnv({ isSlippery: false }), policyMatrix(pi));
    expect(ev.holeProbability).toBe(1);
    expect(ev.successProbability).toBe(0);
    expect(ev.expectedLength).toBe(4);
  });

  it('a stochastic policy that moves Right half the time reaches G within 3 steps with 7/8', () => {
    const env = createEnv({ map: ['SG'], isSlippery: false });
    // π(Right | S) = ½, π(Left | S) = ½ (Left stays put). P(success within 3) = 1 − (½)^3.
    const pi = [0.5, 0, 0.5, 0, 1, 0, 0, 0];
    const ev = evaluatePolicy(env, pi, 3);
    expect(ev.successProbability).toBe(0.875);
    // E[min(T, 3)] = 1 + ½ + ¼.
    expect(ev.expectedLength).toBe(1.75);
    // E[T | success] = (1·½ + 2·¼ + 3·⅛) / (7/8) = 11/7.
    expect(ev.expectedStepsToGoal).toBeCloseTo(11 / 7, 15);
  });
});

describe('evaluateGreedy of a zero Q on slippery 4x4 (every state goes Left)', () => {
  const env = createEnv();
  const zero = new Float64Array(env.nS * env.nA);

  // Left from column 0 tries Up, Left, Down: the walker never leaves states 0, 4, 8 and can only
  // end in the hole at 12. Sub-stochastic chain on (0, 4, 8):
  //   0: stay 2/3, → 4 1/3;  4: → 0, stay, → 8 each 1/3;  8: → 4, stay, → H each 1/3.
  const M = [
    [2 / 3, 1 / 3, 0],
    [1 / 3, 1 / 3, 1 / 3],
    [0, 1 / 3, 1 / 3],
  ];
  /** P(still alive after n steps from state 0) = row 0 of Mⁿ summed. */
  function survival(n: number): number {
    let d = [1, 0, 0];
    for (let t = 0; t < n; t++)
      d = [0, 1, 2].map((j) => d.reduce((acc, x, i) => acc + x * M[i]![j]!, 0));
    return d.reduce((a, b) => a + b, 0);
  }

  it('never reaches G', () => {
    const ev = evaluateGreedy(env, zero);
    expect(ev.successProbability).toBe(0);
    expect(ev.expectedStepsToGoal).toBeNaN();
  });

  it('falls in by step 3 with probability (1/3)^3 = 1/27 and by step 4 with 7/81', () => {
    expect(evaluateGreedy(env, zero, 2).holeProbability).toBe(0);
    expect(evaluateGreedy(env, zero, 3).holeProbability).toBeCloseTo(1 / 27, 15);
    // Step 4: at 8 after 3 steps with 2/27 + 1/27 + 1/27 = 4/27, then H with 1/3: 1/27 + 4/81.
    expect(evaluateGreedy(env, zero, 4).holeProbability).toBeCloseTo(7 / 81, 15);
    expect(evaluateGreedy(env, zero, 4).expectedLength).toBeCloseTo(3 + 26 / 27, 15);
  });

  it('is truncated at 100 steps with the small probability 0.0013190 (row sum of M^100)', () => {
    const ev = evaluateGreedy(env, zero);
    const truncated = 1 - ev.holeProbability - ev.successProbability;
    expect(truncated).toBeCloseTo(survival(100), 12);
    expect(truncated).toBeCloseTo(0.001319, 6);
  });

  it('has expected length Σ_{t<100} P(alive after t) ≈ 17.98 (18 without a time limit)', () => {
    const ev = evaluateGreedy(env, zero);
    let sum = 0;
    for (let t = 0; t < 100; t++) sum += survival(t);
    expect(ev.expectedLength).toBeCloseTo(sum, 10);
    expect(ev.expectedLength).toBeCloseTo(17.98, 2);
  });

  it('agrees with a Monte Carlo of 200,000 seeded episodes via envStep (within 4 standard errors)', () => {
    const exact = evaluateGreedy(env, zero);
    const rng = createRngState(2718);
    const n = 200_000;
    let goals = 0;
    let holes = 0;
    let lengthSum = 0;
    let lengthSq = 0;
    for (let e = 0; e < n; e++) {
      let s = env.start;
      let t = 0;
      for (;;) {
        const out = envStep(env, s, LEFT, rng);
        t++;
        s = out.nextState;
        if (out.terminated) {
          if (env.goal[s]) goals++;
          else holes++;
          break;
        }
        if (t >= env.maxSteps) break;
      }
      lengthSum += t;
      lengthSq += t * t;
    }
    expect(goals).toBe(0);
    const pHole = holes / n;
    const seHole = Math.sqrt((exact.holeProbability * (1 - exact.holeProbability)) / n);
    expect(Math.abs(pHole - exact.holeProbability)).toBeLessThan(4 * seHole);
    const meanLength = lengthSum / n;
    const seLength = Math.sqrt((lengthSq / n - meanLength ** 2) / n);
    expect(Math.abs(meanLength - exact.expectedLength)).toBeLessThan(4 * seLength);
  });
});

describe('bestSuccessWithin (any time-dependent policy)', () => {
  it("4x4 slippery, 100 steps: ≈ 0.7442 (Gymnasium's 'optimum = 0.74')", () => {
    expect(Math.abs(bestSuccessWithin(createEnv()) - 0.7442)).toBeLessThan(1e-4);
  });

  it("8x8 slippery, 200 steps: ≈ 0.9132 (Gymnasium's 'optimum = 0.91')", () => {
    expect(Math.abs(bestSuccessWithin(createEnv({ map: '8x8' })) - 0.9132)).toBeLessThan(1e-4);
  });

  it('is at least the γ-optimal stationary policy within the same limit', () => {
    const ref = optimalFixture('4x4');
    expect(bestSuccessWithin(createEnv())).toBeGreaterThanOrEqual(ref.successProbability);
  });

  it('on deterministic 4x4 is 0 within 5 steps and 1 within 6', () => {
    const env = createEnv({ isSlippery: false });
    expect(bestSuccessWithin(env, 5)).toBe(0);
    expect(bestSuccessWithin(env, 6)).toBe(1);
  });
});
