/**
 * Watkins's Q(λ): whether a′ is greedy is read at s′'s own row, and past the goal no a′ is drawn
 * (the generator stands where SARSA(λ)'s does). S F F G, γ 0.9, λ 0.9, ε 0.
 */
import { describe, expect, it } from 'vitest';
import { algorithmStep } from '../../../src/rl/readable-loop';
import { RIGHT } from '../agent-fixtures';
import { corridorAgent } from './chain-fixture';

describe('Q(λ) traces', () => {
  it('a greedy a′ (Right at F, Q(F, Right) 0.2 = max) keeps e(S, Right) = γλ = 0.81', () => {
    // Q(S, Right) 0.1 < 0.2: a rule reading S's row for a′ would call Right at F exploratory.
    const agent = corridorAgent({});
    agent.q[4 + RIGHT] = 0.2;
    agent.q[8 + RIGHT] = 0.3;
    algorithmStep(agent, 'q-lambda');
    expect(agent.nextAction.action).toBe(RIGHT);
    expect(agent.memory.cutTraces).toBe(false);
    expect(agent.memory.traces[RIGHT]).toBeCloseTo(0.81, 15);
  });

  it('draws no a′ past the goal: after S F F G its generator and Q match SARSA(λ)’s', () => {
    const q = corridorAgent({}, {}, 5);
    const sarsa = corridorAgent({}, {}, 5);
    for (let k = 0; k < 3; k++) {
      algorithmStep(q, 'q-lambda');
      algorithmStep(sarsa, 'sarsa-lambda');
    }
    expect(q.episode).toBe(1);
    expect(Array.from(q.rng)).toEqual(Array.from(sarsa.rng));
    expect(Array.from(q.q)).toEqual(Array.from(sarsa.q));
  });
});
