import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/rl/agent';
import { createEnv } from '../../src/rl/env';
import { evaluateGreedy } from '../../src/rl/evaluation';
import { runEpisodes } from '../../src/rl/fast-loop';
import { LESSON_EPISODES } from '../../src/rl/params';
import { runAlgorithmEpisodes } from '../../src/rl/readable-loop';
import { train, trainAlgorithm } from '../../src/rl/training';
import { sameBits } from './agent-fixtures';

describe('train', () => {
  it('train(env, params, seed, n) = createAgent + runEpisodes', () => {
    const a = train(createEnv(), {}, 5, 300);
    const b = createAgent(createEnv(), {}, 5);
    runEpisodes(b, 300);
    expect(sameBits(a.q, b.q)).toBe(true);
  });

  it('different seeds give different Q', () => {
    const a = train(createEnv(), {}, 0, 1000);
    const b = train(createEnv(), {}, 1, 1000);
    expect(sameBits(a.q, b.q)).toBe(false);
  });
});

describe('trainAlgorithm', () => {
  it('different seeds give different Q', () => {
    const a = trainAlgorithm(createEnv(), 'sarsa', {}, 0, 1000);
    const b = trainAlgorithm(createEnv(), 'sarsa', {}, 1, 1000);
    expect(sameBits(a.q, b.q)).toBe(false);
  });

  it('trainAlgorithm = createAgent + runAlgorithmEpisodes; for Q-learning = train()', () => {
    const env = createEnv();
    const a = trainAlgorithm(env, 'expected-sarsa', {}, 6, 300);
    const b = createAgent(env, {}, 6);
    runAlgorithmEpisodes(b, 'expected-sarsa', 300);
    expect(sameBits(a.q, b.q)).toBe(true);
    expect(
      sameBits(trainAlgorithm(env, 'q-learning', {}, 6, 300).q, train(env, {}, 6, 300).q),
    ).toBe(true);
  });
});

describe('training Q-learning', () => {
  it('leaves no NaN or infinity in Q after training on 8x8', () => {
    const agent = train(createEnv({ map: '8x8' }), { tieBreak: 'random' }, 0, 2000);
    expect(agent.q.every((x) => Number.isFinite(x))).toBe(true);
    expect(agent.q.some((x) => x > 0)).toBe(true);
  });

  it('keeps Q within [0, 1] with rewards in [0, 1] and γ ≤ 1', () => {
    const agent = train(createEnv(), {}, 2, 3000);
    expect(agent.q.every((x) => x >= 0 && x <= 1)).toBe(true);
  });

  // Acceptance: the lesson's settings on slippery 4x4 learn a greedy policy that reaches G within
  // 100 steps with median probability ≥ 0.70 over seeds 0–9 (Gymnasium's reward_threshold).
  it("the lesson's 10,000 episodes reach median success ≥ 0.70 over seeds 0–9", () => {
    const success: number[] = [];
    for (let seed = 0; seed < 10; seed++) {
      const agent = train(createEnv(), {}, seed, LESSON_EPISODES);
      success.push(evaluateGreedy(agent.env, agent.q).successProbability);
    }
    const sorted = [...success].sort((a, b) => a - b);
    const median = (sorted[4]! + sorted[5]!) / 2;
    expect(median).toBeGreaterThanOrEqual(0.7);
    // No run can beat the best time-dependent policy.
    expect(sorted[9]!).toBeLessThanOrEqual(0.7442);
  });
});

describe('training SARSA and Expected SARSA', () => {
  for (const algorithm of ['sarsa', 'expected-sarsa'] as const) {
    it(`${algorithm}: no NaN or infinity after 20,000 episodes of 8x8 (about 1.7 M steps)`, () => {
      const agent = trainAlgorithm(
        createEnv({ map: '8x8' }),
        algorithm,
        { tieBreak: 'random' },
        0,
        20_000,
      );
      expect(agent.totalSteps).toBeGreaterThan(1_000_000);
      expect(agent.q.every((x) => Number.isFinite(x))).toBe(true);
      expect(agent.q.some((x) => x > 0)).toBe(true);
      // With 'first' ties the greedy 8x8 walker never finds G (as the lesson's Q-learning): still finite.
      const first = trainAlgorithm(createEnv({ map: '8x8' }), algorithm, {}, 0, 5000);
      expect(first.q.every((x) => Number.isFinite(x))).toBe(true);
    });

    it(`${algorithm}: Q stays within [0, 1] with rewards (1, 0, 0) and γ ≤ 1`, () => {
      for (const map of ['4x4', '8x8']) {
        const agent = trainAlgorithm(createEnv({ map }), algorithm, { gamma: 1 }, 2, 3000);
        expect(agent.q.every((x) => x >= 0 && x <= 1)).toBe(true);
      }
    });

    it(`${algorithm}: never updates the rows of holes and the goal`, () => {
      const agent = trainAlgorithm(createEnv(), algorithm, {}, 3, 2000);
      for (const s of [5, 7, 11, 12, 15])
        expect(Array.from(agent.q.subarray(s * 4, s * 4 + 4))).toEqual([0, 0, 0, 0]);
    });
  }

  /** The lesson's three algorithms, the ones this bar was set for. */
  const LESSON_ALGORITHMS = ['q-learning', 'sarsa', 'expected-sarsa'] as const;

  // The lesson's defaults on slippery 4x4, seeds 0–9, exact evaluation of the greedy policy:
  // all three learn to reach G within 100 steps with median probability ≥ 0.70.
  // (Issue 17's five are measured at 20,000 episodes by scripts/algorithm-table.ts, in the README.)
  it('the lesson’s 10,000 episodes: median success ≥ 0.70 for every algorithm over seeds 0–9', () => {
    const env = createEnv();
    for (const algorithm of LESSON_ALGORITHMS) {
      const success: number[] = [];
      for (let seed = 0; seed < 10; seed++) {
        const agent = trainAlgorithm(env, algorithm, {}, seed);
        success.push(evaluateGreedy(env, agent.q).successProbability);
      }
      const sorted = [...success].sort((a, b) => a - b);
      expect((sorted[4]! + sorted[5]!) / 2).toBeGreaterThanOrEqual(0.7);
      expect(sorted[9]!).toBeLessThanOrEqual(0.7442);
    }
    // 30 runs of 10,000 episodes: about 1 s of CPU, far more on a loaded 2-core machine.
  }, 60_000);
});
