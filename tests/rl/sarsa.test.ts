import { describe, expect, it } from 'vitest';
import { createEnv, envStep, type IceMazeEnv } from '../../src/rl/env';
import { LESSON_PARAMS, type QParams } from '../../src/rl/params';
import { createAgent, type QAgent } from '../../src/rl/agent';
import { decodeTrajectory } from '../../src/rl/trajectory';
import { runEpisodes, runSteps } from '../../src/rl/fast-loop';
import { algorithmStep, runAlgorithmEpisodes, runAlgorithmSteps } from '../../src/rl/readable-loop';
import { train, trainAlgorithm } from '../../src/rl/training';
import { createRng, createRngState, nextInt, nextUint32, nextUniform } from '../../src/rl/rng';
import { ALGORITHMS, isAlgorithm } from '../../src/rl/algorithms/registry';
import {
  chooseInto,
  type ChosenAction,
  epsilonGreedyPolicy,
  expectedValue,
} from '../../src/rl/policy';
import { greedyActions, stateValue } from '../../src/rl/tables';

const LEFT = 0;
const DOWN = 1;
const RIGHT = 2;
const UP = 3;

/** Q-tables equal bit for bit (Object.is on every entry, so −0 ≠ 0 and NaN = NaN). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** The first seed whose fresh generator satisfies `ok` (draws made on rng.ts, not the learner). */
function seedWhere(ok: (rng: Uint32Array) => boolean): number {
  for (let seed = 0; seed < 10_000; seed++) if (ok(createRngState(seed))) return seed;
  throw new Error('no such seed');
}

/** ε fixed (no decay), deterministic ice. */
function fixed(epsilon: number, extra: Partial<QParams> = {}): Partial<QParams> {
  return { epsilon, epsilonDecay: 0, minEpsilon: 0, ...extra };
}

/**
 * The map S F G without slipping: Q(S, Right) = `qS`, Q(F, ·) = `qF`. From S, Right enters F
 * (reward 0); from F, Right enters G (reward 1, terminal).
 */
function sfgAgent(
  params: Partial<QParams>,
  seed: number,
  qS: number,
  qF: readonly number[],
): QAgent {
  const agent = createAgent(createEnv({ map: ['SFG'], isSlippery: false }), params, seed);
  agent.q[0 * 4 + RIGHT] = qS;
  agent.q.set(qF, 1 * 4);
  return agent;
}

