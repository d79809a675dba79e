/**
 * Which loop `runAlgorithm` and `trainAlgorithm` take: the fast loop (whose tables it builds on
 * the agent) only for Q-learning acting as the lesson does; the readable loop, with the
 * algorithm's own rule and the learner's options, for everything else. Short runs, so they run
 * in the mutation runs too (`training.test.ts` trains for seconds and is left out).
 */
import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/rl/agent';
import { createEnv } from '../../src/rl/env';
import type { LearnerOptions } from '../../src/rl/learner-values';
import { runAlgorithmEpisodes, runAlgorithmSteps } from '../../src/rl/readable-loop';
import { runAlgorithm, trainAlgorithm } from '../../src/rl/training';

const env = createEnv();
const SEED = 4;
const PARAMS = { epsilonDecay: 0.001 };

/** A fresh agent of the tests' settings. */
const fresh = (options: Partial<LearnerOptions> = {}) => createAgent(env, PARAMS, SEED, options);

describe('runAlgorithm', () => {
  it('runs the lesson’s Q-learning on the fast loop, which builds its tables on the agent', () => {
    const agent = fresh();
    expect(runAlgorithm(agent, 'q-learning', 500)).toBe(500);
    expect(agent.fastTables).not.toBeNull();
  });

  it('runs SARSA on the readable loop, step for step as runAlgorithmSteps', () => {
    const agent = fresh();
    const reference = fresh();
    runAlgorithm(agent, 'sarsa', 2_000);
    runAlgorithmSteps(reference, 'sarsa', 2_000);
    expect(agent.fastTables).toBeNull();
    expect(Array.from(agent.q)).toEqual(Array.from(reference.q));
  });

  it('runs Q-learning with softmax exploration on the readable loop, which reads the option', () => {
    const agent = fresh({ exploration: 'softmax' });
    const reference = fresh({ exploration: 'softmax' });
    runAlgorithm(agent, 'q-learning', 2_000, 5);
    runAlgorithmSteps(reference, 'q-learning', 2_000, 5);
    expect(agent.fastTables).toBeNull();
    expect(Array.from(agent.q)).toEqual(Array.from(reference.q));
    expect(agent.episode).toBe(5);
  });
});

describe('trainAlgorithm', () => {
  it('trains the lesson’s Q-learning on the fast loop', () => {
    expect(trainAlgorithm(env, 'q-learning', PARAMS, SEED, 20).fastTables).not.toBeNull();
  });

  it('trains Expected SARSA on the readable loop, episode for episode as runAlgorithmEpisodes', () => {
    const trained = trainAlgorithm(env, 'expected-sarsa', PARAMS, SEED, 30);
    const reference = fresh();
    runAlgorithmEpisodes(reference, 'expected-sarsa', 30);
    expect(trained.fastTables).toBeNull();
    expect(Array.from(trained.q)).toEqual(Array.from(reference.q));
  });

  it('trains Q-learning with a 1/N step size on the readable loop', () => {
    const options = { alphaSchedule: 'visits' } as const;
    const trained = trainAlgorithm(env, 'q-learning', PARAMS, SEED, 30, options);
    const reference = fresh(options);
    runAlgorithmEpisodes(reference, 'q-learning', 30);
    expect(trained.fastTables).toBeNull();
    expect(Array.from(trained.q)).toEqual(Array.from(reference.q));
  });
});
