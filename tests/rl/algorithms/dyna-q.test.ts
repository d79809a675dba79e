import { describe, expect, it } from 'vitest';
import { createAgent, setLearnerOptions } from '../../../src/rl/agent';
import { createEnv } from '../../../src/rl/env';
import { runEpisodes } from '../../../src/rl/fast-loop';
import { algorithmStep, runAlgorithmEpisodes } from '../../../src/rl/readable-loop';
import { createRngState, nextUniform } from '../../../src/rl/rng';
import { RIGHT, sameBits, sfgAgent, fixed } from '../agent-fixtures';

describe('Dyna-Q, worked by hand on S F G (α 0.5, γ 0.9, n 2)', () => {
  it('a real update 0.3 → 0.375, then two planning updates from the model: 0.4125, 0.43125', () => {
    const agent = sfgAgent(fixed(0, { alpha: 0.5, gamma: 0.9 }), 4, 0.3, [0.1, 0, 0.5, 0.2]);
    setLearnerOptions(agent, { planningSteps: 2 });
    const r = algorithmStep(agent, 'dyna-q');
    // Real: 0.3 + 0.5·(0.9·0.5 − 0.3) = 0.375, the record's numbers.
    expect(r.qAfter).toBeCloseTo(0.375, 15);
    // The model knows one pair, (S, Right) → F with r 0; each planning update moves it halfway
    // to 0.45 again.
    expect(agent.memory.modelPairCount).toBe(1);
    expect(agent.q[RIGHT]).toBeCloseTo(0.43125, 15);
    expect(agent.memory.planningUpdates).toBe(2);
    expect(agent.visits[RIGHT]).toBe(1);
    // Draws: the ε test, the environment, then per planning update a pair and an outcome.
    const expected = createRngState(4);
    for (let k = 0; k < 6; k++) nextUniform(expected);
    expect(Array.from(agent.rng)).toEqual(Array.from(expected));
  });

  it('its model on slippery 4x4 counts every real step once, with each outcome’s frequency', () => {
    const agent = createAgent(createEnv(), {}, 3);
    runAlgorithmEpisodes(agent, 'dyna-q', 300);
    const m = agent.memory;
    expect(m.modelCounts.reduce((a, b) => a + b, 0)).toBe(agent.totalSteps);
    expect(m.modelPairCount).toBe(agent.visits.filter((n) => n > 0).length);
    expect(m.planningUpdates).toBe(agent.totalSteps * agent.options.planningSteps);
  });

  it('n = 0 is Q-learning bit for bit', () => {
    const env = createEnv();
    const a = createAgent(env, {}, 8, { planningSteps: 0 });
    const b = createAgent(env, {}, 8);
    runAlgorithmEpisodes(a, 'dyna-q', 1000);
    runEpisodes(b, 1000);
    expect(sameBits(a.q, b.q)).toBe(true);
  });
});
