import { describe, expect, it } from 'vitest';
import { createAgent, finishEpisode } from '../../src/rl/agent';
import { updateQ } from '../../src/rl/algorithms/q-learning';
import { createEnv } from '../../src/rl/env';
import { runSteps } from '../../src/rl/fast-loop';
import { createChosenAction, epsilonGreedyPolicy } from '../../src/rl/policy';
import { runAlgorithmEpisodes, runAlgorithmSteps } from '../../src/rl/readable-loop';
import { lastStepRecord } from '../../src/rl/step-record';
import { createTdUpdate } from '../../src/rl/td-rule';

// Details of the core that issue 23's mutation run found untested (each a surviving mutant).

describe('fresh records', () => {
  it('a new agent: no update yet, nothing explored or ended, no bootstrap action', () => {
    const agent = createAgent(createEnv(), {}, 0);
    expect(agent.last).toMatchObject({
      valid: false,
      explored: false,
      terminated: false,
      truncated: false,
    });
    expect(agent.bootstrapAction).toBe(-1);
  });

  it('createChosenAction and createTdUpdate start at their stated defaults', () => {
    expect(createChosenAction(0.3)).toEqual({
      action: 0,
      explored: false,
      epsilon: 0.3,
      atStep: -1,
    });
    expect(createTdUpdate()).toEqual({
      qBefore: 0,
      bootstrap: 0,
      tdTarget: 0,
      tdError: 0,
      qAfter: 0,
    });
  });

  it('finishEpisode hands back a fresh trajectory: not terminated, not truncated, empty', () => {
    const agent = createAgent(createEnv(), {}, 0);
    agent.current.length = 3;
    const next = finishEpisode(agent, true, 15);
    expect([next.terminated, next.truncated, next.length, next.episode]).toEqual([
      false,
      false,
      0,
      1,
    ]);
    expect([agent.previous.terminated, agent.previous.truncated]).toEqual([true, false]);
  });
});

describe('the readable loop’s books', () => {
  it('zero steps change nothing, not even the last update', () => {
    const agent = createAgent(createEnv(), {}, 0);
    const before = structuredClone(agent.last);
    expect(runAlgorithmSteps(agent, 'q-learning', 0)).toBe(0);
    expect(agent.last).toEqual(before);
  });

  it('runAlgorithmEpisodes returns the steps it took', () => {
    const agent = createAgent(createEnv(), {}, 2);
    expect(runAlgorithmEpisodes(agent, 'sarsa', 25)).toBe(agent.totalSteps);
    expect(agent.totalSteps).toBeGreaterThan(25);
  });

  it('watches the greedy sets as the fast loop does (greedyStableSince, 20,000 steps)', () => {
    const env = createEnv();
    const readable = createAgent(env, {}, 6);
    const fast = createAgent(env, {}, 6);
    runAlgorithmSteps(readable, 'q-learning', 20_000);
    runSteps(fast, 20_000);
    expect(readable.greedyStableSince).toBe(fast.greedyStableSince);
    expect(readable.greedyStableSince).toBeGreaterThan(1);
  });
});

describe('the step record', () => {
  it('on ice that does not slip: moved as chosen, not slipped; the first step starts at S', () => {
    // S is state 1 here (not 0), so the first step's state must come from the map.
    const agent = createAgent(createEnv({ map: ['FS', 'FG'], isSlippery: false }), {}, 0);
    runSteps(agent, 1);
    const r = lastStepRecord(agent);
    expect([r.state, r.intended, r.actual, r.slipped]).toEqual([1, r.action, r.action, false]);
    expect(agent.last.valid).toBe(true);
  });

  it('on slippery ice: slipped exactly when the move differs from the action', () => {
    const agent = createAgent(createEnv(), {}, 1);
    const seen = new Set<boolean>();
    for (let i = 0; i < 40; i++) {
      runSteps(agent, 1);
      const r = lastStepRecord(agent);
      expect(r.slipped).toBe(r.actual !== r.intended);
      seen.add(r.slipped);
    }
    expect([...seen].sort()).toEqual([false, true]);
  });
});

describe('worked details', () => {
  it('updateQ on state 2: Q(2, Right) moves by α·(r + γ·max Q(3, ·) − Q(2, Right))', () => {
    const q = new Float64Array(16);
    q[3 * 4 + 1] = 0.5; // max Q(3, ·) = 0.5
    q[2 * 4 + 2] = 0.25;
    // td_error = 0 + 0.9·0.5 − 0.25 = 0.2; Q ← 0.25 + 0.5·0.2 = 0.35.
    expect(updateQ(q, 2, 2, 3, 0, 0.5, 0.9)).toBeCloseTo(0.2, 15);
    expect(q[2 * 4 + 2]).toBeCloseTo(0.35, 15);
    expect(q[0]).toBe(0);
  });

  it("π_ε with random ties on state 1 counts only that state's ties: [0.45, 0.05, 0.45, 0.05]", () => {
    // Q(1, ·) = [0.5, 0, 0.5, 0] ties Left and Right; Q(0, ·) and Q(2, 0) also hold 0.5.
    const q = [0.5, 0.5, 0.5, 0.5, 0.5, 0, 0.5, 0, 0.5, 0, 0, 0];
    const pi = Array.from(epsilonGreedyPolicy(q, 1, 0.2, 'random'));
    expect(pi.map((p) => Math.round(p * 1e12) / 1e12)).toEqual([0.45, 0.05, 0.45, 0.05]);
  });
});
