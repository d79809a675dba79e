/**
 * Dyna-Q's planning updates on a model set by hand: which outcome a planning update samples (the
 * first whose cumulative count exceeds u·total, u uniform), and its step size under α = 1/N.
 * With γ = 0 and α = 1 a planning update sets Q(ŝ, â) to the sampled outcome's reward, so Q shows
 * which outcome was drawn.
 */
import { describe, expect, it } from 'vitest';
import { createAgent, type QAgent } from '../../../src/rl/agent';
import { DYNA_Q } from '../../../src/rl/algorithms/dyna-q';
import { createEnv } from '../../../src/rl/env';
import type { LearnerOptions } from '../../../src/rl/learner-values';
import { createRngState, nextInt, nextUniform } from '../../../src/rl/rng';
import { DOWN, RIGHT } from '../agent-fixtures';
import { rngDrawing } from '../rng-drawing';
import { learnStep } from './learn-step';

/** (F, Down) on S F F G: the pair whose model the tests write, index 1·4 + 1. */
const PAIR = 1 * 4 + DOWN;
/** The three outcomes' rewards in the hand-made model. */
const REWARDS = [10, 20, 30];

/**
 * An agent on S F F G (γ 0, one planning update a step) whose model of (F, Down) has seen its
 * outcomes `counts` times, with rewards 10, 20, 30.
 */
function modelAgent(
  counts: readonly number[],
  seed: number | Uint32Array,
  options: Partial<LearnerOptions> = {},
): QAgent {
  const env = createEnv({ map: ['SFFG'], isSlippery: false });
  const agent = createAgent(env, { alpha: 1, gamma: 0 }, seed, { planningSteps: 1, ...options });
  const m = agent.memory;
  for (let k = 0; k < 3; k++) {
    m.modelCounts[PAIR * 3 + k] = counts[k]!;
    m.modelRewards[PAIR * 3 + k] = REWARDS[k]!;
    m.modelNext[PAIR * 3 + k] = 2;
  }
  m.modelPairs[0] = PAIR;
  m.modelPairCount = 1;
  return agent;
}

describe('Dyna-Q samples a planning outcome in proportion to its count', () => {
  it('counts [2, 2, 3] after the real step: reward 10 for u·7 < 2, 20 for < 4, else 30 (120 seeds)', () => {
    const seen = [0, 0, 0];
    for (let seed = 0; seed < 120; seed++) {
      // The real step takes (F, Down) to outcome 0 with reward 10: counts [1, 2, 3] → [2, 2, 3].
      const agent = modelAgent([1, 2, 3], seed);
      DYNA_Q.learn!(learnStep(agent, { state: 1, action: DOWN, reward: 10, nextState: 2, k: 0 }));
      const draws = createRngState(seed);
      expect(nextInt(draws, 1)).toBe(0); // the pair: the only one known
      const u = nextUniform(draws) * 7;
      const k = u < 2 ? 0 : u < 4 ? 1 : 2;
      seen[k]!++;
      expect(agent.q[PAIR]).toBe(REWARDS[k]);
      expect(agent.memory.planningUpdates).toBe(1);
    }
    // Every outcome was drawn, roughly 2 : 2 : 3.
    expect(seen.every((n) => n > 15)).toBe(true);
  });

  it('u·total exactly on a cumulative count goes to the next outcome', () => {
    // Counts [1, 1, 2] after the real step, total 4; u = 0.25 gives u·4 = 1 = the first count.
    const agent = modelAgent([0, 1, 2], rngDrawing(0.5, 0.25));
    DYNA_Q.learn!(learnStep(agent, { state: 1, action: DOWN, reward: 10, nextState: 2, k: 0 }));
    expect(agent.q[PAIR]).toBe(20);
  });
});

describe('Dyna-Q planning under α = 1/N(s, a)', () => {
  it('a planned pair’s α is 1/N; the real step’s own pair counts this step too (1/(N + 1))', () => {
    // Real step: (F₂, Right) = pair 10, reward 4, N = 1 before it, so α = 1/2: Q 0 → 2. The model
    // then knows (F, Down) (one outcome, reward 10, N = 3 visits) and (F₂, Right) (reward 4).
    const own = 2 * 4 + RIGHT;
    const picked = [0, 0];
    for (let seed = 0; seed < 40; seed++) {
      const agent = modelAgent([1, 0, 0], seed, { alphaSchedule: 'visits' });
      agent.visits[PAIR] = 3;
      agent.visits[own] = 1;
      const step = learnStep(agent, {
        state: 2,
        action: RIGHT,
        reward: 4,
        nextState: 3,
        alpha: 0.5,
      });
      DYNA_Q.learn!(step);
      expect(step.td.qAfter).toBe(2);
      const j = nextInt(createRngState(seed), 2);
      picked[j]!++;
      if (j === 0) {
        // (F, Down): 0 + (10 − 0)/3.
        expect(agent.q[PAIR]).toBeCloseTo(10 / 3, 15);
        expect(agent.q[own]).toBe(2);
      } else {
        // (F₂, Right) again, N = 1 + this step: 2 + (4 − 2)/2 = 3.
        expect(agent.q[own]).toBe(3);
        expect(agent.q[PAIR]).toBe(0);
      }
    }
    expect(picked.every((n) => n > 5)).toBe(true);
  });
});
