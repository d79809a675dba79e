/**
 * Monte Carlo's first visit against every visit when a pair's visits have different returns, and
 * the record's α under α = 1/N, on S F F G (α 0.5, γ 0.9, Q(s, Right) = 0.1 on S, F, F).
 */
import { describe, expect, it } from 'vitest';
import { MONTE_CARLO } from '../../../src/rl/algorithms/monte-carlo';
import { algorithmStep } from '../../../src/rl/readable-loop';
import { LEFT, RIGHT } from '../agent-fixtures';
import { corridorAgent } from './chain-fixture';
import { learnStep, type HandStep } from './learn-step';

/**
 * Left into the wall twice at S, then Right three times to G: G_t = 0.9^(4 − t), so the two
 * visits of (S, Left) have returns G₀ = 0.6561 and G₁ = 0.729.
 */
const EPISODE: readonly HandStep[] = [
  { state: 0, action: LEFT, reward: 0, nextState: 0 },
  { state: 0, action: LEFT, reward: 0, nextState: 0 },
  { state: 0, action: RIGHT, reward: 0, nextState: 1 },
  { state: 1, action: RIGHT, reward: 0, nextState: 2 },
  { state: 2, action: RIGHT, reward: 1, nextState: 3, ended: true },
];

function learnEpisode(firstVisit: boolean) {
  const agent = corridorAgent({ firstVisit });
  for (const step of EPISODE) MONTE_CARLO.learn!(learnStep(agent, step));
  return agent;
}

describe('Monte Carlo, a pair visited twice in one episode', () => {
  it('first visit: Q(S, Left) moves once, toward G₀: 0 + 0.5·0.6561 = 0.32805', () => {
    const agent = learnEpisode(true);
    expect(agent.q[LEFT]).toBeCloseTo(0.32805, 15);
    expect(agent.memory.returnCounts[LEFT]).toBe(1);
    expect(agent.q[RIGHT]).toBeCloseTo(0.1 + 0.5 * (0.81 - 0.1), 15);
    expect(agent.memory.lastReturn).toBeCloseTo(0.6561, 15);
    expect(agent.memory.lastReturnUpdates).toBe(4);
  });

  it('every visit: toward G₁ = 0.729, then G₀: 0.3645, then 0.3645 + 0.5·(0.6561 − 0.3645)', () => {
    const agent = learnEpisode(false);
    expect(agent.q[LEFT]).toBeCloseTo(0.3645 + 0.5 * (0.6561 - 0.3645), 15);
    expect(agent.memory.returnCounts[LEFT]).toBe(2);
    expect(agent.memory.lastReturnUpdates).toBe(5);
  });

  it('the episode’s end forgets its first visits, so the next episode counts afresh', () => {
    const agent = learnEpisode(true);
    expect(agent.memory.firstVisitAt.every((t) => t === -1)).toBe(true);
    expect(agent.memory.episodeLength).toBe(0);
    for (const step of EPISODE) MONTE_CARLO.learn!(learnStep(agent, step));
    // Again one update of (S, Left) toward G₀: 0.32805 + 0.5·(0.6561 − 0.32805).
    expect(agent.memory.returnCounts[LEFT]).toBe(2);
    expect(agent.q[LEFT]).toBeCloseTo(0.32805 + 0.5 * (0.6561 - 0.32805), 15);
  });
});

describe('Monte Carlo’s record under α = 1/N', () => {
  it('shows the last step’s own α (its pair’s first return: 1), not an earlier pair’s (1/2)', () => {
    const agent = corridorAgent({ alphaSchedule: 'visits' });
    agent.memory.returnCounts[RIGHT] = 1; // (S, Right) averaged one return before
    algorithmStep(agent, 'monte-carlo');
    algorithmStep(agent, 'monte-carlo');
    const r = algorithmStep(agent, 'monte-carlo');
    expect([r.state, r.alpha, r.tdTarget]).toEqual([2, 1, 1]);
    expect(agent.q[8 + RIGHT]).toBe(1);
    // (S, Right): its second return 0.81 with α 1/2.
    expect(agent.q[RIGHT]).toBeCloseTo(0.1 + 0.5 * (0.81 - 0.1), 15);
  });
});
