import { describe, expect, it } from 'vitest';
import { algorithmStep } from '../../../src/rl/readable-loop';
import { nextUint32, nextUniform } from '../../../src/rl/rng';
import { fixed, LEFT, RIGHT, seedWhere, sfgAgent, UP } from '../agent-fixtures';

describe('one SARSA update, worked by hand on S F G (deterministic, α 0.5, γ 0.9)', () => {
  // Q(S, Right) = 0.3; Q(F, ·) = [0.1, 0, 0.5, 0.2].
  const QF = [0.1, 0, 0.5, 0.2];
  const HAND = { alpha: 0.5, gamma: 0.9 };

  it('ε = 0: a′ = Right, the greedy action; td_target = 0 + 0.9·Q(F, Right) = 0.45 (as Q-learning)', () => {
    const agent = sfgAgent(fixed(0, HAND), 0, 0.3, QF);
    const r = algorithmStep(agent, 'sarsa');
    expect([r.state, r.action, r.nextState, r.reward]).toEqual([0, RIGHT, 1, 0]);
    expect(agent.bootstrapAction).toBe(RIGHT);
    expect(r.bootstrap).toBe(0.5);
    expect(r.tdTarget).toBe(0 + 0.9 * 0.5);
    expect(r.tdError).toBe(0.9 * 0.5 - 0.3);
    expect(r.qAfter).toBeCloseTo(0.375, 15);
    expect(agent.q[RIGHT]).toBe(r.qAfter);
  });

  it('ε = 1 with a′ = Up explored: td_target = 0.9·0.2 = 0.18, td_error −0.12, Q(S, Right) 0.3 → 0.24', () => {
    // Draws: choose at S (u < 1, then uint32 → Right), the environment (u), choose a′ at F
    // (u < 1, then uint32 → Up).
    const seed = seedWhere((g) => {
      nextUniform(g);
      if (nextUint32(g) >>> 30 !== RIGHT) return false;
      nextUniform(g);
      nextUniform(g);
      return nextUint32(g) >>> 30 === UP;
    });
    const agent = sfgAgent(fixed(1, HAND), seed, 0.3, QF);
    const r = algorithmStep(agent, 'sarsa');
    expect([r.action, r.explored, r.nextState]).toEqual([RIGHT, true, 1]);
    expect(agent.bootstrapAction).toBe(UP);
    expect(r.bootstrap).toBe(0.2);
    expect(r.tdTarget).toBeCloseTo(0.18, 15);
    expect(r.tdError).toBeCloseTo(-0.12, 15);
    expect(r.qAfter).toBeCloseTo(0.24, 15);
    // Q-learning would have moved it up, to 0.375: SARSA learns the exploring policy's value.
    expect(r.qAfter).toBeLessThan(0.375);
  });

  it('the next step takes a′, explored flag and all, without a new choice', () => {
    const seed = seedWhere((g) => {
      nextUniform(g);
      if (nextUint32(g) >>> 30 !== RIGHT) return false;
      nextUniform(g);
      nextUniform(g);
      return nextUint32(g) >>> 30 === LEFT;
    });
    const agent = sfgAgent(fixed(1, HAND), seed, 0.3, QF);
    algorithmStep(agent, 'sarsa');
    expect(agent.nextAction).toMatchObject({ action: LEFT, explored: true, atStep: 1 });
    const rngBefore = agent.rng.slice();
    const r = algorithmStep(agent, 'sarsa');
    expect([r.state, r.action, r.explored, r.nextState]).toEqual([1, LEFT, true, 0]);
    // This step drew the environment's uniform, then a′ at S: no choice of its own first.
    nextUniform(rngBefore);
    const eps = nextUniform(rngBefore); // a′'s ε test (< 1: explores)
    expect(eps).toBeLessThan(1);
    expect(agent.bootstrapAction).toBe(nextUint32(rngBefore) >>> 30);
    expect(Array.from(agent.rng)).toEqual(Array.from(rngBefore));
  });

  it('a′ is chosen with ε′, the ε after this step’s decay: ε 1 → 0 makes a′ greedy', () => {
    const seed = seedWhere((g) => {
      nextUniform(g);
      return nextUint32(g) >>> 30 === RIGHT;
    });
    const agent = sfgAgent({ epsilon: 1, epsilonDecay: 1, minEpsilon: 0, ...HAND }, seed, 0.3, QF);
    const r = algorithmStep(agent, 'sarsa');
    expect([r.action, r.explored, r.epsilon, r.epsilonAfter]).toEqual([RIGHT, true, 1, 0]);
    expect(agent.nextAction).toMatchObject({ action: RIGHT, explored: false, epsilon: 0 });
    expect(r.tdTarget).toBe(0.9 * 0.5);
  });

  it('F → G: the continuation past a terminal state is 0 (even if Q(G, ·) were not), and no a′ is drawn', () => {
    const agent = sfgAgent(fixed(0, HAND), 0, 0.3, QF);
    agent.q.set([0.5, 0.5, 0.5, 0.5], 2 * 4); // set by hand; training never writes a terminal row
    algorithmStep(agent, 'sarsa');
    const rngBefore = agent.rng.slice();
    const r = algorithmStep(agent, 'sarsa');
    expect([r.state, r.action, r.nextState, r.reward, r.terminated]).toEqual([
      1,
      RIGHT,
      2,
      1,
      true,
    ]);
    expect(r.bootstrap).toBe(0);
    expect(r.tdTarget).toBe(1);
    expect(r.tdError).toBe(0.5);
    expect(r.qAfter).toBe(0.75);
    expect(agent.bootstrapAction).toBe(-1);
    nextUniform(rngBefore); // only the environment's draw
    expect(Array.from(agent.rng)).toEqual(Array.from(rngBefore));
    // The next episode chooses afresh at S.
    expect(agent.nextAction.atStep).toBe(-1);
    expect([agent.state, agent.episode]).toEqual([0, 1]);
  });
});
