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

  it('Expected SARSA under softmax and UCB: the policy at s′, which averages to the bootstrap', () => {
    for (const options of [
      { exploration: 'softmax' as const, temperature: 0.2 },
      { exploration: 'ucb' as const, ucbC: 1.5 },
    ]) {
      const agent = createAgent(env, { alpha: 0.5 }, 7, options);
      runAlgorithmEpisodes(agent, 'expected-sarsa', 200);
      let written = 0;
      let ended = 0;
      for (let i = 0; i < 50; i++) {
        runAlgorithmSteps(agent, 'expected-sarsa', 1);
        const f = learnerStepFacts(agent, 'expected-sarsa');
        if (agent.last.terminated) {
          expect(f.nextPolicy).toBeUndefined();
          ended++;
          continue;
        }
        if (!f.nextPolicy) continue;
        written++;
        const pi = f.nextPolicy;
        expect(pi.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        expect(pi.reduce((v, p, a) => v + p * f.nextValues[a]!, 0)).toBe(agent.last.bootstrap);
        if (options.exploration === 'ucb') {
          expect([...pi].sort()).toEqual([0, 0, 0, 1]);
          expect(f.ucbC).toBe(1.5);
          expect(f.temperature).toBeUndefined();
        } else {
          expect(pi.every((p) => p > 0)).toBe(true);
          expect(f.temperature).toBe(0.2);
        }
      }
      // Worked out again from N(s′, ·) before the step and the values, the policy always gives
      // the bootstrap: every step not into a hole or the goal is written out.
      expect(written, options.exploration).toBe(50 - ended);
    }
  });

  it('no policy is sent under ε-greedy or for another algorithm', () => {
    const agent = createAgent(env, {}, 8);
    runAlgorithmSteps(agent, 'expected-sarsa', 30);
    expect(learnerStepFacts(agent, 'expected-sarsa').nextPolicy).toBeUndefined();
    const soft = createAgent(env, {}, 8, { exploration: 'softmax', temperature: 0.5 });
    runAlgorithmSteps(soft, 'sarsa', 30);
    const facts = learnerStepFacts(soft, 'sarsa');
    expect(facts.nextPolicy).toBeUndefined();
    // The rule's own number still goes with every step (the inspector names it).
    expect(facts.temperature).toBe(0.5);
    expect(facts.ucbC).toBeUndefined();
    expect(learnerStepFacts(agent, 'expected-sarsa').temperature).toBeUndefined();
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
