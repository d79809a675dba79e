import { describe, expect, it } from 'vitest';
import { createAgent } from '../../../src/rl/agent';
import { createEnv } from '../../../src/rl/env';
import { evaluateGreedy } from '../../../src/rl/evaluation';
import { algorithmStep, runAlgorithmEpisodes } from '../../../src/rl/readable-loop';
import { nextUniform } from '../../../src/rl/rng';
import { GREEDY, RIGHT, seedWhere } from '../agent-fixtures';

/** S F G deterministic, ε 0, α 0.5, γ 0.9; Q₁(S, Right) 0.3, Q₂(S, Right) 0.1; Q = their mean. */
function doubleAgent(seed: number) {
  const env = createEnv({ map: ['SFG'], isSlippery: false });
  const agent = createAgent(env, { ...GREEDY, alpha: 0.5, gamma: 0.9 }, seed);
  const [q1, q2] = agent.memory.tables;
  q1[RIGHT] = 0.3;
  q2[RIGHT] = 0.1;
  q1.set([0.1, 0, 0.5, 0.2], 4); // argmax Q₁(F) = Right
  q2.set([0.3, 0.4, 0.2, 0], 4); // argmax Q₂(F) = Down
  for (let i = 0; i < agent.q.length; i++) agent.q[i] = (q1[i]! + q2[i]!) / 2;
  return agent;
}

// Draws: the ε test, the environment, then the coin (heads, u < 0.5: Q₁ is updated).
const coin = (heads: boolean) =>
  seedWhere((g) => {
    nextUniform(g);
    nextUniform(g);
    return nextUniform(g) < 0.5 === heads;
  });

describe('one Double Q-learning update, worked by hand on S F G', () => {
  it('heads: Q₁(S, Right) 0.3 → 0.3 + 0.5·(0 + 0.9·Q₂(F, argmax Q₁(F) = Right) − 0.3) = 0.24', () => {
    const agent = doubleAgent(coin(true));
    const r = algorithmStep(agent, 'double-q-learning');
    expect([r.state, r.action, r.nextState]).toEqual([0, RIGHT, 1]);
    expect(agent.memory.lastTable).toBe(0);
    expect(r.bootstrap).toBe(0.2);
    expect(r.tdTarget).toBeCloseTo(0.18, 15);
    expect(agent.memory.tables[0][RIGHT]).toBeCloseTo(0.24, 15);
    expect(agent.memory.tables[1][RIGHT]).toBe(0.1);
    // The agent's Q is the mean (0.24 + 0.1)/2; Q-learning on that mean would bootstrap from 0.35.
    expect(agent.q[RIGHT]).toBeCloseTo(0.17, 15);
  });

  it('tails: Q₂(S, Right) 0.1 → 0.1 + 0.5·(0 + 0.9·Q₁(F, argmax Q₂(F) = Down) − 0.1) = 0.05', () => {
    const agent = doubleAgent(coin(false));
    const r = algorithmStep(agent, 'double-q-learning');
    expect(agent.memory.lastTable).toBe(1);
    expect(r.bootstrap).toBe(0);
    expect(agent.memory.tables[1][RIGHT]).toBeCloseTo(0.05, 15);
    expect(agent.memory.tables[0][RIGHT]).toBe(0.3);
    expect(agent.q[RIGHT]).toBeCloseTo(0.175, 15);
  });

  it('keeps Q the mean of its two tables over a run, and learns 4x4 in 20,000 episodes (seed 1)', () => {
    const env = createEnv();
    const agent = createAgent(env, {}, 1);
    runAlgorithmEpisodes(agent, 'double-q-learning', 20_000);
    const [q1, q2] = agent.memory.tables;
    for (let i = 0; i < agent.q.length; i++) expect(agent.q[i]).toBe((q1[i]! + q2[i]!) / 2);
    expect(evaluateGreedy(env, agent.q).successProbability).toBeGreaterThan(0.6);
  });
});
