/**
 * The fast loop against the readable loop (`runAlgorithmSteps` with Q-learning), bit for bit,
 * over a few hundred steps on several maps, seeds and settings, each run cut into calls of random
 * sizes: Q, N, δ, the generator, ε, the position, the trajectories, the episode log, the greedy
 * set's age and the last step's record. Short on purpose: mutation testing runs the fast loop
 * instrumented, 30–100 times slower, and these few hundred steps still reach every branch
 * (exploring and greedy steps, each outcome, holes, the goal and the time limit).
 */
import { describe, expect, it } from 'vitest';
import { createAgent, type QAgent } from '../../src/rl/agent';
import { createEnv, type EnvOptions } from '../../src/rl/env';
import { runSteps } from '../../src/rl/fast-loop';
import type { LearnerOptions } from '../../src/rl/learner-values';
import type { QParams } from '../../src/rl/params';
import { runAlgorithmSteps } from '../../src/rl/readable-loop';
import { createRng } from '../../src/rl/rng';
import type { Trajectory } from '../../src/rl/trajectory';
import { DOWN, LEFT, UP } from './agent-fixtures';
import { rngDrawing } from './rng-drawing';

/** Steps each comparison runs. */
const STEPS = 300;

interface Case {
  name: string;
  env?: EnvOptions;
  params: Partial<QParams>;
  options?: Partial<LearnerOptions>;
}

const CASES: readonly Case[] = [
  { name: 'the lesson: 4x4 slippery, ε 1 decaying', params: { epsilonDecay: 0.002 } },
  {
    name: '8x8 slippery, ε 0.3, α 0.5, γ 0.95',
    env: { map: '8x8' },
    params: { epsilon: 0.3, epsilonDecay: 0, alpha: 0.5, gamma: 0.95 },
  },
  {
    name: 'a 3x3 maze without slipping, time limit 6, ε 0.5 → 0.1',
    env: { map: ['SFH', 'FFF', 'HFG'], isSlippery: false, maxSteps: 6 },
    params: { epsilon: 0.5, epsilonDecay: 0.05, minEpsilon: 0.1, alpha: 0.8, gamma: 0.9 },
  },
  {
    name: '4x4, success rate 0.6, a step cost and a hole penalty, Q₀ 0.5',
    env: { successRate: 0.6, rewardSchedule: [1, -1, -0.01] },
    params: { epsilon: 0.2, epsilonDecay: 0.001, minEpsilon: 0.05 },
    options: { initialQ: 0.5 },
  },
  {
    name: '4x4 without slipping, ε 0: greedy ties at Q = 0, time limit 10',
    env: { isSlippery: false, maxSteps: 10 },
    params: { epsilon: 0, epsilonDecay: 0, minEpsilon: 0, alpha: 1, gamma: 0.5 },
  },
];

function trajectory(t: Trajectory) {
  return { ...t, codes: Array.from(t.codes.subarray(0, t.length)) };
}

/** Everything of an agent a loop writes, as plain values. */
function books(agent: QAgent) {
  const n = Math.min(agent.episode, agent.log.returns.length);
  return {
    q: Array.from(agent.q),
    visits: Array.from(agent.visits),
    tdErrors: Array.from(agent.tdErrors),
    rng: Array.from(agent.rng),
    position: [agent.epsilon, agent.state, agent.t, agent.episode, agent.totalSteps],
    greedyStableSince: agent.greedyStableSince,
    current: trajectory(agent.current),
    previous: trajectory(agent.previous),
    last: { ...agent.last },
    log: [agent.log.returns, agent.log.lengths, agent.log.reachedGoal].map((a) =>
      Array.from(a.subarray(0, n)),
    ),
  };
}

describe.each(CASES)('fast loop = readable loop, $name', ({ env, params, options }) => {
  it.each([0, 1, 2])(`seed %i: ${STEPS} steps in calls of random sizes`, (seed) => {
    const fast = createAgent(createEnv(env ?? {}), params, seed, options);
    const readable = createAgent(createEnv(env ?? {}), params, seed, options);
    const sizes = createRng(seed + 99);
    let steps = 0;
    while (steps < STEPS) {
      const n = Math.min(1 + sizes.int(40), STEPS - steps);
      expect(runSteps(fast, n)).toBe(runAlgorithmSteps(readable, 'q-learning', n));
      expect(books(fast)).toEqual(books(readable));
      steps += n;
    }
    // The run went through episodes' ends, not only their middles.
    expect(fast.episode).toBeGreaterThan(0);
  });
});

describe('an environment draw exactly on a cumulative probability', () => {
  // Success rate 0.5 at the start of 4x4, Left (greedy at Q = 0, ε 0): Up 0.25, Left 0.5, Down
  // 0.25, cumulative 0.25, 0.75, 1 (exact in binary). The outcome is the first whose cumulative
  // probability exceeds u, so u = 0.25 moves Left and u = 0.75 moves Down; u = 0 moves Up.
  it.each([
    [0, UP],
    [0.25, LEFT],
    [0.75, DOWN],
  ])('u = %f moves %i, in both loops', (u, direction) => {
    const params = { epsilon: 0, epsilonDecay: 0, minEpsilon: 0 };
    const fast = createAgent(createEnv({ successRate: 0.5 }), params, rngDrawing(0.5, u));
    const readable = createAgent(createEnv({ successRate: 0.5 }), params, rngDrawing(0.5, u));
    runSteps(fast, 1);
    runAlgorithmSteps(readable, 'q-learning', 1);
    expect([fast.last.action, fast.last.direction]).toEqual([LEFT, direction]);
    expect(books(fast)).toEqual(books(readable));
  });
});
