/**
 * The snapshot's step facts agree with what the algorithm did: SARSA's a′ is the action the next
 * step takes, Double Q's bootstrap is the other table's value of the updated table's greedy
 * action, Expected SARSA's values before the update give its bootstrap, and Monte Carlo's
 * episode rewards discount to the return it used.
 */
import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/rl/agent';
import { createEnv } from '../../src/rl/env';
import { behaviourValue } from '../../src/rl/exploration';
import { runAlgorithmEpisodes, runAlgorithmSteps } from '../../src/rl/readable-loop';
import { learnerStepFacts } from '../../src/worker/last-update';

const env = createEnv({ map: '4x4' });

describe('learnerStepFacts', () => {
  it("SARSA's a′ is the next step's action", () => {
    const agent = createAgent(env, {}, 3);
    runAlgorithmSteps(agent, 'sarsa', 500);
    for (let i = 0; i < 50; i++) {
      const facts = learnerStepFacts(agent, 'sarsa');
      runAlgorithmSteps(agent, 'sarsa', 1);
      if (facts.nextAction >= 0) expect(agent.last.action).toBe(facts.nextAction);
    }
  });

  it("Double Q's bootstrap is the other table at the updated table's greedy action", () => {
    const agent = createAgent(env, { alpha: 0.5 }, 4);
    runAlgorithmEpisodes(agent, 'double-q-learning', 300);
    for (let i = 0; i < 50; i++) {
      runAlgorithmSteps(agent, 'double-q-learning', 1);
      const f = learnerStepFacts(agent, 'double-q-learning');
      const other = agent.memory.tables[1 - f.table]!;
      expect(agent.last.bootstrap).toBe(other[agent.last.nextState * 4 + f.tableGreedy]);
    }
  });

  it("Expected SARSA's values before the update give its bootstrap", () => {
    const agent = createAgent(env, { alpha: 0.5 }, 5);
    runAlgorithmEpisodes(agent, 'expected-sarsa', 200);
    for (let i = 0; i < 50; i++) {
      runAlgorithmSteps(agent, 'expected-sarsa', 1);
      if (agent.last.terminated) continue;
      const f = learnerStepFacts(agent, 'expected-sarsa');
      const row = new Float64Array(4 * env.nS);
      row.set(f.nextValues, 0);
      const visits = new Float64Array(4 * env.nS);
      expect(behaviourValue(row, visits, 0, f.epsilonNext, agent.options)).toBe(
        agent.last.bootstrap,
      );
    }
  });

  it("Monte Carlo's rewards discount to the episode's return", () => {
    const agent = createAgent(env, {}, 6);
    runAlgorithmEpisodes(agent, 'monte-carlo', 40);
    const f = learnerStepFacts(agent, 'monte-carlo');
    expect(f.episodeRewards).toHaveLength(agent.last.t);
    const g = f.episodeRewards.reduceRight((acc, r) => r + agent.params.gamma * acc, 0);
    expect(f.episodeReturn).toBe(g);
    expect(f.returnUpdates).toBe(agent.last.t);
  });
});
