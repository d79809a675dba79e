import { describe, expect, it } from 'vitest';
import { createAgent } from '../../../src/rl/agent';
import { createEnv } from '../../../src/rl/env';
import { algorithmStep, runAlgorithmEpisodes } from '../../../src/rl/readable-loop';
import { fixed, LEFT, RIGHT, sameBits } from '../agent-fixtures';
import { corridorAgent } from './chain-fixture';

describe('SARSA(λ) along S F F G, worked by hand (α 0.5, γ 0.9, λ 0.8, γλ = 0.72)', () => {
  it('the goal’s δ = 0.9 reaches back: Q(·, Right) = 0.3247, 0.419, 0.55', () => {
    const agent = corridorAgent({ lambda: 0.8 });
    // Step 1, S → F: δ = 0.9·0.1 − 0.1 = −0.01; Q(S) = 0.1 − 0.005 = 0.095; e(S) → 0.72.
    let r = algorithmStep(agent, 'sarsa-lambda');
    expect(r.tdError).toBeCloseTo(-0.01, 15);
    expect(agent.q[RIGHT]).toBeCloseTo(0.095, 15);
    expect(agent.memory.traces[RIGHT]).toBeCloseTo(0.72, 15);
    // Step 2, F → F: δ = −0.01; Q(S) = 0.095 − 0.5·0.01·0.72 = 0.0914, Q(F₁) = 0.095.
    algorithmStep(agent, 'sarsa-lambda');
    expect(agent.q[RIGHT]).toBeCloseTo(0.0914, 15);
    expect(agent.q[4 + RIGHT]).toBeCloseTo(0.095, 15);
    // Step 3, F → G, r = 1: δ = 1 − 0.1 = 0.9 moves each pair by 0.45·e: e = 0.5184, 0.72, 1.
    r = algorithmStep(agent, 'sarsa-lambda');
    expect(r.tdError).toBeCloseTo(0.9, 15);
    expect(agent.q[RIGHT]).toBeCloseTo(0.0914 + 0.45 * 0.5184, 15);
    expect(agent.q[4 + RIGHT]).toBeCloseTo(0.095 + 0.45 * 0.72, 15);
    expect(agent.q[8 + RIGHT]).toBeCloseTo(0.55, 15);
    expect(r.qAfter).toBe(agent.q[8 + RIGHT]);
    // The episode ended: every trace is cleared.
    expect(agent.memory.traces.every((e) => e === 0)).toBe(true);
  });

  it('a revisit: accumulating e = 1 + 0.72 = 1.72 moves Q(S, Left) 0.19 → 0.1737; replacing → 0.1805', () => {
    // On S F G with Q(S, Left) 0.2 greedy, Left bumps the wall: s′ = S, r = 0, every step.
    const walk = (traces: 'replacing' | 'accumulating') => {
      const env = createEnv({ map: ['SFG'], isSlippery: false });
      const agent = createAgent(env, fixed(0, { alpha: 0.5, gamma: 0.9 }), 0, {
        lambda: 0.8,
        traces,
      });
      agent.q[LEFT] = 0.2;
      algorithmStep(agent, 'sarsa-lambda'); // δ = 0.18 − 0.2 = −0.02: Q 0.19, e 0.72
      const r = algorithmStep(agent, 'sarsa-lambda'); // δ = 0.9·0.19 − 0.19 = −0.019
      expect(r.tdError).toBeCloseTo(-0.019, 15);
      expect(r.qAfter).toBe(agent.q[LEFT]);
      return agent;
    };
    const acc = walk('accumulating');
    expect(acc.memory.lastTrace).toBeCloseTo(1.72, 15);
    expect(acc.q[LEFT]).toBeCloseTo(0.19 - 0.5 * 0.019 * 1.72, 15);
    const rep = walk('replacing');
    expect(rep.memory.lastTrace).toBe(1);
    expect(rep.q[LEFT]).toBeCloseTo(0.1805, 15);
  });

  it('λ = 0 is SARSA bit for bit, draws included', () => {
    const env = createEnv();
    const a = createAgent(env, {}, 6, { lambda: 0 });
    const b = createAgent(env, {}, 6);
    runAlgorithmEpisodes(a, 'sarsa-lambda', 1500);
    runAlgorithmEpisodes(b, 'sarsa', 1500);
    expect(sameBits(a.q, b.q)).toBe(true);
    expect(Array.from(a.rng)).toEqual(Array.from(b.rng));
  });
});
