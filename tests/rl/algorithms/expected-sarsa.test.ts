import { describe, expect, it } from 'vitest';
import { expectedValue } from '../../../src/rl/policy';
import { algorithmStep } from '../../../src/rl/readable-loop';
import { createRngState, nextUniform } from '../../../src/rl/rng';
import { fixed, RIGHT, seedWhere, sfgAgent } from '../agent-fixtures';

describe('one Expected SARSA update, worked by hand on S F G (deterministic)', () => {
  /** A seed whose first ε test fails at `epsilon`, so the first action is greedy (Right). */
  const greedyFirst = (epsilon: number) => seedWhere((g) => nextUniform(g) >= epsilon);

  it('ε 0.2, γ 0.9, α 0.5, Q(F, ·) = [0, 0.5, 0.1, 0]: Σπ·Q = 0.43, td_target = 0.387', () => {
    const agent = sfgAgent(
      fixed(0.2, { alpha: 0.5, gamma: 0.9 }),
      greedyFirst(0.2),
      0.3,
      [0, 0.5, 0.1, 0],
    );
    const r = algorithmStep(agent, 'expected-sarsa');
    expect([r.action, r.explored, r.nextState]).toEqual([RIGHT, false, 1]);
    expect(r.bootstrap).toBeCloseTo(0.43, 15);
    expect(r.tdTarget).toBe(0 + 0.9 * expectedValue(agent.q, 1, 0.2));
    expect(r.tdTarget).toBeCloseTo(0.387, 15);
    expect(r.tdError).toBeCloseTo(0.087, 15);
    expect(r.qAfter).toBeCloseTo(0.3435, 15);
    expect(agent.bootstrapAction).toBe(-1);
  });

  it('in binary-exact numbers: ε 0.5, γ 0.5, α 0.5, Q(S, Right) 0.25, Q(F, ·) = [0, 0.5, 0.25, 0]', () => {
    // Σπ·Q = 0.125·0.75 + 0.5·0.5 = 0.34375; td_target = 0.5·0.34375 = 0.171875;
    // td_error = 0.171875 − 0.25 = −0.078125; Q ← 0.25 + 0.5·(−0.078125) = 0.2109375.
    const agent = sfgAgent(
      fixed(0.5, { alpha: 0.5, gamma: 0.5 }),
      greedyFirst(0.5),
      0.25,
      [0, 0.5, 0.25, 0],
    );
    const r = algorithmStep(agent, 'expected-sarsa');
    expect(r.bootstrap).toBe(0.34375);
    expect(r.discountedBootstrap).toBe(0.171875);
    expect(r.tdTarget).toBe(0.171875);
    expect(r.tdError).toBe(-0.078125);
    expect(r.qAfter).toBe(0.2109375);
    expect(agent.q[RIGHT]).toBe(0.2109375);
  });

  it('averages with ε′, after this step’s decay: ε 0.625 − 0.125 = 0.5 gives the same 0.34375', () => {
    const agent = sfgAgent(
      { epsilon: 0.625, epsilonDecay: 0.125, minEpsilon: 0, alpha: 0.5, gamma: 0.5 },
      greedyFirst(0.625),
      0.25,
      [0, 0.5, 0.25, 0],
    );
    const r = algorithmStep(agent, 'expected-sarsa');
    expect([r.epsilon, r.epsilonAfter]).toEqual([0.625, 0.5]);
    expect(r.bootstrap).toBe(0.34375);
    expect(r.bootstrap).not.toBe(expectedValue(agent.q, 1, 0.625));
  });

  it('draws exactly as Q-learning: one ε test, then the environment', () => {
    const seed = greedyFirst(0.2);
    const agent = sfgAgent(fixed(0.2), seed, 0.3, [0, 0.5, 0.1, 0]);
    algorithmStep(agent, 'expected-sarsa');
    const g = createRngState(seed);
    nextUniform(g);
    nextUniform(g);
    expect(Array.from(agent.rng)).toEqual(Array.from(g));
  });

  it('F → G: continuation 0 past the terminal state, where Q-learning reads Q(G, ·) (here 0.5 set by hand)', () => {
    // ε 0, γ 0.5, α 0.5, Q(F, ·) = [0, 0, 0.5, 0.25]: Right into G, reward 1,
    // td_target = 1 + 0.5·0 = 1, td_error = 0.5, Q(F, Right) 0.5 → 0.75.
    const agents = (['expected-sarsa', 'q-learning'] as const).map((alg) => {
      const agent = sfgAgent(fixed(0, { alpha: 0.5, gamma: 0.5 }), 0, 0.25, [0, 0, 0.5, 0.25]);
      agent.q.set([0.5, 0.5, 0.5, 0.5], 2 * 4);
      algorithmStep(agent, alg);
      return algorithmStep(agent, alg);
    });
    const [r, lesson] = agents;
    expect([r!.state, r!.action, r!.nextState, r!.reward, r!.terminated]).toEqual([
      1,
      RIGHT,
      2,
      1,
      true,
    ]);
    expect([r!.bootstrap, r!.tdTarget, r!.tdError, r!.qAfter]).toEqual([0, 1, 0.5, 0.75]);
    expect(lesson!.tdTarget).toBe(1 + 0.5 * 0.5);
  });
});
