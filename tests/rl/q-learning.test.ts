import { describe, expect, it } from 'vitest';
import { createEnv, envStep, moveFrom, type IceMazeEnv } from '../../src/rl/env';
import { evaluateGreedy } from '../../src/rl/evaluation';
import { createAgent, EPISODE_LOG_CAPACITY, type QAgent, setParams } from '../../src/rl/agent';
import { LESSON_EPISODES, LESSON_PARAMS, type QParams } from '../../src/rl/params';
import { chooseAction } from '../../src/rl/policy';
import { decodeTrajectory } from '../../src/rl/trajectory';
import { lastStepRecord, type StepRecord } from '../../src/rl/step-record';
import { runEpisodes, runSteps, step } from '../../src/rl/fast-loop';
import { runAlgorithmSteps } from '../../src/rl/readable-loop';
import { train } from '../../src/rl/training';
import { updateQ } from '../../src/rl/algorithms/q-learning';
import { createRng, createRngState, nextInt, nextUniform } from '../../src/rl/rng';
import { greedyActions, stateValue } from '../../src/rl/tables';

const LEFT = 0;
const DOWN = 1;
const RIGHT = 2;

/** Q-tables equal bit for bit (Object.is on every entry, so −0 ≠ 0 and NaN = NaN). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Runs `n` narrated steps and returns their records. */
function steps(agent: QAgent, n: number): StepRecord[] {
  return Array.from({ length: n }, () => step(agent));
}

/** Deterministic ice, ε = 0, no decay: every choice is greedy, every move goes where it points. */
const GREEDY: Partial<QParams> = { epsilon: 0, epsilonDecay: 0, minEpsilon: 0 };

/**
 * The lesson's loop written out independently on top of rng.ts and envStep, drawing in the order
 * q-learning.ts documents: u for the ε test; if u < ε a random action from a fresh draw
 * (nextInt(4)); else argmax (with 'random' ties, one more draw picks among the tied actions);
 * then one uniform for the environment. Used to check the inlined hot loop bit for bit.
 */
function referenceTrain(env: IceMazeEnv, params: QParams, seed: number, episodes: number) {
  const q = new Float64Array(env.nS * env.nA);
  const rng = createRngState(seed);
  let epsilon = params.epsilon;
  let totalSteps = 0;
  for (let e = 0; e < episodes; e++) {
    let s = env.start;
    for (let t = 1; ; t++) {
      let a: number;
      if (nextUniform(rng) < epsilon) a = nextInt(rng, 4);
      else {
        const ties = greedyActions(q, s);
        a =
          params.tieBreak === 'random' && ties.length > 1
            ? ties[nextInt(rng, ties.length)]!
            : ties[0]!;
      }
      const out = envStep(env, s, a, rng);
      // td_target = r + γ·max Q(s′); td_error = td_target − Q(s, a); Q(s, a) += α·td_error
      const tdTarget = out.reward + params.gamma * stateValue(q, out.nextState);
      const tdError = tdTarget - q[s * 4 + a]!;
      q[s * 4 + a] = q[s * 4 + a]! + params.alpha * tdError;
      epsilon = Math.max(params.minEpsilon, epsilon - params.epsilonDecay);
      totalSteps++;
      s = out.nextState;
      if (out.terminated || t >= env.maxSteps) break;
    }
  }
  return { q, rng, epsilon, totalSteps };
}

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

