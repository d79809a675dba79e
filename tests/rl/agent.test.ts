import { describe, expect, it } from 'vitest';
import { createEnv, moveFrom } from '../../src/rl/env';
import { createAgent, EPISODE_LOG_CAPACITY, type QAgent, setParams } from '../../src/rl/agent';
import { LESSON_EPISODES, LESSON_PARAMS } from '../../src/rl/params';
import { decodeTrajectory } from '../../src/rl/trajectory';
import { runEpisodes, runSteps, step } from '../../src/rl/fast-loop';
import { createRngState } from '../../src/rl/rng';
import { GREEDY, sameBits } from './agent-fixtures';

describe('createAgent', () => {
  it("starts with Q all zeros, the lesson's parameters and ε at its starting value", () => {
    const agent = createAgent(createEnv());
    expect(agent.q).toHaveLength(64);
    expect(agent.q.every((x) => Object.is(x, 0))).toBe(true);
    expect(agent.params).toEqual(LESSON_PARAMS);
    expect(LESSON_PARAMS).toEqual({
      alpha: 0.1,
      gamma: 0.99,
      epsilon: 1.0,
      epsilonDecay: 0.0001,
      minEpsilon: 0.01,
      tieBreak: 'first',
    });
    expect(LESSON_EPISODES).toBe(10_000);
    expect(agent.epsilon).toBe(1);
    expect([agent.state, agent.t, agent.episode, agent.totalSteps]).toEqual([0, 0, 0, 0]);
    expect(agent.last.valid).toBe(false);
  });

  it('merges given parameters over the lesson defaults', () => {
    const agent = createAgent(createEnv(), { alpha: 0.5, epsilon: 0.2 });
    expect(agent.params).toEqual({ ...LESSON_PARAMS, alpha: 0.5, epsilon: 0.2 });
    expect(agent.epsilon).toBe(0.2);
  });

  it('copies a given generator state instead of sharing it', () => {
    const state = createRngState(5);
    const agent = createAgent(createEnv(), {}, state);
    expect(agent.rng).not.toBe(state);
    expect(Array.from(agent.rng)).toEqual(Array.from(createAgent(createEnv(), {}, 5).rng));
  });
});

describe('setParams mid-run', () => {
  function midRun(): QAgent {
    const agent = createAgent(createEnv(), {}, 31);
    runSteps(agent, 5000);
    return agent;
  }

  it('keeps Q (same table, same bits), ε, the state and the episode', () => {
    const agent = midRun();
    const q = agent.q;
    const bits = agent.q.slice();
    const before = [agent.epsilon, agent.state, agent.t, agent.episode, agent.totalSteps];
    setParams(agent, { alpha: 0.5, gamma: 0.5, epsilon: 0.9, tieBreak: 'random' });
    expect(agent.q).toBe(q);
    expect(sameBits(agent.q, bits)).toBe(true);
    expect([agent.epsilon, agent.state, agent.t, agent.episode, agent.totalSteps]).toEqual(before);
  });

  it('a new α acts from the next step: Q(s, a) ← Q(s, a) + 0.5·td_error', () => {
    const agent = midRun();
    setParams(agent, { alpha: 0.5 });
    const r = step(agent);
    expect(r.qAfter).toBe(r.qBefore + 0.5 * r.tdError);
  });

  it('a new γ acts from the next step: td_target = r + 0.5·max Q(s′)', () => {
    const agent = midRun();
    setParams(agent, { gamma: 0.5 });
    const r = step(agent);
    expect(r.tdTarget).toBe(r.reward + 0.5 * r.bootstrap);
  });

  it('a new decay and floor act on the next decay', () => {
    const agent = midRun();
    const eps = agent.epsilon;
    setParams(agent, { epsilonDecay: 0.25, minEpsilon: 0.3 });
    expect(step(agent).epsilonAfter).toBe(Math.max(0.3, eps - 0.25));
  });

  it('keeps the other parameters', () => {
    const agent = midRun();
    setParams(agent, { alpha: 0.5 });
    expect(agent.params).toEqual({ ...LESSON_PARAMS, alpha: 0.5 });
  });
});

describe('previous episode and the episode log', () => {
  /** Everything wrong with agent.previous and its log entry (empty when consistent). */
  function problems(agent: QAgent): string[] {
    const { env, log } = agent;
    const p = decodeTrajectory(env, agent.previous);
    const e = agent.episode - 1;
    const out: string[] = [];
    if (p.episode !== e) out.push(`${e}: previous.episode = ${p.episode}`);
    const last = p.states[p.length]!;
    if (p.states[0] !== env.start) out.push(`${e}: states[0] = ${p.states[0]}`);
    if (p.length < 1 || p.length > env.maxSteps) out.push(`${e}: length ${p.length}`);
    if (p.terminated === p.truncated) out.push(`${e}: terminated = truncated`);
    if (p.terminated && !env.terminal[last]) out.push(`${e}: terminated off a terminal`);
    if (p.truncated && (p.length !== env.maxSteps || env.terminal[last]))
      out.push(`${e}: truncated wrongly`);
    let ret = 0;
    for (let t = 0; t < p.length; t++) {
      const s = p.states[t]!;
      if (env.terminal[s]) out.push(`${e}: terminal state inside at t = ${t}`);
      if (moveFrom(env.nrow, env.ncol, s, p.directions[t]!) !== p.states[t + 1])
        out.push(`${e}: step ${t} does not follow the direction`);
      ret += p.rewards[t]!;
    }
    if (ret !== p.return) out.push(`${e}: return ${p.return} ≠ Σ rewards ${ret}`);
    const slot = e & (EPISODE_LOG_CAPACITY - 1);
    if (log.lengths[slot] !== p.length) out.push(`${e}: log length`);
    if (log.returns[slot] !== p.return) out.push(`${e}: log return`);
    if (log.reachedGoal[slot] !== env.goal[last]) out.push(`${e}: log reachedGoal`);
    return out;
  }

  it('is empty (length 0, episode −1) before the first episode ends', () => {
    const agent = createAgent(createEnv({ map: ['SFG'], isSlippery: false }), GREEDY);
    runSteps(agent, 3);
    expect(agent.episode).toBe(0);
    expect(agent.previous.length).toBe(0);
    expect(agent.previous.episode).toBe(-1);
    expect(agent.current.length).toBe(3);
  });

  it('holds the last finished episode, consistent with the log, for 4,100 episodes (ring wraps)', () => {
    expect(EPISODE_LOG_CAPACITY).toBe(4096);
    const agent = createAgent(createEnv(), { epsilonDecay: 0.00002 }, 9);
    const found: string[] = [];
    let goals = 0;
    while (agent.episode < 4100) {
      runSteps(agent, Number.MAX_SAFE_INTEGER, 1);
      found.push(...problems(agent));
      if (agent.log.reachedGoal[(agent.episode - 1) & 4095]) goals++;
    }
    expect(found).toEqual([]);
    expect(goals).toBeGreaterThan(0);
    // Slot 3 now holds episode 4099, not episode 3.
    expect(agent.log.lengths[3]).toBe(agent.previous.length);
  });

  it('records a time-limit episode: ends at the limit, truncated', () => {
    const env = createEnv({ map: ['SFG'], isSlippery: false, maxSteps: 5 });
    const agent = createAgent(env, GREEDY);
    runEpisodes(agent, 1);
    expect(problems(agent)).toEqual([]);
    expect(agent.previous.truncated).toBe(true);
  });
});
