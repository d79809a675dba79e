import { describe, expect, it } from 'vitest';
import { ON_POLICY_DEMO } from '../../src/components/dock/glossary/lesson-figures';
import { createEnv } from '../../src/rl/env';
import { evaluateGreedy, valueIteration } from '../../src/rl/evaluation';
import { qGap } from '../../src/rl/optimal-gap';
import { createAgent } from '../../src/rl/agent';
import { step } from '../../src/rl/fast-loop';
import { LESSON_PARAMS } from '../../src/rl/params';
import { train, trainAlgorithm } from '../../src/rl/training';
import { expectedValue } from '../../src/rl/policy';
import { advantages, stateValue } from '../../src/rl/tables';
import {
  holeSurprise,
  rewardWorth,
  shortestPath,
  tdOutcomes,
  teachingFigures,
} from '../../src/rl/teaching-figures';

/** Training runs of many seeds: room for a loaded machine (Vitest's default is 5 s). */
const HEAVY_TEST_MS = 60_000;

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

describe('a reward k steps away is worth γ^(k−1) (the Short-sighted preset)', () => {
  it('the shortest path on 4x4 is 6 steps, slippery or not; on 8x8, 14', () => {
    expect(shortestPath(createEnv())).toBe(6);
    expect(shortestPath(createEnv({ isSlippery: false }))).toBe(6);
    expect(shortestPath(createEnv({ map: '8x8' }))).toBe(14);
  });

  it('on deterministic ice V*(start) = γ^(k−1) for the shortest path k: 0.99⁵ = 0.951, 0.5⁵ = 0.031', () => {
    const env = createEnv({ isSlippery: false });
    const k = shortestPath(env);
    for (const gamma of [0.99, 0.5]) {
      expect(valueIteration(env, gamma).v[env.start]).toBeCloseTo(rewardWorth(gamma, k), 12);
    }
    expect(r3(rewardWorth(0.99, k))).toBe(0.951);
    expect(r3(rewardWorth(0.5, k))).toBe(0.031);
    // Not 0.5⁶ ≈ 0.016: the first reward is not discounted (G₀ = r₁ + γ·r₂ + …).
    expect(rewardWorth(0.5, 1)).toBe(1);
  });
});

describe('V*, the γ-optimal policy and the best within the time limit (4x4, γ 0.99)', () => {
  const env = createEnv();
  const f = teachingFigures(env, LESSON_PARAMS.gamma);

  it('V*(start) 0.542 is a discounted return, below the 0.744 any policy can reach within 100 steps', () => {
    expect(r3(f.startValue)).toBe(0.542);
    expect(r4(f.bestWithinLimit)).toBe(0.7442);
    expect(f.startValue).toBeLessThan(f.optimalPolicy.successProbability);
  });

  it('the γ-optimal policy succeeds with 0.7402, below the finite-horizon best 0.7442', () => {
    expect(r4(f.optimalPolicy.successProbability)).toBe(0.7402);
    expect(f.optimalPolicy.successProbability).toBeLessThan(f.bestWithinLimit);
  });

  it(
    'γ 0.99 does not make the policy take short paths: it trades length for safety (45 steps on average against 6)',
    () => {
      expect(Math.round(f.optimalPolicy.expectedLength)).toBe(45);
      expect(f.shortestPath).toBe(6);
      // The lesson's learned policy (seed 0) too: 41 steps on average.
      expect(Math.round(evaluateGreedy(env, train(env, {}, 0).q).expectedLength)).toBe(41);
    },
    HEAVY_TEST_MS,
  );
});

describe('the TD error at the exact Q* (the |δ| layer, the TD error, Q)', () => {
  const env = createEnv();
  const optimal = valueIteration(env, 0.99);

  it('is not 0 per step, but its expectation is, for every pair (Q* is the fixed point of the update)', () => {
    let largest = 0;
    for (let s = 0; s < env.nS; s++) {
      if (env.terminal[s]) continue;
      for (let a = 0; a < 4; a++) {
        const outcomes = tdOutcomes(env, optimal, s, a);
        const mean = outcomes.reduce((m, o) => m + o.probability * o.tdError, 0);
        expect(Math.abs(mean)).toBeLessThan(1e-12);
        for (const o of outcomes) largest = Math.max(largest, Math.abs(o.tdError));
      }
    }
    expect(largest).toBeGreaterThan(0.3);
  });

  it('the optimal action Left at 6 lands in the hole at 5 one time in three: δ = −Q*(6, Left) = −0.358', () => {
    const h = holeSurprise(env, optimal)!;
    expect(h).toMatchObject({ state: 6, action: 0, hole: 5 });
    expect(h.probability).toBeCloseTo(1 / 3, 15);
    expect(h.tdError).toBe(-optimal.q[6 * 4 + 0]!);
    expect(r3(h.tdError)).toBe(-0.358);
    expect(
      holeSurprise(
        createEnv({ isSlippery: false }),
        valueIteration(createEnv({ isSlippery: false }), 0.99),
      ),
    ).toBeNull();
  });
});