describe('one Q update, worked by hand on the map S F G (deterministic, ε = 0, α 0.5, γ 0.9)', () => {
  function handAgent(): QAgent {
    const agent = createAgent(createEnv({ map: ['SFG'], isSlippery: false }), {
      ...GREEDY,
      alpha: 0.5,
      gamma: 0.9,
    });
    agent.q[0 * 4 + RIGHT] = 0.3; // Q(S, Right) = 0.3, the greedy action at S
    agent.q.set([0.1, 0, 0.5, 0.2], 1 * 4); // Q(F, ·): max 0.5 at Right
    return agent;
  }

  it('moves S → F with reward 0 and reads max Q(F, ·) = 0.5', () => {
    const r = step(handAgent());
    expect([r.state, r.action, r.explored, r.nextState, r.reward]).toEqual([0, RIGHT, false, 1, 0]);
    expect(r.bootstrap).toBe(0.5);
    expect(r.discountedBootstrap).toBe(0.45);
  });

  it('td_target = r + γ·max Q(s′) = 0 + 0.9·0.5 = 0.45', () => {
    expect(step(handAgent()).tdTarget).toBe(0 + 0.9 * 0.5);
  });

  it('td_error = td_target − Q(s, a) = 0.45 − 0.3 = 0.15', () => {
    const r = step(handAgent());
    expect(r.tdError).toBe(0.45 - 0.3);
    expect(r.tdError).toBeCloseTo(0.15, 15);
  });

  it('Q(s, a) ← Q(s, a) + α·td_error = 0.3 + 0.5·0.15 = 0.375', () => {
    const agent = handAgent();
    const r = step(agent);
    expect(r.qBefore).toBe(0.3);
    expect(r.qAfter).toBe(0.3 + 0.5 * (0.45 - 0.3));
    expect(r.qAfter).toBeCloseTo(0.375, 15);
    expect(r.change).toBeCloseTo(0.075, 15);
    expect(agent.q[RIGHT]).toBe(r.qAfter);
  });

  it('changes only Q(s, a) and counts the visit and its TD error', () => {
    const agent = handAgent();
    const before = agent.q.slice();
    const r = step(agent);
    const changed = Array.from(agent.q.keys()).filter((i) => !Object.is(agent.q[i], before[i]));
    expect(changed).toEqual([RIGHT]);
    expect(agent.visits[RIGHT]).toBe(1);
    expect(agent.tdErrors[RIGHT]).toBe(r.tdError);
    expect(agent.visits.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('then F → G: reward 1, max Q(G) = 0, td_target 1, td_error 0.5, Q(F, Right) 0.5 → 0.75', () => {
    const agent = handAgent();
    step(agent);
    const r = step(agent);
    expect([r.state, r.action, r.nextState, r.reward]).toEqual([1, RIGHT, 2, 1]);
    expect(r.bootstrap).toBe(0);
    expect(r.tdTarget).toBe(1);
    expect(r.tdError).toBe(0.5);
    expect(r.qAfter).toBe(0.75);
    expect(r.terminated).toBe(true);
    expect(r.truncated).toBe(false);
    expect(r.t).toBe(2);
    expect(r.episode).toBe(0);
  });

  it('after the goal the next episode starts at S', () => {
    const agent = handAgent();
    steps(agent, 2);
    expect([agent.state, agent.t, agent.episode, agent.totalSteps]).toEqual([0, 0, 1, 2]);
    const r = step(agent);
    expect([r.state, r.episode, r.t]).toEqual([0, 1, 1]);
  });

  it('like the lesson, bootstraps from Q(s′) even when s′ is terminal (no masking)', () => {
    const agent = handAgent();
    agent.q.set([0.5, 0.5, 0.5, 0.5], 2 * 4); // Q(G, ·) set by hand; training never does this
    step(agent);
    const r = step(agent);
    expect(r.tdTarget).toBe(1 + 0.9 * 0.5);
  });

  it('never updates the rows of holes and the goal (they stay 0 after training)', () => {
    const agent = train(createEnv(), {}, 3, 2000);
    for (const s of [5, 7, 11, 12, 15])
      expect(Array.from(agent.q.subarray(s * 4, s * 4 + 4))).toEqual([0, 0, 0, 0]);
    expect(agent.q.some((x) => x > 0)).toBe(true);
  });
});

describe('ε schedule: ε ← max(min ε, ε − decay) after every step', () => {
  it('ε 0.05, decay 0.02, min 0.01 gives 0.03, then 0.01 (to rounding), then exactly 0.01', () => {
    const agent = createAgent(createEnv({ map: ['SFG'], isSlippery: false }), {
      epsilon: 0.05,
      epsilonDecay: 0.02,
      minEpsilon: 0.01,
    });
    const recs = steps(agent, 4);
    const after = recs.map((r) => r.epsilonAfter);
    // In doubles (as in numpy) 0.05 − 0.02 = 0.030000000000000002 and 0.030000000000000002 − 0.02
    // = 0.010000000000000002 > 0.01, so the floor is met exactly only at the third step.
    expect(after).toEqual([0.030000000000000002, 0.010000000000000002, 0.01, 0.01]);
    expect(after[0]).toBeCloseTo(0.03, 15);
    expect(after[1]).toBeCloseTo(0.01, 15);
    expect(recs.map((r) => r.epsilon)).toEqual([0.05, ...after.slice(0, 3)]);
    expect(agent.epsilon).toBe(0.01);
  });

  it('ε 0.5, decay 0.25, min 0.125 (exact in binary) gives 0.25, 0.125, 0.125', () => {
    const agent = createAgent(createEnv(), { epsilon: 0.5, epsilonDecay: 0.25, minEpsilon: 0.125 });
    expect(steps(agent, 3).map((r) => r.epsilonAfter)).toEqual([0.25, 0.125, 0.125]);
  });

  it('decays per step across episode boundaries: the lesson reaches min ε 0.01 after ~9,900 steps', () => {
    const agent = createAgent(createEnv(), {}, 1);
    runSteps(agent, 9000);
    expect(agent.episode).toBeGreaterThan(100);
    expect(agent.epsilon).toBeCloseTo(1 - 9000 * 0.0001, 9);
    runSteps(agent, 1000);
    expect(agent.epsilon).toBe(0.01);
  });

  it('reports the ε used for the choice, before this step’s decay', () => {
    const agent = createAgent(createEnv(), { epsilon: 0.8, epsilonDecay: 0.1 });
    const r = step(agent);
    expect(r.epsilon).toBe(0.8);
    expect(r.epsilonAfter).toBe(0.8 - 0.1);
  });
});

describe('ε-greedy behaviour', () => {
  it('ε = 0 never explores', () => {
    const agent = createAgent(createEnv(), GREEDY, 4);
    expect(steps(agent, 2000).some((r) => r.explored)).toBe(false);
  });

  it("ε = 0 at Q = 0 with ties to 'first' always takes action 0 (Left)", () => {
    // All-Left never reaches G on 4x4, so Q stays 0 and every step is a four-way tie.
    const agent = createAgent(createEnv(), GREEDY, 4);
    expect(new Set(steps(agent, 2000).map((r) => r.action))).toEqual(new Set([LEFT]));
    expect(agent.q.every((x) => x === 0)).toBe(true);
  });

  it('ε = 1 always explores, and picks each action about 1/4 of the time', () => {
    const agent = createAgent(createEnv(), { epsilon: 1, epsilonDecay: 0, minEpsilon: 1 }, 6);
    const recs = steps(agent, 4000);
    expect(recs.every((r) => r.explored)).toBe(true);
    const counts = [0, 0, 0, 0];
    for (const r of recs) counts[r.action]!++;
    // Chi-square with 3 degrees of freedom below 16.3 (p ≈ 0.001).
    const chi2 = counts.reduce((acc, c) => acc + (c - 1000) ** 2 / 1000, 0);
    expect(chi2).toBeLessThan(16.3);
  });

  it('marks exploratory steps in the trajectory', () => {
    const agent = createAgent(createEnv(), { epsilon: 0.5, epsilonDecay: 0, minEpsilon: 0.5 }, 8);
    const recs = steps(agent, 30);
    const current = decodeTrajectory(agent.env, agent.current);
    const mine = recs.filter((r) => r.episode === agent.episode);
    expect(mine.length).toBe(current.length);
    mine.forEach((r, t) => {
      expect(current.explored[t]).toBe(r.explored ? 1 : 0);
      expect(current.actions[t]).toBe(r.action);
    });
    expect(recs.some((r) => r.explored) && recs.some((r) => !r.explored)).toBe(true);
  });

  it("'random' ties spread the first greedy action over all four actions at Q = 0 (400 seeds)", () => {
    const counts = [0, 0, 0, 0];
    for (let seed = 0; seed < 400; seed++) {
      const agent = createAgent(createEnv(), { ...GREEDY, tieBreak: 'random' }, seed);
      const r = step(agent);
      expect(r.explored).toBe(false);
      counts[r.action]!++;
    }
    // Each ~100; chi-square (3 df) below 16.3.
    const chi2 = counts.reduce((acc, c) => acc + (c - 100) ** 2 / 100, 0);
    expect(chi2).toBeLessThan(16.3);
  });

  it("'random' ties pick only among the tied actions (Down and Right at 0.5)", () => {
    const seen = new Set<number>();
    for (let seed = 0; seed < 100; seed++) {
      const agent = createAgent(createEnv(), { ...GREEDY, tieBreak: 'random' }, seed);
      agent.q.set([0, 0.5, 0.5, 0.2], 0);
      seen.add(step(agent).action);
    }
    expect(seen).toEqual(new Set([DOWN, RIGHT]));
  });

  it("'random' with a single maximum always takes it", () => {
    for (let seed = 0; seed < 50; seed++) {
      const agent = createAgent(createEnv(), { ...GREEDY, tieBreak: 'random' }, seed);
      agent.q.set([0, 0.1, 0.5, 0.2], 0);
      expect(step(agent).action).toBe(RIGHT);
    }
  });

  it("'first' with the same tie picks Down, the lower of the two", () => {
    const agent = createAgent(createEnv(), GREEDY, 0);
    agent.q.set([0, 0.5, 0.5, 0.2], 0);
    expect(step(agent).action).toBe(DOWN);
  });
});

describe('episode ends', () => {
  it('at the time limit with truncated = true and terminated = false', () => {
    // Left at S forever: the border keeps the agent on S, no hole or goal is ever entered.
    const env = createEnv({ map: ['SFG'], isSlippery: false, maxSteps: 5 });
    const agent = createAgent(env, GREEDY);
    const recs = steps(agent, 5);
    expect(recs.map((r) => r.t)).toEqual([1, 2, 3, 4, 5]);
    expect(recs.map((r) => r.truncated)).toEqual([false, false, false, false, true]);
    expect(recs.every((r) => !r.terminated)).toBe(true);
    expect([agent.episode, agent.state, agent.t]).toEqual([1, 0, 0]);
    expect(agent.previous.length).toBe(5);
    expect(agent.previous.truncated).toBe(true);
    expect(agent.previous.terminated).toBe(false);
    expect(Array.from(decodeTrajectory(env, agent.previous).states)).toEqual([0, 0, 0, 0, 0, 0]);
    expect([agent.log.lengths[0], agent.log.returns[0], agent.log.reachedGoal[0]]).toEqual([
      5, 0, 0,
    ]);
  });

  it('on entering a hole: terminated, reward 0, goal not reached', () => {
    const env = createEnv({ map: ['SH', 'FG'], isSlippery: false });
    const agent = createAgent(env, GREEDY);
    agent.q[RIGHT] = 1;
    const r = step(agent);
    expect([r.nextState, r.reward, r.terminated, r.truncated]).toEqual([1, 0, true, false]);
    expect(agent.previous.terminated).toBe(true);
    expect([agent.log.lengths[0], agent.log.returns[0], agent.log.reachedGoal[0]]).toEqual([
      1, 0, 0,
    ]);
  });

  it('on entering the goal: terminated, reward 1, goal reached', () => {
    const env = createEnv({ map: ['SG'], isSlippery: false });
    const agent = createAgent(env, GREEDY);
    agent.q[RIGHT] = 1;
    const r = step(agent);
    expect([r.nextState, r.reward, r.terminated, r.truncated]).toEqual([1, 1, true, false]);
    expect(agent.previous.return).toBe(1);
    expect([agent.log.lengths[0], agent.log.returns[0], agent.log.reachedGoal[0]]).toEqual([
      1, 1, 1,
    ]);
  });

  it('entering the goal on the last allowed step counts as terminated, not truncated', () => {
    // Gymnasium's TimeLimit would report both flags; the episode ends either way.
    const env = createEnv({ map: ['SFG'], isSlippery: false, maxSteps: 2 });
    const agent = createAgent(env, GREEDY);
    agent.q[RIGHT] = 1;
    agent.q[4 + RIGHT] = 1;
    const r = steps(agent, 2)[1]!;
    expect([r.t, r.terminated, r.truncated]).toEqual([2, true, false]);
  });

  it('runSteps stops right after maxEpisodes episodes end and returns the steps taken', () => {
    const env = createEnv({ map: ['SFG'], isSlippery: false, maxSteps: 5 });
    const agent = createAgent(env, GREEDY);
    expect(runSteps(agent, 1000, 2)).toBe(10);
    expect([agent.episode, agent.t, agent.totalSteps]).toEqual([2, 0, 10]);
    expect(runSteps(agent, 3)).toBe(3);
    expect([agent.episode, agent.t, agent.current.length]).toEqual([2, 3, 3]);
  });

  it('runSteps with a budget of 0 steps or 0 episodes does nothing', () => {
    const agent = createAgent(createEnv(), {}, 3);
    const rng = Array.from(agent.rng);
    expect(runSteps(agent, 0)).toBe(0);
    expect(runSteps(agent, 100, 0)).toBe(0);
    expect(Array.from(agent.rng)).toEqual(rng);
    expect([agent.totalSteps, agent.last.valid]).toEqual([0, false]);
  });

  it('runEpisodes finishes the episode under way and counts its steps', () => {
    const env = createEnv({ map: ['SFG'], isSlippery: false, maxSteps: 5 });
    const agent = createAgent(env, GREEDY);
    runSteps(agent, 3);
    expect(runEpisodes(agent, 2)).toBe(7);
    expect([agent.episode, agent.t, agent.totalSteps]).toEqual([2, 0, 10]);
  });
});

describe.each(['first', 'random'] as const)('the step record (%s ties)', (tieBreak) => {
  const env = createEnv();
  const agent = createAgent(
    env,
    { epsilon: 0.5, epsilonDecay: 0, minEpsilon: 0.5, alpha: 0.3, tieBreak },
    12,
  );
  // Train a little first so Q is not all zeros.
  runSteps(agent, 20_000);
  const records: Array<{ r: StepRecord; qBefore: Float64Array; qNow: Float64Array }> = [];
  for (let i = 0; i < 3000; i++) {
    const qBefore = agent.q.slice();
    const r = step(agent);
    records.push({ r, qBefore, qNow: agent.q.slice() });
  }

  it('slipped = intended ≠ actual, intended = action; some steps slip and some do not', () => {
    for (const { r } of records) {
      expect(r.intended).toBe(r.action);
      expect(r.slipped).toBe(r.intended !== r.actual);
    }
    expect(records.some(({ r }) => r.slipped)).toBe(true);
    expect(records.some(({ r }) => !r.slipped)).toBe(true);
  });

  it('the actual direction is a−1, a or a+1 and leads to nextState', () => {
    const bad = records.filter(
      ({ r }) =>
        ![(r.action + 3) % 4, r.action, (r.action + 1) % 4].includes(r.actual) ||
        moveFrom(env.nrow, env.ncol, r.state, r.actual) !== r.nextState,
    );
    expect(bad).toEqual([]);
  });

  it('change = qAfter − qBefore, and qAfter is what agent.q holds after the step', () => {
    const bad = records.filter(
      ({ r, qBefore, qNow }) =>
        r.change !== r.qAfter - r.qBefore ||
        r.qBefore !== qBefore[r.state * 4 + r.action] ||
        r.qAfter !== qNow[r.state * 4 + r.action],
    );
    expect(bad).toEqual([]);
    expect(records.some(({ r }) => r.change !== 0)).toBe(true);
  });

  it('bootstrap = max Q(s′, ·) before the update, tdTarget = r + γ·bootstrap, tdError = tdTarget − qBefore', () => {
    const { gamma, alpha } = agent.params;
    const bad = records.filter(
      ({ r, qBefore }) =>
        r.bootstrap !== stateValue(qBefore, r.nextState) ||
        r.discountedBootstrap !== gamma * r.bootstrap ||
        r.tdTarget !== r.reward + gamma * r.bootstrap ||
        r.tdError !== r.tdTarget - r.qBefore ||
        r.qAfter !== r.qBefore + alpha * r.tdError,
    );
    expect(bad).toEqual([]);
  });

  it('lastStepRecord reads the same record again', () => {
    const r = step(agent);
    expect(lastStepRecord(agent)).toEqual(r);
  });
});

describe('the lesson-shaped pieces: updateQ, chooseAction, runAlgorithmSteps, decodeTrajectory', () => {
  it('updateQ moves Q(s, a) toward r + γ·max Q(s′) by α and returns td_error', () => {
    const q = new Float64Array(12);
    q[RIGHT] = 0.3;
    q.set([0.1, 0, 0.5, 0.2], 4);
    const tdError = updateQ(q, 0, RIGHT, 1, 0, 0.5, 0.9);
    expect(tdError).toBe(0 + 0.9 * 0.5 - 0.3);
    expect(q[RIGHT]).toBe(0.3 + 0.5 * tdError);
    expect(q[RIGHT]).toBeCloseTo(0.375, 15);
  });

  it('chooseAction with ε = 0 takes the first max and draws one uniform', () => {
    const q = Float64Array.from([0, 0.5, 0.5, 0.2]);
    const rng = createRngState(1);
    const copy = rng.slice();
    expect(chooseAction(q, 0, 0, 'first', rng)).toEqual({ action: DOWN, explored: false });
    nextUniform(copy);
    expect(Array.from(rng)).toEqual(Array.from(copy));
  });

  it('chooseAction with ε = 1 explores with the top two bits of a second draw', () => {
    const rng = createRngState(2);
    const copy = rng.slice();
    const choice = chooseAction(new Float64Array(4), 0, 1, 'first', rng);
    nextUniform(copy);
    expect(choice).toEqual({ action: nextInt(copy, 4), explored: true });
    expect(Array.from(rng)).toEqual(Array.from(copy));
  });

  it("runAlgorithmSteps with 'first' ties gives the fast loop's run bit for bit", () => {
    const env = createEnv();
    const fast = createAgent(env, {}, 41);
    const lesson = createAgent(env, {}, 41);
    runSteps(fast, 20_000);
    runAlgorithmSteps(lesson, 'q-learning', 20_000, Infinity);
    expect(sameBits(lesson.q, fast.q)).toBe(true);
    expect(Array.from(lesson.rng)).toEqual(Array.from(fast.rng));
    expect([lesson.epsilon, lesson.episode, lesson.t]).toEqual([
      fast.epsilon,
      fast.episode,
      fast.t,
    ]);
    expect(lastStepRecord(lesson)).toEqual(lastStepRecord(fast));
    expect(Array.from(lesson.log.lengths)).toEqual(Array.from(fast.log.lengths));
    expect(decodeTrajectory(env, lesson.previous)).toEqual(decodeTrajectory(env, fast.previous));
  });

  it('decodeTrajectory unpacks states, actions, directions, explored flags and rewards', () => {
    const env = createEnv({ map: ['SFG'], isSlippery: false });
    const agent = createAgent(env, GREEDY);
    agent.q[RIGHT] = 1;
    agent.q[4 + RIGHT] = 1;
    runEpisodes(agent, 1);
    const d = decodeTrajectory(env, agent.previous);
    expect(Array.from(d.states)).toEqual([0, 1, 2]);
    expect(Array.from(d.actions)).toEqual([RIGHT, RIGHT]);
    expect(Array.from(d.directions)).toEqual([RIGHT, RIGHT]);
    expect(Array.from(d.explored)).toEqual([0, 0]);
    expect(Array.from(d.rewards)).toEqual([0, 1]);
    expect([d.length, d.return, d.terminated, d.truncated, d.episode]).toEqual([
      2,
      1,
      true,
      false,
      0,
    ]);
  });
});

describe('determinism: same seed and parameters give bit-identical Q however the run is cut', () => {
  for (const tieBreak of ['first', 'random'] as const) {
    const env = createEnv();
    const params: Partial<QParams> = { tieBreak, epsilonDecay: 0.001 };
    const whole = createAgent(env, params, 77);
    runEpisodes(whole, 1000);

    it(`${tieBreak} ties: runEpisodes(1000) = many runSteps calls of random sizes`, () => {
      const cut = createAgent(env, params, 77);
      const sizes = createRng(1234);
      let calls = 0;
      while (cut.episode < 1000) {
        runSteps(cut, 1 + sizes.int(64), 1000 - cut.episode);
        calls++;
      }
      expect(calls).toBeGreaterThan(100);
      expect(sameBits(cut.q, whole.q)).toBe(true);
      expect(Array.from(cut.rng)).toEqual(Array.from(whole.rng));
      expect([cut.epsilon, cut.totalSteps, cut.state]).toEqual([
        whole.epsilon,
        whole.totalSteps,
        whole.state,
      ]);
      expect(Array.from(cut.visits)).toEqual(Array.from(whole.visits));
    });

    it(`${tieBreak} ties: runEpisodes(1000) = 500 × step() then runSteps`, () => {
      const narrated = createAgent(env, params, 77);
      steps(narrated, 500);
      runSteps(narrated, Number.MAX_SAFE_INTEGER, 1000 - narrated.episode);
      expect(narrated.episode).toBe(1000);
      expect(sameBits(narrated.q, whole.q)).toBe(true);
      expect(Array.from(narrated.rng)).toEqual(Array.from(whole.rng));
      expect(narrated.totalSteps).toBe(whole.totalSteps);
    });

    it(`${tieBreak} ties: matches an independent loop on rng.ts + envStep, bit for bit`, () => {
      const ref = referenceTrain(env, whole.params, 77, 1000);
      expect(sameBits(ref.q, whole.q)).toBe(true);
      expect(Array.from(ref.rng)).toEqual(Array.from(whole.rng));
      expect(ref.epsilon).toBe(whole.epsilon);
      expect(ref.totalSteps).toBe(whole.totalSteps);
    });
  }

  it('train(env, params, seed, n) = createAgent + runEpisodes', () => {
    const a = train(createEnv(), {}, 5, 300);
    const b = createAgent(createEnv(), {}, 5);
    runEpisodes(b, 300);
    expect(sameBits(a.q, b.q)).toBe(true);
  });

  it('different seeds give different Q', () => {
    const a = train(createEnv(), {}, 0, 1000);
    const b = train(createEnv(), {}, 1, 1000);
    expect(sameBits(a.q, b.q)).toBe(false);
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

describe('lastStepRecord after the parameters change', () => {
  /** S F G with Q(S, Right) 0.3 and Q(F, ·) max 0.5; one step with γ 0.9 and ε 0.5 → 0.25. */
  function afterOneStep(): QAgent {
    const agent = createAgent(createEnv({ map: ['SFG'], isSlippery: false }), {
      epsilon: 0.5,
      epsilonDecay: 0.25,
      minEpsilon: 0,
      gamma: 0.9,
    });
    agent.q[RIGHT] = 0.3;
    agent.q.set([0.1, 0, 0.5, 0.2], 4);
    // Whatever the step does from S (stay or move to F), max Q(s′) is 0.3 or 0.5, not 0.
    step(agent);
    return agent;
  }

  it('still reports γ·max Q(s′) with the γ the step used after setParams changes γ', () => {
    const agent = afterOneStep();
    const before = lastStepRecord(agent);
    setParams(agent, { gamma: 0.5 });
    const after = lastStepRecord(agent);
    // The step used γ 0.9: td_target = r + 0.9·bootstrap, so γ·bootstrap must stay 0.9·bootstrap.
    expect(after.tdTarget).toBe(before.tdTarget);
    expect(after.discountedBootstrap).toBe(0.9 * after.bootstrap);
  });

  it("still reports that step's ε after the decay when agent.epsilon is set afterwards", () => {
    const agent = afterOneStep();
    expect(lastStepRecord(agent).epsilonAfter).toBe(0.25);
    agent.epsilon = 0.9; // what the worker does when a person moves the ε slider
    expect(lastStepRecord(agent).epsilonAfter).toBe(0.25);
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

describe('training', () => {
  it('leaves no NaN or infinity in Q after training on 8x8', () => {
    const agent = train(createEnv({ map: '8x8' }), { tieBreak: 'random' }, 0, 2000);
    expect(agent.q.every((x) => Number.isFinite(x))).toBe(true);
    expect(agent.q.some((x) => x > 0)).toBe(true);
  });

  it('keeps Q within [0, 1] with rewards in [0, 1] and γ ≤ 1', () => {
    const agent = train(createEnv(), {}, 2, 3000);
    expect(agent.q.every((x) => x >= 0 && x <= 1)).toBe(true);
  });

  // Acceptance: the lesson's settings on slippery 4x4 learn a greedy policy that reaches G within
  // 100 steps with median probability ≥ 0.70 over seeds 0–9 (Gymnasium's reward_threshold).
  it("the lesson's 10,000 episodes reach median success ≥ 0.70 over seeds 0–9", () => {
    const success: number[] = [];
    for (let seed = 0; seed < 10; seed++) {
      const agent = train(createEnv(), {}, seed, LESSON_EPISODES);
      success.push(evaluateGreedy(agent.env, agent.q).successProbability);
    }
    const sorted = [...success].sort((a, b) => a - b);
    const median = (sorted[4]! + sorted[5]!) / 2;
    expect(median).toBeGreaterThanOrEqual(0.7);
    // No run can beat the best time-dependent policy.
    expect(sorted[9]!).toBeLessThanOrEqual(0.7442);
  });
});