/**
 * SARSA and Expected SARSA written out independently on rng.ts, envStep and greedyActions, in the
 * order sarsa.ts documents. SARSA: choose a at the start of an episode; per step the environment,
 * then (s′ not terminal) a′ from s′ with ε′ before the update; a′ carried unless the time limit
 * cut the episode. Expected SARSA: Q-learning's draws with target Σπ·Q at ε′.
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

describe('isAlgorithm and ALGORITHMS', () => {
  it('knows the three names and nothing else', () => {
    expect(ALGORITHMS).toEqual(['q-learning', 'sarsa', 'expected-sarsa']);
    for (const a of ALGORITHMS) expect(isAlgorithm(a)).toBe(true);
    for (const x of ['Sarsa', 'qlearning', '', 3, undefined]) expect(isAlgorithm(x)).toBe(false);
  });
});

describe('the ε-greedy policy π_ε(a | s) and its expectation', () => {
  const q = Float64Array.from([0, 0.5, 0.1, 0]); // one state

  it('ε = 0.2, Q = [0, 0.5, 0.1, 0]: π = [0.05, 0.85, 0.05, 0.05]', () => {
    const pi = Array.from(epsilonGreedyPolicy(q, 0, 0.2, 'first'));
    [0.05, 0.85, 0.05, 0.05].forEach((p, a) => expect(pi[a]).toBeCloseTo(p, 15));
  });

  it('Σπ·Q = 0.05·(0 + 0.5 + 0.1 + 0) + 0.8·0.5 = 0.43', () => {
    expect(expectedValue(q, 0, 0.2)).toBeCloseTo(0.43, 15);
    const pi = epsilonGreedyPolicy(q, 0, 0.2, 'first');
    const dot = pi.reduce((acc, p, a) => acc + p * q[a]!, 0);
    expect(expectedValue(q, 0, 0.2)).toBeCloseTo(dot, 15);
  });

  it("'random' ties split (1 − ε) evenly: Q = [0.5, 0.5, 0, 0], ε 0.2 → [0.45, 0.45, 0.05, 0.05]", () => {
    const tie = Float64Array.from([0.5, 0.5, 0, 0]);
    const pi = Array.from(epsilonGreedyPolicy(tie, 0, 0.2, 'random'));
    [0.45, 0.45, 0.05, 0.05].forEach((p, a) => expect(pi[a]).toBeCloseTo(p, 15));
  });

  it("'first' puts all of (1 − ε) on the first maximum: [0.85, 0.05, 0.05, 0.05]", () => {
    const tie = Float64Array.from([0.5, 0.5, 0, 0]);
    const pi = Array.from(epsilonGreedyPolicy(tie, 0, 0.2, 'first'));
    [0.85, 0.05, 0.05, 0.05].forEach((p, a) => expect(pi[a]).toBeCloseTo(p, 15));
  });

  it('the tie rule does not change Σπ·Q (tied actions share the maximum)', () => {
    const tie = Float64Array.from([0.5, 0.5, 0, 0.25]);
    for (const rule of ['first', 'random'] as const) {
      const pi = epsilonGreedyPolicy(tie, 0, 0.3, rule);
      const dot = pi.reduce((acc, p, a) => acc + p * tie[a]!, 0);
      expect(dot).toBeCloseTo(expectedValue(tie, 0, 0.3), 15);
    }
  });

  it('at initialisation every action ties: π = 1/4 each under any ε with random ties; Σπ·Q = 0', () => {
    const zero = new Float64Array(4);
    for (const eps of [0, 0.3, 1]) {
      expect(Array.from(epsilonGreedyPolicy(zero, 0, eps, 'random'))).toEqual([
        0.25, 0.25, 0.25, 0.25,
      ]);
      expect(expectedValue(zero, 0, eps)).toBe(0);
    }
  });

  it('rows sum to 1 for any ε and tie rule', () => {
    const rng = createRng(5);
    for (let k = 0; k < 200; k++) {
      const row = Float64Array.from({ length: 4 }, () => (rng.int(3) === 0 ? 0.5 : rng.uniform()));
      const eps = rng.uniform();
      for (const rule of ['first', 'random'] as const) {
        const sum = epsilonGreedyPolicy(row, 0, eps, rule).reduce((a, b) => a + b, 0);
        expect(sum).toBeCloseTo(1, 14);
      }
    }
  });

  it('ε = 0 gives max Q exactly, ε = 1 the plain mean', () => {
    expect(expectedValue(q, 0, 0)).toBe(0.5);
    expect(expectedValue(Float64Array.from([0, 0.5, 0.25, 0.25]), 0, 1)).toBe(0.25);
  });
});

describe('chooseInto draws exactly as the lesson’s chooseAction', () => {
  it('ε = 0, first: one uniform, the first maximum', () => {
    const rng = createRngState(3);
    const copy = rng.slice();
    const out: ChosenAction = { action: -1, explored: true, epsilon: 1, atStep: 7 };
    chooseInto(out, Float64Array.from([0, 0.5, 0.5, 0]), 0, 0, 'first', rng);
    expect(out).toEqual({ action: DOWN, explored: false, epsilon: 0, atStep: -1 });
    nextUniform(copy);
    expect(Array.from(rng)).toEqual(Array.from(copy));
  });

  it('ε = 1: one uniform, then the top two bits of a uint32', () => {
    const rng = createRngState(4);
    const copy = rng.slice();
    const out: ChosenAction = { action: -1, explored: false, epsilon: 0, atStep: -1 };
    chooseInto(out, new Float64Array(4), 0, 1, 'first', rng);
    nextUniform(copy);
    expect(out.action).toBe(nextUint32(copy) >>> 30);
    expect(out.explored).toBe(true);
    expect(Array.from(rng)).toEqual(Array.from(copy));
  });

  it("'random' ties: one more uniform picks among the tied actions, lowest first", () => {
    const q = Float64Array.from([0, 0.5, 0, 0.5]);
    const seen = new Set<number>();
    for (let seed = 0; seed < 64; seed++) {
      const rng = createRngState(seed);
      const copy = rng.slice();
      const out: ChosenAction = { action: -1, explored: false, epsilon: 0, atStep: -1 };
      chooseInto(out, q, 0, 0, 'random', rng);
      nextUniform(copy);
      expect(out.action).toBe([DOWN, UP][nextInt(copy, 2)]);
      expect(Array.from(rng)).toEqual(Array.from(copy));
      seen.add(out.action);
    }
    expect([...seen].sort()).toEqual([DOWN, UP]);
  });
});

describe('one SARSA update, worked by hand on S F G (deterministic, α 0.5, γ 0.9)', () => {
  // Q(S, Right) = 0.3; Q(F, ·) = [0.1, 0, 0.5, 0.2].
  const QF = [0.1, 0, 0.5, 0.2];
  const HAND = { alpha: 0.5, gamma: 0.9 };

  it('ε = 0: a′ = Right, the greedy action; td_target = 0 + 0.9·Q(F, Right) = 0.45 (as Q-learning)', () => {
    const agent = sfgAgent(fixed(0, HAND), 0, 0.3, QF);
    const r = algorithmStep(agent, 'sarsa');
    expect([r.state, r.action, r.nextState, r.reward]).toEqual([0, RIGHT, 1, 0]);
    expect(agent.bootstrapAction).toBe(RIGHT);
    expect(r.bootstrap).toBe(0.5);
    expect(r.tdTarget).toBe(0 + 0.9 * 0.5);
    expect(r.tdError).toBe(0.9 * 0.5 - 0.3);
    expect(r.qAfter).toBeCloseTo(0.375, 15);
    expect(agent.q[RIGHT]).toBe(r.qAfter);
  });

  it('ε = 1 with a′ = Up explored: td_target = 0.9·0.2 = 0.18, td_error −0.12, Q(S, Right) 0.3 → 0.24', () => {
    // Draws: choose at S (u < 1, then uint32 → Right), the environment (u), choose a′ at F
    // (u < 1, then uint32 → Up).
    const seed = seedWhere((g) => {
      nextUniform(g);
      if (nextUint32(g) >>> 30 !== RIGHT) return false;
      nextUniform(g);
      nextUniform(g);
      return nextUint32(g) >>> 30 === UP;
    });
    const agent = sfgAgent(fixed(1, HAND), seed, 0.3, QF);
    const r = algorithmStep(agent, 'sarsa');
    expect([r.action, r.explored, r.nextState]).toEqual([RIGHT, true, 1]);
    expect(agent.bootstrapAction).toBe(UP);
    expect(r.bootstrap).toBe(0.2);
    expect(r.tdTarget).toBeCloseTo(0.18, 15);
    expect(r.tdError).toBeCloseTo(-0.12, 15);
    expect(r.qAfter).toBeCloseTo(0.24, 15);
    // Q-learning would have moved it up, to 0.375: SARSA learns the exploring policy's value.
    expect(r.qAfter).toBeLessThan(0.375);
  });

  it('the next step takes a′, explored flag and all, without a new choice', () => {
    const seed = seedWhere((g) => {
      nextUniform(g);
      if (nextUint32(g) >>> 30 !== RIGHT) return false;
      nextUniform(g);
      nextUniform(g);
      return nextUint32(g) >>> 30 === LEFT;
    });
    const agent = sfgAgent(fixed(1, HAND), seed, 0.3, QF);
    algorithmStep(agent, 'sarsa');
    expect(agent.nextAction).toMatchObject({ action: LEFT, explored: true, atStep: 1 });
    const rngBefore = agent.rng.slice();
    const r = algorithmStep(agent, 'sarsa');
    expect([r.state, r.action, r.explored, r.nextState]).toEqual([1, LEFT, true, 0]);
    // This step drew the environment's uniform, then a′ at S: no choice of its own first.
    nextUniform(rngBefore);
    const eps = nextUniform(rngBefore); // a′'s ε test (< 1: explores)
    expect(eps).toBeLessThan(1);
    expect(agent.bootstrapAction).toBe(nextUint32(rngBefore) >>> 30);
    expect(Array.from(agent.rng)).toEqual(Array.from(rngBefore));
  });

  it('a′ is chosen with ε′, the ε after this step’s decay: ε 1 → 0 makes a′ greedy', () => {
    const seed = seedWhere((g) => {
      nextUniform(g);
      return nextUint32(g) >>> 30 === RIGHT;
    });
    const agent = sfgAgent({ epsilon: 1, epsilonDecay: 1, minEpsilon: 0, ...HAND }, seed, 0.3, QF);
    const r = algorithmStep(agent, 'sarsa');
    expect([r.action, r.explored, r.epsilon, r.epsilonAfter]).toEqual([RIGHT, true, 1, 0]);
    expect(agent.nextAction).toMatchObject({ action: RIGHT, explored: false, epsilon: 0 });
    expect(r.tdTarget).toBe(0.9 * 0.5);
  });

  it('F → G: the continuation past a terminal state is 0 (even if Q(G, ·) were not), and no a′ is drawn', () => {
    const agent = sfgAgent(fixed(0, HAND), 0, 0.3, QF);
    agent.q.set([0.5, 0.5, 0.5, 0.5], 2 * 4); // set by hand; training never writes a terminal row
    algorithmStep(agent, 'sarsa');
    const rngBefore = agent.rng.slice();
    const r = algorithmStep(agent, 'sarsa');
    expect([r.state, r.action, r.nextState, r.reward, r.terminated]).toEqual([
      1,
      RIGHT,
      2,
      1,
      true,
    ]);
    expect(r.bootstrap).toBe(0);
    expect(r.tdTarget).toBe(1);
    expect(r.tdError).toBe(0.5);
    expect(r.qAfter).toBe(0.75);
    expect(agent.bootstrapAction).toBe(-1);
    nextUniform(rngBefore); // only the environment's draw
    expect(Array.from(agent.rng)).toEqual(Array.from(rngBefore));
    // The next episode chooses afresh at S.
    expect(agent.nextAction.atStep).toBe(-1);
    expect([agent.state, agent.episode]).toEqual([0, 1]);
  });
});

describe('one Expected SARSA update, worked by hand on S F G (deterministic)', () => {
  /** A seed whose first ε test fails at `epsilon`, so the first action is greedy (Right). */
  const greedyFirst = (epsilon: number) => seedWhere((g) => nextUniform(g) >= epsilon);

  it('ε 0.2, γ 0.9, α 0.5, Q(F, ·) = [0, 0.5, 0.1, 0]: Σπ·Q = 0.43, td_target = 0.387', () => {
    const agent = sfgAgent(
      fixed(0.2, { alpha: 0.5, gamma: 0.9 }),
      greedyFirst(0.2),
      0.3,
      [0, 0.5, 0.1, 0],
    );
    const r = algorithmStep(agent, 'expected-sarsa');
    expect([r.action, r.explored, r.nextState]).toEqual([RIGHT, false, 1]);
    expect(r.bootstrap).toBeCloseTo(0.43, 15);
    expect(r.tdTarget).toBe(0 + 0.9 * expectedValue(agent.q, 1, 0.2));
    expect(r.tdTarget).toBeCloseTo(0.387, 15);
    expect(r.tdError).toBeCloseTo(0.087, 15);
    expect(r.qAfter).toBeCloseTo(0.3435, 15);
    expect(agent.bootstrapAction).toBe(-1);
  });

  it('in binary-exact numbers: ε 0.5, γ 0.5, α 0.5, Q(S, Right) 0.25, Q(F, ·) = [0, 0.5, 0.25, 0]', () => {
    // Σπ·Q = 0.125·0.75 + 0.5·0.5 = 0.34375; td_target = 0.5·0.34375 = 0.171875;
    // td_error = 0.171875 − 0.25 = −0.078125; Q ← 0.25 + 0.5·(−0.078125) = 0.2109375.
    const agent = sfgAgent(
      fixed(0.5, { alpha: 0.5, gamma: 0.5 }),
      greedyFirst(0.5),
      0.25,
      [0, 0.5, 0.25, 0],
    );
    const r = algorithmStep(agent, 'expected-sarsa');
    expect(r.bootstrap).toBe(0.34375);
    expect(r.discountedBootstrap).toBe(0.171875);
    expect(r.tdTarget).toBe(0.171875);
    expect(r.tdError).toBe(-0.078125);
    expect(r.qAfter).toBe(0.2109375);
    expect(agent.q[RIGHT]).toBe(0.2109375);
  });

  it('averages with ε′, after this step’s decay: ε 0.625 − 0.125 = 0.5 gives the same 0.34375', () => {
    const agent = sfgAgent(
      { epsilon: 0.625, epsilonDecay: 0.125, minEpsilon: 0, alpha: 0.5, gamma: 0.5 },
      greedyFirst(0.625),
      0.25,
      [0, 0.5, 0.25, 0],
    );
    const r = algorithmStep(agent, 'expected-sarsa');
    expect([r.epsilon, r.epsilonAfter]).toEqual([0.625, 0.5]);
    expect(r.bootstrap).toBe(0.34375);
    expect(r.bootstrap).not.toBe(expectedValue(agent.q, 1, 0.625));
  });

  it('draws exactly as Q-learning: one ε test, then the environment', () => {
    const seed = greedyFirst(0.2);
    const agent = sfgAgent(fixed(0.2), seed, 0.3, [0, 0.5, 0.1, 0]);
    algorithmStep(agent, 'expected-sarsa');
    const g = createRngState(seed);
    nextUniform(g);
    nextUniform(g);
    expect(Array.from(agent.rng)).toEqual(Array.from(g));
  });

  it('F → G: continuation 0 past the terminal state, where Q-learning reads Q(G, ·) (here 0.5 set by hand)', () => {
    // ε 0, γ 0.5, α 0.5, Q(F, ·) = [0, 0, 0.5, 0.25]: Right into G, reward 1,
    // td_target = 1 + 0.5·0 = 1, td_error = 0.5, Q(F, Right) 0.5 → 0.75.
    const agents = (['expected-sarsa', 'q-learning'] as const).map((alg) => {
      const agent = sfgAgent(fixed(0, { alpha: 0.5, gamma: 0.5 }), 0, 0.25, [0, 0, 0.5, 0.25]);
      agent.q.set([0.5, 0.5, 0.5, 0.5], 2 * 4);
      algorithmStep(agent, alg);
      return algorithmStep(agent, alg);
    });
    const [r, lesson] = agents;
    expect([r!.state, r!.action, r!.nextState, r!.reward, r!.terminated]).toEqual([
      1,
      RIGHT,
      2,
      1,
      true,
    ]);
    expect([r!.bootstrap, r!.tdTarget, r!.tdError, r!.qAfter]).toEqual([0, 1, 0.5, 0.75]);
    expect(lesson!.tdTarget).toBe(1 + 0.5 * 0.5);
  });
});