describe('the TD target bootstraps at the time limit; only holes and the goal end it', () => {
  it('a step cut by the time limit still adds γ·max Q(s′)', () => {
    const env = createEnv({ maxSteps: 1 });
    const agent = createAgent(env, { epsilon: 0 }, 0);
    agent.q.fill(0.5);
    // Ties go Left; from the start, Left slides to 0 or 4 (frozen): the episode is truncated.
    const r = step(agent);
    expect(r.truncated).toBe(true);
    expect(r.terminated).toBe(false);
    expect(r.tdTarget).toBe(0 + 0.99 * 0.5);
  });
});

describe('the advantage A = Q − V (glossary, chapter)', () => {
  it('is 0 for every tied greedy action, for all four at the start, negative for the others', () => {
    expect([...advantages(new Float64Array(64))].every((x) => x === 0)).toBe(true);
    const q = Float64Array.of(0.2, 0.5, 0.5, 0.1);
    expect([...advantages(q)]).toEqual([0.2 - 0.5, 0, 0, 0.1 - 0.5]);
  });

  it('against the ε-greedy policy’s average value (as PPO takes it) the greedy action’s advantage is positive', () => {
    const q = Float64Array.of(0.2, 0.5, 0.3, 0.1);
    const vPi = expectedValue(q, 0, 0.3);
    expect(q[1]! - vPi).toBeGreaterThan(0);
    expect(q[0]! - vPi).toBeLessThan(0);
  });
});

describe('SARSA values its own exploration, not the ice (ε 0.3 held, 10,000 episodes, seeds 0–4)', () => {
  const vStart = (isSlippery: boolean, algorithm: 'q-learning' | 'sarsa' | 'expected-sarsa') =>
    [0, 1, 2, 3, 4].map((seed) =>
      stateValue(
        trainAlgorithm(createEnv({ isSlippery }), algorithm, { ...ON_POLICY_DEMO }, seed).q,
        0,
      ),
    );

  it(
    'slippery: Q-learning 0.50–0.58 near V* = 0.542; SARSA 0.10–0.14, Expected SARSA 0.11–0.13',
    () => {
      const range = (xs: number[]) =>
        [Math.min(...xs), Math.max(...xs)].map((x) => Math.round(x * 100) / 100);
      expect(range(vStart(true, 'q-learning'))).toEqual([0.5, 0.58]);
      expect(range(vStart(true, 'sarsa'))).toEqual([0.1, 0.14]);
      expect(range(vStart(true, 'expected-sarsa'))).toEqual([0.11, 0.13]);
    },
    HEAVY_TEST_MS,
  );

  it(
    'on ice that never slips the gap remains: it comes from the random moves, not the slipping',
    () => {
      const q = vStart(false, 'q-learning');
      const sarsa = vStart(false, 'sarsa');
      for (let i = 0; i < q.length; i++) expect(sarsa[i]!).toBeLessThan(q[i]! - 0.2);
      // As the README quotes them: Q-learning 0.951 = 0.99⁵ on every seed, SARSA 0.59–0.66.
      expect(q.map((v) => v.toFixed(3))).toEqual(Array(5).fill('0.951'));
      expect([Math.min(...sarsa), Math.max(...sarsa)].map((v) => v.toFixed(2))).toEqual([
        '0.59',
        '0.66',
      ]);
    },
    HEAVY_TEST_MS,
  );
});

describe('the gap ‖Q − Q*‖∞ with constant α levels off (optimal-values panel)', () => {
  const env = createEnv();
  const { q: qStar } = valueIteration(env, 0.99);

  it(
    '0.863 at Q = 0, 0.296 after the lesson’s run (seed 0), held by Q(3, Right) = 0.006 against Q* = 0.302',
    () => {
      expect(r3(qGap(new Float64Array(64), qStar).max)).toBe(0.863);
      const q = train(env, {}, 0).q;
      const gap = qGap(q, qStar);
      expect(r3(gap.max)).toBe(0.296);
      expect(gap.maxState).toBe(3);
      expect(gap.pairs[3 * 4 + 2]).toBe(gap.max);
      expect(r3(q[3 * 4 + 2]!)).toBe(0.006);
      expect(r3(qStar[3 * 4 + 2]!)).toBe(0.302);
    },
    HEAVY_TEST_MS,
  );

  it(
    'does not go to 0 with more episodes: after 20,000, 40,000 and 80,000 it stays above 0.1',
    () => {
      const gaps = [20_000, 40_000, 80_000].map((n) => qGap(train(env, {}, 0, n).q, qStar).max);
      for (const g of gaps) expect(g).toBeGreaterThan(0.1);
      // As the README quotes them.
      expect(gaps.map((g) => g.toFixed(2))).toEqual(['0.16', '0.23', '0.19']);
      // Not monotone either: it rises again between 20,000 and 40,000 episodes.
      expect(gaps[1]!).toBeGreaterThan(gaps[0]!);
    },
    HEAVY_TEST_MS,
  );
});
