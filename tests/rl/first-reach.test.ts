import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/rl/agent';
import { createEnv } from '../../src/rl/env';
import { evaluateGreedy } from '../../src/rl/evaluation';
import { trainUntilReach } from '../../src/rl/first-reach';
import { trainAlgorithm } from '../../src/rl/training';

describe('trainUntilReach', () => {
  const env = createEnv();

  it('reports the first episode whose greedy policy passes 0.70, checked against fresh runs', () => {
    const agent = createAgent(env, {}, 0);
    const reach = trainUntilReach(agent, 'q-learning', 3000, 0.7);
    expect(reach.episodes).not.toBeNull();
    const at = trainAlgorithm(env, 'q-learning', {}, 0, reach.episodes!);
    expect(at.totalSteps).toBe(reach.steps);
    expect(evaluateGreedy(env, at.q).successProbability).toBeGreaterThanOrEqual(0.7);
    // No earlier episode end passed it.
    for (let e = 0; e < reach.episodes!; e += 1)
      if (e % 97 === 0 || e === reach.episodes! - 1)
        expect(
          evaluateGreedy(env, trainAlgorithm(env, 'q-learning', {}, 0, e).q).successProbability,
        ).toBeLessThan(0.7);
    // Training went on to the end, and the same run as one call gives the same Q.
    expect(agent.episode).toBe(3000);
    expect(agent.q).toEqual(trainAlgorithm(env, 'q-learning', {}, 0, 3000).q);
    expect(reach.finalSuccess).toBe(evaluateGreedy(env, agent.q).successProbability);
  });

  it('a bar no policy reaches gives nulls; a bar of 0 is reached at the start', () => {
    const never = trainUntilReach(createAgent(env, {}, 1), 'sarsa', 50, 0.75);
    expect([never.steps, never.episodes]).toEqual([null, null]);
    expect(trainUntilReach(createAgent(env, {}, 1), 'sarsa', 5, 0)).toMatchObject({
      steps: 0,
      episodes: 0,
    });
  });
});
