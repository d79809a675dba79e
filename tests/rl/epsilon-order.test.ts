import { describe, expect, it } from 'vitest';
import { createAgent, type QAgent } from '../../src/rl/agent';
import { ALGORITHMS } from '../../src/rl/algorithms/registry';
import { createEnv } from '../../src/rl/env';
import { runSteps } from '../../src/rl/fast-loop';
import type { QParams } from '../../src/rl/params';
import { runAlgorithmSteps } from '../../src/rl/readable-loop';
import { decodeTrajectory } from '../../src/rl/trajectory';

/** Every loop that moves an agent one step at a time: the fast one and the general one per algorithm. */
const LOOPS: [string, (agent: QAgent, steps: number) => number][] = [
  ['the fast loop', (agent, steps) => runSteps(agent, steps)],
  ...ALGORITHMS.map((name): [string, (agent: QAgent, steps: number) => number] => [
    `the general loop (${name})`,
    (agent, steps) => runAlgorithmSteps(agent, name, steps),
  ]),
  [
    'the general loop (Q-learning, random ties)',
    (agent, steps) => runAlgorithmSteps(agent, 'q-learning', steps),
  ],
];

/**
 * 8x8 ice with no hole that does not slip: 61 steps from the start stay in episode 0 (greedy at
 * Q = 0 is Left, against the wall; under random ties a walk of 61 steps from this seed does not
 * reach the far corner, which `agent.episode` checks).
 */
const NO_HOLES = ['SFFFFFFF', ...Array<string>(6).fill('FFFFFFFF'), 'FFFFFFFG'];

function agentFor(name: string, params: Partial<QParams>): QAgent {
  const tieBreak = name.includes('random ties') ? 'random' : 'first';
  return createAgent(createEnv({ map: NO_HOLES, isSlippery: false }), { ...params, tieBreak }, 3);
}

describe('ε decays after the ε-greedy draw, not before (the lesson: choose, step, then decay)', () => {
  it.each(LOOPS)('%s: ε 1 decaying by 1 explores on the first step, never after', (name, run) => {
    // With ε = 1 the first draw u < 1 always explores; its decay makes every later ε 0 (greedy).
    // Decaying first would choose the first action with ε = 0: greedy, not explored.
    const agent = agentFor(name, { epsilon: 1, epsilonDecay: 1, minEpsilon: 0 });
    run(agent, 1);
    expect(agent.last.explored).toBe(true);
    expect(agent.last.epsilon).toBe(1);
    expect(agent.last.epsilonAfter).toBe(0);
    run(agent, 60);
    expect(agent.episode).toBe(0);
    const explored = Array.from(decodeTrajectory(agent.env, agent.current).explored);
    expect(explored).toEqual([1, ...Array<number>(60).fill(0)]);
    expect(agent.epsilon).toBe(0);
  });

  it.each(LOOPS)('%s: step k chooses with ε_k = max(min ε, ε₀ − (k − 1)·decay)', (name, run) => {
    const params = { epsilon: 0.6, epsilonDecay: 0.2, minEpsilon: 0.1 };
    const agent = agentFor(name, params);
    let epsilon = params.epsilon; // ε of step 1
    for (let k = 1; k <= 5; k++) {
      run(agent, 1);
      const after = Math.max(params.minEpsilon, epsilon - params.epsilonDecay);
      expect([agent.last.epsilon, agent.last.epsilonAfter, agent.epsilon]).toEqual([
        epsilon,
        after,
        after,
      ]);
      epsilon = after;
    }
    // Worked numbers: 0.6, 0.4, 0.2, 0.1, 0.1 (up to the doubles' rounding of 0.6 − 0.2).
    expect(epsilon).toBe(0.1);
  });
});