describe('ε = 0: SARSA and Expected SARSA bootstrap from the greedy action, as Q-learning does', () => {
  it('SARSA’s td_target equals Q-learning’s from every state of 4x4 deterministic, random Q', () => {
    const env = createEnv({ isSlippery: false });
    const rng = createRng(11);
    for (let trial = 0; trial < 20; trial++) {
      // Random Q on the states an update can write; terminal rows stay 0, as training keeps them.
      const q = Float64Array.from({ length: env.nS * 4 }, (_, i) =>
        env.terminal[i >> 2] ? 0 : rng.uniform(),
      );
      for (let s = 0; s < env.nS; s++) {
        if (env.terminal[s]) continue;
        const records = (['q-learning', 'sarsa'] as const).map((alg) => {
          const agent = createAgent(env, fixed(0), trial);
          agent.q.set(q);
          agent.state = s;
          return algorithmStep(agent, alg);
        });
        expect(records[1]!.tdTarget).toBe(records[0]!.tdTarget);
        expect(records[1]!.qAfter).toBe(records[0]!.qAfter);
      }
    }
  });

  it('SARSA = Q-learning bit for bit over 200 episodes of S F G steered right', () => {
    const runs = (['q-learning', 'sarsa'] as const).map((alg) => {
      const agent = sfgAgent(fixed(0), 9, 0.01, [0, 0, 0.01, 0]);
      runAlgorithmEpisodes(agent, alg, 200);
      return agent;
    });
    expect(runs[0]!.q[RIGHT]).toBeGreaterThan(0.9);
    expect(sameBits(runs[1]!.q, runs[0]!.q)).toBe(true);
    expect(Array.from(runs[1]!.rng)).toEqual(Array.from(runs[0]!.rng));
  });

  for (const tieBreak of ['first', 'random'] as const) {
    it(`Expected SARSA = Q-learning bit for bit (${tieBreak} ties, slippery 4x4, from a half-trained Q)`, () => {
      const env = createEnv();
      const warm = train(env, { tieBreak }, 21, 2000);
      const runs = (['q-learning', 'expected-sarsa'] as const).map((alg) => {
        const agent = createAgent(env, fixed(0, { tieBreak }), 5);
        agent.q.set(warm.q);
        runAlgorithmEpisodes(agent, alg, 2000);
        return agent;
      });
      expect(sameBits(runs[1]!.q, runs[0]!.q)).toBe(true);
      expect(Array.from(runs[1]!.rng)).toEqual(Array.from(runs[0]!.rng));
      expect(runs[1]!.totalSteps).toBe(runs[0]!.totalSteps);
    });
  }
});

describe('the readable loop keeps the same books as the fast one', () => {
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

  it('different seeds give different Q', () => {
    const a = trainAlgorithm(createEnv(), 'sarsa', {}, 0, 1000);
    const b = trainAlgorithm(createEnv(), 'sarsa', {}, 1, 1000);
    expect(sameBits(a.q, b.q)).toBe(false);
  });

  it('trainAlgorithm = createAgent + runAlgorithmEpisodes; for Q-learning = train()', () => {
    const env = createEnv();
    const a = trainAlgorithm(env, 'expected-sarsa', {}, 6, 300);
    const b = createAgent(env, {}, 6);
    runAlgorithmEpisodes(b, 'expected-sarsa', 300);
    expect(sameBits(a.q, b.q)).toBe(true);
    expect(
      sameBits(trainAlgorithm(env, 'q-learning', {}, 6, 300).q, train(env, {}, 6, 300).q),
    ).toBe(true);
  });
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

describe('the fast loop on an QAgent', () => {
  it('runEpisodes accepts it and gives train()’s Q', () => {
    const agent = createAgent(createEnv(), {}, 0);
    runEpisodes(agent, 100);
    expect(sameBits(agent.q, train(createEnv(), {}, 0, 100).q)).toBe(true);
  });
});
