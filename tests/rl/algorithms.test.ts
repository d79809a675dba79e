import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/rl/agent';
import type { AlgorithmDefinition } from '../../src/rl/algorithms/definition';
import { Q_LEARNING } from '../../src/rl/algorithms/q-learning';
import {
  ALGORITHM_LABELS,
  ALGORITHM_REGISTRY,
  ALGORITHMS,
  BOOTSTRAP_FORMULAS,
  algorithmDefinition,
  isAlgorithm,
} from '../../src/rl/algorithms/registry';
import { createEnv } from '../../src/rl/env';
import { runEpisodes } from '../../src/rl/fast-loop';
import { algorithmStep, runAlgorithmEpisodes } from '../../src/rl/readable-loop';
import { stateValue } from '../../src/rl/tables';
import { createRng } from '../../src/rl/rng';
import { train } from '../../src/rl/training';
import { fixed, RIGHT, sameBits, sfgAgent } from './agent-fixtures';

/**
 * A definition that is not in the registry, as issue 17's algorithms will be written: a
 * pessimist that bootstraps from the worst action, min_a′ Q(s′, a′) (0 past a hole or the goal).
 */
const MIN_Q: AlgorithmDefinition<'min-q'> = {
  name: 'min-q',
  label: 'Pessimistic Q',
  policy: 'off-policy',
  extraState: 'none',
  bootstrapFormula: 'min_a′ Q(s′, a′)',
  bootstrap: ({ q, nextState, terminated }) =>
    terminated ? 0 : Math.min(...q.subarray(nextState * 4, nextState * 4 + 4)),
};

/** The lesson's three, then issue 17's five. */
const ALL_NAMES = [
  'q-learning',
  'sarsa',
  'expected-sarsa',
  'double-q-learning',
  'sarsa-lambda',
  'q-lambda',
  'dyna-q',
  'monte-carlo',
];

describe('the algorithm registry', () => {
  it('lists Q-learning, SARSA and Expected SARSA, each under its own name', () => {
    expect(ALGORITHMS).toEqual(ALL_NAMES);
    for (const d of ALGORITHM_REGISTRY) {
      expect(algorithmDefinition(d.name)).toBe(d);
      expect(isAlgorithm(d.name)).toBe(true);
      expect(ALGORITHM_LABELS[d.name]).toBe(d.label);
      expect(BOOTSTRAP_FORMULAS[d.name]).toBe(d.bootstrapFormula);
    }
    expect(isAlgorithm('min-q')).toBe(false);
    expect(isAlgorithm(undefined)).toBe(false);
  });

  it('says which learn off-policy and which carry their next action', () => {
    const kinds = ALGORITHM_REGISTRY.map((d) => [d.name, d.policy, d.extraState]);
    expect(kinds).toEqual([
      ['q-learning', 'off-policy', 'none'],
      ['sarsa', 'on-policy', 'next-action'],
      ['expected-sarsa', 'on-policy', 'none'],
      ['double-q-learning', 'off-policy', 'none'],
      ['sarsa-lambda', 'on-policy', 'next-action'],
      ['q-lambda', 'off-policy', 'next-action'],
      ['dyna-q', 'off-policy', 'none'],
      ['monte-carlo', 'on-policy', 'none'],
    ]);
  });
});

