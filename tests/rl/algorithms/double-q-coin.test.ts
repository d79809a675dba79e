/**
 * Double Q-learning's coin on its boundary: u < 0.5 is heads (update Q₁, valued by Q₂), so a draw
 * of exactly 0.5 is tails. At s′ = F of S F G, Q₁(F, ·) = [0, 0.2, 0.1, 0] (greedy Down) and
 * Q₂(F, ·) = [0.5, 0.3, 0.7, 0] (greedy Right).
 */
import { describe, expect, it } from 'vitest';
import { createAgent } from '../../../src/rl/agent';
import type { BootstrapInput } from '../../../src/rl/algorithms/definition';
import { DOUBLE_Q_LEARNING } from '../../../src/rl/algorithms/double-q-learning';
import { createEnv } from '../../../src/rl/env';
import { UINT32_TO_UNIT } from '../../../src/rl/rng';
import { rngDrawing } from '../rng-drawing';

function coinInput(u: number): BootstrapInput {
  const agent = createAgent(createEnv({ map: ['SFG'], isSlippery: false }), {}, 0);
  agent.memory.tables[0].set([0, 0.2, 0.1, 0], 4);
  agent.memory.tables[1].set([0.5, 0.3, 0.7, 0], 4);
  return {
    q: agent.q,
    rng: rngDrawing(u),
    tieBreak: 'first',
    nextState: 1,
    terminated: false,
    epsilonNext: 0,
    nextAction: agent.nextAction,
    visits: agent.visits,
    options: agent.options,
    memory: agent.memory,
  };
}

describe('Double Q-learning’s coin', () => {
  it('just below 0.5: heads, Q₁ updated, bootstrap Q₂(F, argmax Q₁(F, ·)) = Q₂(F, Down) = 0.3', () => {
    const input = coinInput(0.5 - UINT32_TO_UNIT);
    expect(DOUBLE_Q_LEARNING.bootstrap(input)).toBe(0.3);
    expect(input.memory.lastTable).toBe(0);
  });

  it('exactly 0.5: tails, Q₂ updated, bootstrap Q₁(F, argmax Q₂(F, ·)) = Q₁(F, Right) = 0.1', () => {
    const input = coinInput(0.5);
    expect(DOUBLE_Q_LEARNING.bootstrap(input)).toBe(0.1);
    expect(input.memory.lastTable).toBe(1);
  });
});
