import { describe, expect, it } from 'vitest';
import { createAgent, type QAgent } from '../../src/rl/agent';
import { createEnv, envStep, type IceMazeEnv } from '../../src/rl/env';
import { runEpisodes, runSteps, step } from '../../src/rl/fast-loop';
import type { QParams } from '../../src/rl/params';
import { decodeTrajectory } from '../../src/rl/trajectory';
import { runAlgorithmSteps } from '../../src/rl/readable-loop';
import { train } from '../../src/rl/training';
import { createRng, createRngState, nextInt, nextUniform } from '../../src/rl/rng';
import { greedyActions, stateValue } from '../../src/rl/tables';
import { DOWN, GREEDY, LEFT, RIGHT, sameBits, steps } from './agent-fixtures';

/**
 * The lesson's loop written out independently on top of rng.ts and envStep, drawing in the order
 * policy.ts documents: u for the ε test; if u < ε a random action from a fresh draw
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

describe('the fast loop’s working copy', () => {
  it('takes Q, N and δ written by hand between calls, as the readable loop does', () => {
    const env = createEnv();
    const fast = createAgent(env, {}, 5);
    const readable = createAgent(env, {}, 5);
    runSteps(fast, 500);
    runAlgorithmSteps(readable, 'q-learning', 500);
    for (const agent of [fast, readable]) {
      agent.q.fill(0.25);
      agent.q[4 * 4 + 2] = 0.9; // a new greedy action at state 4, and a new V(4)
      agent.visits[0] = 100;
      agent.tdErrors[1] = -0.5;
    }
    runSteps(fast, 5000);
    runAlgorithmSteps(readable, 'q-learning', 5000);
    expect(sameBits(fast.q, readable.q)).toBe(true);
    expect(Array.from(fast.visits)).toEqual(Array.from(readable.visits));
    expect(sameBits(fast.tdErrors, readable.tdErrors)).toBe(true);
    expect(fast.last).toEqual(readable.last);
  });

  it('hands its counts back at the end of every call, whatever its size', () => {
    const agent = createAgent(createEnv({ map: '8x8' }), {}, 2);
    for (const steps of [1, 7, 3000, 1]) {
      runSteps(agent, steps);
      expect(agent.visits.reduce((a, b) => a + b, 0)).toBe(agent.totalSteps);
      expect(agent.tdErrors[agent.last.state * 4 + agent.last.action]).toBe(agent.last.tdError);
    }
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
});

describe('the fast loop on an QAgent', () => {
  it('runEpisodes accepts it and gives train()’s Q', () => {
    const agent = createAgent(createEnv(), {}, 0);
    runEpisodes(agent, 100);
    expect(sameBits(agent.q, train(createEnv(), {}, 0, 100).q)).toBe(true);
  });
});
