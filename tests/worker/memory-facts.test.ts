/**
 * The snapshot's parts read from the agent's memory, checked one by one: the last step's facts
 * (`learnerStepFacts`: Q(s′, ·) from the table the step updated, Monte Carlo's rewards only at an
 * episode's end and only for Monte Carlo), the memory view's copies (`memoryView`: never the live
 * arrays, their buffers on the transfer list), and the environment's facts (`envInfo`,
 * `optimumTransfer`).
 */
import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/rl/agent';
import type { Algorithm } from '../../src/rl/algorithms/registry';
import { createEnv } from '../../src/rl/env';
import { LESSON_PARAMS } from '../../src/rl/params';
import { runAlgorithmEpisodes, runAlgorithmSteps } from '../../src/rl/readable-loop';
import { envInfo, optimumFor, optimumTransfer } from '../../src/worker/env-facts';
import { learnerStepFacts } from '../../src/worker/last-update';
import { memoryView, withMemory } from '../../src/worker/memory-view';

const env = createEnv({ map: '4x4' });

describe('learnerStepFacts: Q(s′, ·) before the update', () => {
  it('Double Q: the row of the table the step updated, not of the mean Q', () => {
    const agent = createAgent(env, { alpha: 0.5 }, 4);
    runAlgorithmEpisodes(agent, 'double-q-learning', 200);
    let differs = 0;
    for (let i = 0; i < 100; i++) {
      runAlgorithmSteps(agent, 'double-q-learning', 1);
      const { state: s, action: a, nextState: ns, qBefore } = agent.last;
      const f = learnerStepFacts(agent, 'double-q-learning');
      const table = agent.memory.tables[f.table]!;
      const row = Array.from(table.subarray(ns * 4, ns * 4 + 4));
      if (ns === s) row[a] = qBefore;
      expect(f.nextValues).toEqual(row);
      const mean = Array.from(agent.q.subarray(ns * 4, ns * 4 + 4));
      if (mean.some((x, k) => x !== row[k])) differs++;
    }
    // Some of these steps read a row where the updated table and the mean differ (7 of the 100
    // with this seed): the case that tells the two apart is exercised.
    expect(differs).toBeGreaterThan(0);
  });
});

describe("learnerStepFacts: Monte Carlo's episode rewards", () => {
  it('are empty in the middle of an episode', () => {
    const agent = createAgent(env, {}, 6);
    runAlgorithmEpisodes(agent, 'monte-carlo', 5);
    runAlgorithmSteps(agent, 'monte-carlo', 1);
    expect(agent.last.terminated || agent.last.truncated).toBe(false);
    expect(learnerStepFacts(agent, 'monte-carlo').episodeRewards).toEqual([]);
  });

  it('are the whole episode at its end', () => {
    const agent = createAgent(env, {}, 6);
    runAlgorithmEpisodes(agent, 'monte-carlo', 5);
    const rewards = learnerStepFacts(agent, 'monte-carlo').episodeRewards;
    expect(rewards).toHaveLength(agent.last.t);
    expect(rewards.length).toBeGreaterThan(0);
  });

  it('are empty for every other algorithm, also at the end of an episode', () => {
    for (const algorithm of ['q-learning', 'sarsa', 'dyna-q'] as const) {
      const agent = createAgent(env, {}, 6);
      runAlgorithmEpisodes(agent, algorithm, 5);
      expect(agent.last.terminated || agent.last.truncated).toBe(true);
      expect(learnerStepFacts(agent, algorithm).episodeRewards).toEqual([]);
    }
  });
});

/** An agent of `algorithm` after a few episodes, its memory view and the transfer list. */
function viewAfterTraining(algorithm: Algorithm) {
  const agent = createAgent(env, { alpha: 0.5 }, 8);
  runAlgorithmEpisodes(agent, algorithm, 30);
  runAlgorithmSteps(agent, algorithm, 3);
  const transfer: Transferable[] = [];
  return { agent, view: memoryView(agent, algorithm, transfer), transfer };
}

describe('memoryView: copies, never the live arrays', () => {
  it("Double Q's two tables: equal to the live ones, not them, buffers transferred", () => {
    const { agent, view, transfer } = viewAfterTraining('double-q-learning');
    const [t1, t2] = view!.tables!;
    expect(t1).toEqual(agent.memory.tables[0]);
    expect(t2).toEqual(agent.memory.tables[1]);
    expect(t1).not.toBe(agent.memory.tables[0]);
    expect(t2).not.toBe(agent.memory.tables[1]);
    expect(transfer).toEqual([t1.buffer, t2.buffer]);
  });

  it('the traces of SARSA(λ) and Q(λ)', () => {
    for (const algorithm of ['sarsa-lambda', 'q-lambda'] as const) {
      const { agent, view, transfer } = viewAfterTraining(algorithm);
      expect(view!.traces).toEqual(agent.memory.traces);
      expect(view!.traces).not.toBe(agent.memory.traces);
      expect(transfer).toEqual([view!.traces!.buffer]);
    }
  });

  it("Dyna-Q's model and its planning updates", () => {
    const { agent, view, transfer } = viewAfterTraining('dyna-q');
    const { model } = view!;
    const m = agent.memory;
    expect(model).toEqual({
      counts: m.modelCounts,
      rewards: m.modelRewards,
      next: m.modelNext,
      planningUpdates: m.planningUpdates,
    });
    expect(model!.counts).not.toBe(m.modelCounts);
    expect(model!.rewards).not.toBe(m.modelRewards);
    expect(model!.next).not.toBe(m.modelNext);
    expect(transfer).toEqual([model!.counts.buffer, model!.rewards.buffer, model!.next.buffer]);
  });

  it("Monte Carlo's last return, and nothing to transfer", () => {
    const { agent, view, transfer } = viewAfterTraining('monte-carlo');
    expect(view).toEqual({
      returns: { lastReturn: agent.memory.lastReturn, updates: agent.memory.lastReturnUpdates },
    });
    expect(transfer).toEqual([]);
  });

  it('one-step TD keeps nothing beyond Q: no view, and no memory key in the snapshot', () => {
    for (const algorithm of ['q-learning', 'sarsa', 'expected-sarsa'] as const) {
      const { view, transfer } = viewAfterTraining(algorithm);
      expect(view).toBeUndefined();
      expect(transfer).toEqual([]);
      expect(withMemory(view)).toEqual({});
    }
  });
});

describe('env-facts', () => {
  it("envInfo's map rows are a copy", () => {
    const info = envInfo(env);
    expect(info.desc).toEqual([...env.desc]);
    expect(info.desc).not.toBe(env.desc);
  });

  it("optimumTransfer lists the optimum's Q, V and policy buffers", () => {
    const optimum = optimumFor(env, LESSON_PARAMS.gamma, 0.8);
    expect(optimumTransfer(optimum)).toEqual([
      optimum.q.buffer,
      optimum.v.buffer,
      optimum.policy.buffer,
    ]);
  });
});
