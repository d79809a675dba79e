import { describe, expect, it } from 'vitest';
import { createAgent } from '../../../src/rl/agent';
import { createEnv } from '../../../src/rl/env';
import { algorithmStep, runAlgorithmEpisodes } from '../../../src/rl/readable-loop';
import { fixed, LEFT, RIGHT } from '../agent-fixtures';
import { corridorAgent } from './chain-fixture';

describe('Monte Carlo along S F F G, worked by hand (α 0.5, γ 0.9)', () => {
  it('nothing moves until the end; then G = 1, 0.9, 0.81 gives Q(·, Right) = 0.55, 0.5, 0.455', () => {
    const agent = corridorAgent({});
    for (let k = 0; k < 2; k++) {
      const r = algorithmStep(agent, 'monte-carlo');
      expect([r.alpha, r.change]).toEqual([0, 0]);
    }
    expect(agent.q[RIGHT]).toBe(0.1);
    const r = algorithmStep(agent, 'monte-carlo');
    expect([r.state, r.tdTarget, r.alpha]).toEqual([2, 1, 0.5]);
    expect(agent.q[8 + RIGHT]).toBeCloseTo(0.55, 15);
    expect(agent.q[4 + RIGHT]).toBeCloseTo(0.1 + 0.5 * (0.9 - 0.1), 15);
    expect(agent.q[RIGHT]).toBeCloseTo(0.1 + 0.5 * (0.81 - 0.1), 15);
    expect(agent.memory.lastReturn).toBeCloseTo(0.81, 15);
    expect(agent.memory.lastReturnUpdates).toBe(3);
  });

  it('every visit moves Q(S, Left) three times toward G = 0 (0.2 → 0.025); first visit once (0.1)', () => {
    // S F G with a time limit of 3: Left bumps the wall three times, no reward.
    const run = (firstVisit: boolean) => {
      const env = createEnv({ map: ['SFG'], isSlippery: false, maxSteps: 3 });
      const agent = createAgent(env, fixed(0, { alpha: 0.5, gamma: 0.9 }), 0, { firstVisit });
      agent.q[LEFT] = 0.2;
      runAlgorithmEpisodes(agent, 'monte-carlo', 1);
      return agent;
    };
    const every = run(false);
    expect(every.q[LEFT]).toBeCloseTo(0.025, 15);
    expect(every.memory.returnCounts[LEFT]).toBe(3);
    const first = run(true);
    expect(first.q[LEFT]).toBeCloseTo(0.1, 15);
    expect(first.memory.returnCounts[LEFT]).toBe(1);
  });

  it('with α = 1/N every Q is the plain mean of its returns (first visit, slippery 4x4)', () => {
    const agent = createAgent(createEnv(), { epsilon: 1, epsilonDecay: 0 }, 2, {
      alphaSchedule: 'visits',
      firstVisit: true,
    });
    runAlgorithmEpisodes(agent, 'monte-carlo', 400);
    const counts = agent.memory.returnCounts;
    for (let p = 0; p < counts.length; p++) if (counts[p] === 0) expect(agent.q[p]).toBe(0);
    // Each return lies in [0, 1]: so does every mean.
    expect(agent.q.every((x) => x >= 0 && x <= 1)).toBe(true);
    expect(agent.memory.episodeLength).toBe(0);
  });
});

describe('Monte Carlo estimates Q^π: the uniform random policy on slippery 4x4', () => {
  it('first visit with α = 1/N: each Q within 4 standard errors of the exact Q^π (50,000 episodes)', () => {
    const env = createEnv();
    const gamma = 0.99;
    // Exact Q^π of π(a | s) = 1/4 over the 100-step horizon: 100 Bellman expectation backups
    // Q(s, a) = Σ p·(r + γ·[¬terminated]·V(s′)), V(s) = mean_a Q(s, a), from 0.
    let v = new Float64Array(env.nS);
    const q = new Float64Array(env.nS * 4);
    for (let k = 0; k < env.maxSteps; k++) {
      q.fill(0);
      for (let s = 0; s < env.nS; s++)
        for (let a = 0; a < 4; a++)
          for (const [p, ns, r, done] of env.P[s]![a]!)
            q[s * 4 + a]! += p * (r + (done ? 0 : gamma * v[ns]!));
      v = Float64Array.from(
        { length: env.nS },
        (_, s) => (q[s * 4]! + q[s * 4 + 1]! + q[s * 4 + 2]! + q[s * 4 + 3]!) / 4,
      );
    }
    const random = { epsilon: 1, epsilonDecay: 0, minEpsilon: 1, gamma };
    const agent = createAgent(env, random, 0, { alphaSchedule: 'visits', firstVisit: true });
    runAlgorithmEpisodes(agent, 'monte-carlo', 50_000);
    const n = agent.memory.returnCounts;
    for (let p = 0; p < q.length; p++) {
      if (env.terminal[p >> 2]) continue;
      // Returns lie in [0, 1], so their variance is at most Q(1 − Q); the mean of N of them has
      // standard error at most √(Q(1 − Q)/N). The 0.002 allows for returns cut short by the time
      // limit when the pair is first visited late in an episode.
      expect(n[p]).toBeGreaterThan(500);
      const standardError = Math.sqrt((q[p]! * (1 - q[p]!)) / n[p]!);
      expect(Math.abs(agent.q[p]! - q[p]!)).toBeLessThan(4 * standardError + 0.002);
    }
  });
});
