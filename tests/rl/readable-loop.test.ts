import { describe, expect, it } from 'vitest';
import { createEnv, envStep, type IceMazeEnv } from '../../src/rl/env';
import { LESSON_PARAMS, type QParams } from '../../src/rl/params';
import { createAgent } from '../../src/rl/agent';
import { decodeTrajectory } from '../../src/rl/trajectory';
import { lastStepRecord } from '../../src/rl/step-record';
import { runSteps } from '../../src/rl/fast-loop';
import { algorithmStep, runAlgorithmEpisodes, runAlgorithmSteps } from '../../src/rl/readable-loop';
import { trainAlgorithm } from '../../src/rl/training';
import { createRng, createRngState, nextInt, nextUniform } from '../../src/rl/rng';
import { ALGORITHMS } from '../../src/rl/algorithms/registry';
import { greedyActions, stateValue } from '../../src/rl/tables';
import { fixed, LEFT, sameBits, sfgAgent } from './agent-fixtures';

/**
 * SARSA and Expected SARSA written out independently on rng.ts, envStep and greedyActions, in the
 * order algorithms/sarsa.ts documents. SARSA: choose a at the start of an episode; per step the
 * environment, then (s′ not terminal) a′ from s′ with ε′ before the update; a′ carried unless the
 * time limit cut the episode. Expected SARSA: Q-learning's draws with target Σπ·Q at ε′.
 */
function referenceTrain(
  env: IceMazeEnv,
  algorithm: 'sarsa' | 'expected-sarsa',
  params: QParams,
  seed: number,
  episodes: number,
) {
  const q = new Float64Array(env.nS * env.nA);
  const rng = createRngState(seed);
  let epsilon = params.epsilon;
  let totalSteps = 0;
  const choose = (s: number, eps: number): number => {
    if (nextUniform(rng) < eps) return nextInt(rng, 4);
    const ties = greedyActions(q, s);
    return params.tieBreak === 'random' && ties.length > 1
      ? ties[nextInt(rng, ties.length)]!
      : ties[0]!;
  };
  for (let e = 0; e < episodes; e++) {
    let s = env.start;
    let a = algorithm === 'sarsa' ? choose(s, epsilon) : -1;
    for (let t = 1; ; t++) {
      if (algorithm === 'expected-sarsa') a = choose(s, epsilon);
      const out = envStep(env, s, a, rng);
      epsilon = Math.max(params.minEpsilon, epsilon - params.epsilonDecay);
      let bootstrap = 0;
      let next = -1;
      if (!out.terminated) {
        if (algorithm === 'sarsa') {
          next = choose(out.nextState, epsilon);
          bootstrap = q[out.nextState * 4 + next]!;
        } else {
          // Σ_a π(a|s′)·Q(s′, a), π ε-greedy: ε/4 each, plus (1 − ε) on the maximum.
          const row = q.subarray(out.nextState * 4, out.nextState * 4 + 4);
          bootstrap =
            (epsilon / 4) * (row[0]! + row[1]! + row[2]! + row[3]!) +
            (1 - epsilon) * stateValue(q, out.nextState);
        }
      }
      const tdError = out.reward + params.gamma * bootstrap - q[s * 4 + a]!;
      q[s * 4 + a] = q[s * 4 + a]! + params.alpha * tdError;
      totalSteps++;
      s = out.nextState;
      a = next;
      if (out.terminated || t >= env.maxSteps) break;
    }
  }
  return { q, rng, epsilon, totalSteps };
}

