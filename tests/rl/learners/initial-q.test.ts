import { describe, expect, it } from 'vitest';
import { createAgent } from '../../../src/rl/agent';
import { createEnv } from '../../../src/rl/env';
import { runEpisodes } from '../../../src/rl/fast-loop';
import { algorithmStep, runAlgorithmEpisodes } from '../../../src/rl/readable-loop';
import { trainAlgorithm } from '../../../src/rl/training';
import { DOWN, fixed, LEFT, sameBits } from '../agent-fixtures';

describe('optimistic starts, Q₀', () => {
  it('fills every non-terminal state; holes and the goal stay 0', () => {
    const env = createEnv();
    const agent = createAgent(env, {}, 0, { initialQ: 1 });
    for (let s = 0; s < env.nS; s++)
      expect(Array.from(agent.q.subarray(s * 4, s * 4 + 4))).toEqual(
        env.terminal[s] ? [0, 0, 0, 0] : [1, 1, 1, 1],
      );
    expect(agent.memory.tables[0]).toEqual(agent.q);
    expect(createAgent(env).q.every((x) => x === 0)).toBe(true);
  });

  it('a greedy agent tries the next action: Q(S, Left) 1 → 1 + 0.5·(0 + 0.9·1 − 1) = 0.95', () => {
    const env = createEnv({ map: ['SFG'], isSlippery: false });
    const agent = createAgent(env, fixed(0, { alpha: 0.5, gamma: 0.9 }), 0, { initialQ: 1 });
    const r = algorithmStep(agent, 'q-learning');
    expect([r.state, r.action, r.nextState, r.tdTarget]).toEqual([0, LEFT, 0, 0.9]);
    expect(agent.q[LEFT]).toBeCloseTo(0.95, 15);
    expect(algorithmStep(agent, 'q-learning').action).toBe(DOWN);
  });

  it("the fast loop gives the readable loop's numbers from Q₀ too", () => {
    const env = createEnv();
    const fast = createAgent(env, {}, 5, { initialQ: 0.8 });
    const slow = createAgent(env, {}, 5, { initialQ: 0.8 });
    runEpisodes(fast, 500);
    runAlgorithmEpisodes(slow, 'q-learning', 500);
    expect(sameBits(fast.q, slow.q)).toBe(true);
    expect(
      sameBits(trainAlgorithm(env, 'q-learning', {}, 5, 500, { initialQ: 0.8 }).q, slow.q),
    ).toBe(true);
  });

  it('softmax Q-learning runs on the readable loop (the fast one writes only ε-greedy)', () => {
    const env = createEnv();
    const options = { exploration: 'softmax', temperature: 0.05 } as const;
    const trained = trainAlgorithm(env, 'q-learning', {}, 2, 300, options);
    const slow = createAgent(env, {}, 2, options);
    runAlgorithmEpisodes(slow, 'q-learning', 300);
    expect(sameBits(trained.q, slow.q)).toBe(true);
    const fast = createAgent(env, {}, 2);
    runEpisodes(fast, 300);
    expect(sameBits(trained.q, fast.q)).toBe(false);
  });
});
