/**
 * The trace update under α = 1/N(s, a): each traced pair moves by its own step size, the step's
 * pair by 1/(N + 1) (this visit counted), the others by 1/N; untraced pairs do not move at all
 * (an unvisited pair's 1/N is 1/0). SARSA(λ) on S F F G, γ 0.9, λ 0.9, replacing traces,
 * Q(s, Right) = 0.1 on S, F, F and ε 0.
 */
import { describe, expect, it } from 'vitest';
import { algorithmStep } from '../../src/rl/readable-loop';
import { RIGHT } from './agent-fixtures';
import { corridorAgent } from './algorithms/chain-fixture';

describe('SARSA(λ) traces with α = 1/N', () => {
  it('(S, Right), N 3 before: 0.1 → 0.0975 (α 1/4), then 0.0975 − (1/4)·0.01·0.81 = 0.095475', () => {
    const agent = corridorAgent({ alphaSchedule: 'visits' });
    agent.visits[RIGHT] = 3;
    // Step 1: δ = 0.9·0.1 − 0.1 = −0.01, α = 1/(3 + 1); e(S, Right) then decays to γλ = 0.81.
    const r1 = algorithmStep(agent, 'sarsa-lambda');
    expect(r1.alpha).toBe(0.25);
    expect(agent.q[RIGHT]).toBeCloseTo(0.0975, 15);
    expect(agent.memory.traces[RIGHT]).toBeCloseTo(0.81, 15);
    // Step 2 at F: δ = −0.01 again; (F, Right) first visit, α 1; (S, Right) by 1/4 of 0.81·δ.
    algorithmStep(agent, 'sarsa-lambda');
    expect(agent.q[4 + RIGHT]).toBeCloseTo(0.09, 15);
    expect(agent.q[RIGHT]).toBeCloseTo(0.095475, 15);
  });

  it('leaves every untraced pair where it was (no 1/0 step size reaches them)', () => {
    const agent = corridorAgent({ alphaSchedule: 'visits' });
    const before = agent.q.slice();
    algorithmStep(agent, 'sarsa-lambda');
    algorithmStep(agent, 'sarsa-lambda');
    agent.q.forEach((x, p) => {
      if (p !== RIGHT && p !== 4 + RIGHT) expect(x).toBe(before[p]);
    });
  });
});