describe('a new definition runs through the general loop unchanged', () => {
  it('one step by hand: Q(S, Right) 0.3 → 0.3 + 0.5·(0 + 0.9·min Q(F) − 0.3) = 0.195', () => {
    const env = createEnv({ map: ['SFG'], isSlippery: false });
    const agent = createAgent(env, { alpha: 0.5, gamma: 0.9, epsilon: 0, epsilonDecay: 0 }, 0);
    agent.q[RIGHT] = 0.3;
    agent.q.set([0.1, 0.4, 0.5, 0.2], 4);
    const r = algorithmStep(agent, MIN_Q);
    expect([r.state, r.action, r.nextState, r.reward]).toEqual([0, RIGHT, 1, 0]);
    expect(r.bootstrap).toBe(0.1);
    expect(r.tdTarget).toBeCloseTo(0.09, 15);
    expect(r.tdError).toBeCloseTo(-0.21, 15);
    expect(agent.q[RIGHT]).toBeCloseTo(0.195, 15);
    expect(r.qAfter).toBe(agent.q[RIGHT]);
  });

  it('keeps the books every loop keeps: the log, visits and step counts add up', () => {
    const agent = createAgent(createEnv(), {}, 4);
    runAlgorithmEpisodes(agent, MIN_Q, 300);
    let logged = 0;
    for (let e = 0; e < 300; e++) logged += agent.log.lengths[e]!;
    expect(agent.episode).toBe(300);
    expect(logged).toBe(agent.totalSteps);
    expect(agent.visits.reduce((a, b) => a + b, 0)).toBe(agent.totalSteps);
    expect(agent.q.every((x) => x >= 0 && x <= 1)).toBe(true);
  });

  it('reads nothing but the definition: a renamed copy of Q-learning gives the fast loop’s run', () => {
    const copy: AlgorithmDefinition<'copy'> = {
      ...Q_LEARNING,
      name: 'copy',
      bootstrap: ({ q, nextState }) => stateValue(q, nextState),
    };
    const env = createEnv();
    const readable = createAgent(env, {}, 9);
    const fast = createAgent(env, {}, 9);
    runAlgorithmEpisodes(readable, copy, 2000);
    runEpisodes(fast, 2000);
    expect(sameBits(readable.q, fast.q)).toBe(true);
    expect(readable.last).toEqual(fast.last);
  });
});

describe('isAlgorithm and ALGORITHMS', () => {
  it('knows the three names and nothing else', () => {
    expect(ALGORITHMS).toEqual(ALL_NAMES);
    for (const a of ALGORITHMS) expect(isAlgorithm(a)).toBe(true);
    for (const x of ['Sarsa', 'qlearning', '', 3, undefined]) expect(isAlgorithm(x)).toBe(false);
  });
});

describe('ε = 0: SARSA and Expected SARSA bootstrap from the greedy action, as Q-learning does', () => {
  it('SARSA’s td_target equals Q-learning’s from every state of 4x4 deterministic, random Q', () => {
    const env = createEnv({ isSlippery: false });
    const rng = createRng(11);
    for (let trial = 0; trial < 20; trial++) {
      // Random Q on the states an update can write; terminal rows stay 0, as training keeps them.
      const q = Float64Array.from({ length: env.nS * 4 }, (_, i) =>
        env.terminal[i >> 2] ? 0 : rng.uniform(),
      );
      for (let s = 0; s < env.nS; s++) {
        if (env.terminal[s]) continue;
        const records = (['q-learning', 'sarsa'] as const).map((alg) => {
          const agent = createAgent(env, fixed(0), trial);
          agent.q.set(q);
          agent.state = s;
          return algorithmStep(agent, alg);
        });
        expect(records[1]!.tdTarget).toBe(records[0]!.tdTarget);
        expect(records[1]!.qAfter).toBe(records[0]!.qAfter);
      }
    }
  });

  it('SARSA = Q-learning bit for bit over 200 episodes of S F G steered right', () => {
    const runs = (['q-learning', 'sarsa'] as const).map((alg) => {
      const agent = sfgAgent(fixed(0), 9, 0.01, [0, 0, 0.01, 0]);
      runAlgorithmEpisodes(agent, alg, 200);
      return agent;
    });
    expect(runs[0]!.q[RIGHT]).toBeGreaterThan(0.9);
    expect(sameBits(runs[1]!.q, runs[0]!.q)).toBe(true);
    expect(Array.from(runs[1]!.rng)).toEqual(Array.from(runs[0]!.rng));
  });

  for (const tieBreak of ['first', 'random'] as const) {
    it(`Expected SARSA = Q-learning bit for bit (${tieBreak} ties, slippery 4x4, from a half-trained Q)`, () => {
      const env = createEnv();
      const warm = train(env, { tieBreak }, 21, 2000);
      const runs = (['q-learning', 'expected-sarsa'] as const).map((alg) => {
        const agent = createAgent(env, fixed(0, { tieBreak }), 5);
        agent.q.set(warm.q);
        runAlgorithmEpisodes(agent, alg, 2000);
        return agent;
      });
      expect(sameBits(runs[1]!.q, runs[0]!.q)).toBe(true);
      expect(Array.from(runs[1]!.rng)).toEqual(Array.from(runs[0]!.rng));
      expect(runs[1]!.totalSteps).toBe(runs[0]!.totalSteps);
    });
  }
});
