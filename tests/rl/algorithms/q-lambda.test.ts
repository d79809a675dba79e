import { describe, expect, it } from 'vitest';
import { algorithmStep } from '../../../src/rl/readable-loop';
import { nextUint32, nextUniform } from '../../../src/rl/rng';
import { LEFT, RIGHT, seedWhere } from '../agent-fixtures';
import { corridorAgent } from './chain-fixture';

/** A seed whose first action is Right and whose a′ at F is `next`, both explored (ε 1). */
const seedFor = (next: number) =>
  seedWhere((g) => {
    nextUniform(g);
    if (nextUint32(g) >>> 30 !== RIGHT) return false;
    nextUniform(g); // the environment
    nextUniform(g);
    return nextUint32(g) >>> 30 === next;
  });

describe('Watkins’s Q(λ) along S F F G (α 0.5, γ 0.9, λ 0.8)', () => {
  it('greedy all the way: the same numbers as SARSA(λ), Q(S, Right) = 0.0914 + 0.45·0.5184', () => {
    const agent = corridorAgent({ lambda: 0.8 });
    for (let k = 0; k < 3; k++) algorithmStep(agent, 'q-lambda');
    expect(agent.q[RIGHT]).toBeCloseTo(0.0914 + 0.45 * 0.5184, 15);
    expect(agent.q[8 + RIGHT]).toBeCloseTo(0.55, 15);
  });

  it('an exploratory a′ (Left at F, Q 0 < max 0.1) cuts every trace after the update', () => {
    const agent = corridorAgent({ lambda: 0.8 }, { epsilon: 1 }, seedFor(LEFT));
    const r = algorithmStep(agent, 'q-lambda');
    // The target is still max_a′ Q(F, a′) = 0.1: δ = 0.09 − 0.1, Q(S, Right) 0.095.
    expect([r.action, r.bootstrap]).toEqual([RIGHT, 0.1]);
    expect(agent.q[RIGHT]).toBeCloseTo(0.095, 15);
    expect(agent.nextAction.action).toBe(LEFT);
    expect(agent.memory.cutTraces).toBe(true);
    expect(agent.memory.traces.every((e) => e === 0)).toBe(true);
  });

  it('an explored a′ that happens to be greedy (Right) keeps the trace: e(S, Right) = 0.72', () => {
    const agent = corridorAgent({ lambda: 0.8 }, { epsilon: 1 }, seedFor(RIGHT));
    algorithmStep(agent, 'q-lambda');
    expect(agent.memory.cutTraces).toBe(false);
    expect(agent.memory.traces[RIGHT]).toBeCloseTo(0.72, 15);
  });
});