describe('the readable loop keeps the same books as the fast one', () => {
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

  it("runAlgorithmSteps('q-learning') = runSteps bit for bit, agent.last included ('first' ties)", () => {
    const env = createEnv();
    const fast = createAgent(env, {}, 13);
    const readable = createAgent(env, {}, 13);
    for (const n of [1, 7, 300, 5000, 40_000]) {
      runSteps(fast, n);
      runAlgorithmSteps(readable, 'q-learning', n);
      expect(sameBits(readable.q, fast.q)).toBe(true);
      expect(Array.from(readable.rng)).toEqual(Array.from(fast.rng));
      expect(readable.last).toEqual(fast.last);
      expect([readable.epsilon, readable.state, readable.t, readable.episode]).toEqual([
        fast.epsilon,
        fast.state,
        fast.t,
        fast.episode,
      ]);
      expect(Array.from(readable.visits)).toEqual(Array.from(fast.visits));
      expect(sameBits(readable.tdErrors, fast.tdErrors)).toBe(true);
      expect(Array.from(readable.log.returns)).toEqual(Array.from(fast.log.returns));
      expect(Array.from(readable.log.lengths)).toEqual(Array.from(fast.log.lengths));
      expect(decodeTrajectory(env, readable.previous)).toEqual(
        decodeTrajectory(env, fast.previous),
      );
      expect(decodeTrajectory(env, readable.current)).toEqual(decodeTrajectory(env, fast.current));
    }
  });

  it("runSteps with 'random' ties = runAlgorithmSteps('q-learning') bit for bit", () => {
    const env = createEnv({ map: '8x8' });
    const lesson = createAgent(env, { tieBreak: 'random' }, 17);
    const readable = createAgent(env, { tieBreak: 'random' }, 17);
    runSteps(lesson, 30_000, Infinity);
    runAlgorithmSteps(readable, 'q-learning', 30_000);
    expect(sameBits(readable.q, lesson.q)).toBe(true);
    expect(readable.last).toEqual(lesson.last);
  });

  for (const algorithm of ['sarsa', 'expected-sarsa'] as const) {
    it(`${algorithm}: the episode log, visits and trajectories add up`, () => {
      const env = createEnv();
      const agent = createAgent(env, {}, 3);
      runAlgorithmEpisodes(agent, algorithm, 500);
      runAlgorithmSteps(agent, algorithm, 10);
      let logged = 0;
      let goals = 0;
      for (let e = 0; e < agent.episode; e++) {
        logged += agent.log.lengths[e]!;
        goals += agent.log.reachedGoal[e]!;
        expect(agent.log.returns[e]).toBe(agent.log.reachedGoal[e]);
      }
      expect(logged + agent.current.length).toBe(agent.totalSteps);
      expect(agent.visits.reduce((a, b) => a + b, 0)).toBe(agent.totalSteps);
      expect(goals).toBeGreaterThan(0);
      // The last finished episode ends in a hole or the goal, or at the time limit.
      const prev = decodeTrajectory(env, agent.previous);
      const end = prev.states[prev.length]!;
      expect(prev.episode).toBe(agent.episode - 1);
      expect(prev.length).toBe(agent.log.lengths[agent.episode - 1]);
      expect(prev.terminated ? env.terminal[end] : prev.length === env.maxSteps ? 1 : 0).toBe(1);
    });
  }

  it('SARSA: each step takes the a′ the step before bootstrapped from (within an episode)', () => {
    const agent = createAgent(createEnv(), { epsilon: 0.5 }, 8);
    let before = algorithmStep(agent, 'sarsa');
    let checked = 0;
    for (let k = 0; k < 3000; k++) {
      const a = agent.bootstrapAction;
      const ended = before.terminated || before.truncated;
      const r = algorithmStep(agent, 'sarsa');
      if (!ended) {
        expect(r.action).toBe(a);
        expect(r.state).toBe(before.nextState);
        checked++;
      } else expect(r.state).toBe(agent.env.start);
      before = r;
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it('the record’s numbers are the update’s: td_target = r + γ·bootstrap, qAfter in Q', () => {
    for (const algorithm of ALGORITHMS) {
      const agent = createAgent(createEnv(), { epsilon: 0.3 }, 2);
      runAlgorithmSteps(agent, algorithm, 4000);
      const r = algorithmStep(agent, algorithm);
      expect(r.tdTarget).toBe(r.reward + r.gamma * r.bootstrap);
      expect(r.tdError).toBe(r.tdTarget - r.qBefore);
      expect(agent.q[r.state * 4 + r.action]).toBe(r.qAfter);
      expect(agent.tdErrors[r.state * 4 + r.action]).toBe(r.tdError);
    }
  });
});

describe('matches an independent loop on rng.ts + envStep, bit for bit (1,000 episodes)', () => {
  for (const algorithm of ['sarsa', 'expected-sarsa'] as const)
    for (const tieBreak of ['first', 'random'] as const) {
      it(`${algorithm}, ${tieBreak} ties, slippery 4x4`, () => {
        const env = createEnv();
        // ε still decays at the end (1 → about 0.6), so ε in place of ε′ would show.
        const params: QParams = { ...LESSON_PARAMS, tieBreak, epsilonDecay: 0.00005 };
        const agent = trainAlgorithm(env, algorithm, params, 77, 1000);
        expect(agent.epsilon).toBeGreaterThan(0.5);
        const ref = referenceTrain(env, algorithm, params, 77, 1000);
        expect(sameBits(agent.q, ref.q)).toBe(true);
        expect(Array.from(agent.rng)).toEqual(Array.from(ref.rng));
        expect(agent.epsilon).toBe(ref.epsilon);
        expect(agent.totalSteps).toBe(ref.totalSteps);
      });
    }

  it('SARSA with time-limit cuts (max 8 steps): a′ serves the target, the next episode chooses afresh', () => {
    const env = createEnv({ maxSteps: 8 });
    const params: QParams = { ...LESSON_PARAMS, epsilonDecay: 0.00005, tieBreak: 'random' };
    const agent = trainAlgorithm(env, 'sarsa', params, 4, 2000);
    const ref = referenceTrain(env, 'sarsa', params, 4, 2000);
    let cut = 0;
    for (let e = 0; e < 2000; e++)
      if (agent.log.lengths[e] === 8 && !agent.log.reachedGoal[e]) cut++;
    expect(cut).toBeGreaterThan(100);
    expect(agent.q.some((x) => x > 0)).toBe(true);
    expect(sameBits(agent.q, ref.q)).toBe(true);
    expect(Array.from(agent.rng)).toEqual(Array.from(ref.rng));
  });
});

describe('determinism: same seed gives bit-identical Q however the run is cut', () => {
  for (const algorithm of ['sarsa', 'expected-sarsa'] as const)
    for (const tieBreak of ['first', 'random'] as const) {
      const env = createEnv();
      const params: Partial<QParams> = { tieBreak, epsilonDecay: 0.001 };
      const whole = trainAlgorithm(env, algorithm, params, 42, 1000);

      it(`${algorithm}, ${tieBreak} ties: one run = calls of random sizes`, () => {
        const cut = createAgent(env, params, 42);
        const sizes = createRng(99);
        let calls = 0;
        while (cut.episode < 1000) {
          runAlgorithmSteps(cut, algorithm, 1 + sizes.int(40), 1000 - cut.episode);
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
      });

      it(`${algorithm}, ${tieBreak} ties: one run = 700 single steps, then the rest`, () => {
        const narrated = createAgent(env, params, 42);
        for (let k = 0; k < 700; k++) algorithmStep(narrated, algorithm);
        runAlgorithmEpisodes(narrated, algorithm, 1000 - narrated.episode);
        expect(sameBits(narrated.q, whole.q)).toBe(true);
        expect(Array.from(narrated.rng)).toEqual(Array.from(whole.rng));
      });
    }
});

describe('switching loops mid-run', () => {
  it('an a′ SARSA left waiting is taken by the next step of any algorithm', () => {
    const agent = sfgAgent(fixed(0), 0, 0.3, [0.1, 0, 0.5, 0.2]);
    algorithmStep(agent, 'sarsa');
    agent.nextAction.action = LEFT; // as if a′ had explored Left
    const r = algorithmStep(agent, 'q-learning');
    expect([r.state, r.action]).toEqual([1, LEFT]);
  });

  it('a step of the fast runSteps makes a waiting a′ stale: the next SARSA step chooses afresh', () => {
    const agent = createAgent(createEnv(), { epsilon: 0.5 }, 1);
    runAlgorithmSteps(agent, 'sarsa', 3);
    expect(agent.nextAction.atStep).toBe(agent.totalSteps);
    runSteps(agent, 1);
    expect(agent.nextAction.atStep).not.toBe(agent.totalSteps);
  });
});
