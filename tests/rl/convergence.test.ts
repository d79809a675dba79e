import { describe, expect, it } from 'vitest';
import {
  convergenceHeadline,
  convergenceNotice,
  createConvergenceWatch,
  reachableNonTerminal,
  STABLE_EPISODES,
  statesOffOptimal,
  type ConvergenceReport,
} from '../../src/rl/convergence';
import { createEnv } from '../../src/rl/env';
import { generateRandomMap } from '../../src/rl/maps';
import { valueIteration } from '../../src/rl/evaluation';
import { createAgent } from '../../src/rl/agent';
import { LESSON_PARAMS } from '../../src/rl/params';
import { runSteps } from '../../src/rl/fast-loop';
import { greedyMasks, greedySetChanged } from '../../src/rl/tables';

// Actions: Left 0, Down 1, Right 2, Up 3; masks have bit a set for a greedy action a.
const LEFT = 1;
const DOWN = 2;
const RIGHT = 4;
const UP = 8;
const ALL = 15;

/**
 * SF      non-slippery, γ = 0.9: from state 0 Right (to 1) and Down (to 2) both lead one step from
 * FG      the goal: Q*(0, Right) = Q*(0, Down) = 0.9 · 1 = 0.9, Q*(0, Left) = Q*(0, Up) = 0.9 ·
 *         V*(0) = 0.81. O(0) = {Down, Right}, O(1) = {Down}, O(2) = {Right}; state 3 is the goal.
 */
const env2x2 = createEnv({ map: ['SF', 'FG'], isSlippery: false });
const star2x2 = valueIteration(env2x2, 0.9);

/** Q with the given values per state (Left, Down, Right, Up), 0 elsewhere. */
function qOf(nS: number, rows: Record<number, [number, number, number, number]>): Float64Array {
  const q = new Float64Array(nS * 4);
  for (const [s, row] of Object.entries(rows)) q.set(row, Number(s) * 4);
  return q;
}

describe('the worked 2x2 optimum', () => {
  it('has Q*(0, ·) = [0.81, 0.9, 0.9, 0.81] and V* = [0.9, 1, 1, 0]', () => {
    expect(Array.from(star2x2.q.slice(0, 4)).map((x) => +x.toFixed(6))).toEqual([
      0.81, 0.9, 0.9, 0.81,
    ]);
    expect(Array.from(star2x2.v).map((x) => +x.toFixed(6))).toEqual([0.9, 1, 1, 0]);
  });
});

describe('reachableNonTerminal', () => {
  it('marks the non-terminal states reachable from the start', () => {
    expect(Array.from(reachableNonTerminal(env2x2))).toEqual([1, 1, 1, 0]);
  });

  it('leaves out a frozen tile behind a hole and the goal', () => {
    // SHF    state 2 is entered only from the hole (1) or the goal (5): never reached.
    // FFG
    const env = createEnv({ map: ['SHF', 'FFG'], isSlippery: false });
    expect(Array.from(reachableNonTerminal(env))).toEqual([1, 0, 0, 1, 1, 0]);
  });

  it('on the slippery 4x4 map: the 11 frozen tiles and the start, holes and goal excluded', () => {
    const env = createEnv({ map: '4x4' });
    expect(Array.from(reachableNonTerminal(env)).join('')).toBe('1111101011100110');
  });
});

describe('statesOffOptimal: G(s) ⊆ O(s) in every reachable non-terminal state', () => {
  const reachable = reachableNonTerminal(env2x2);
  const off = (masks: number[]) => statesOffOptimal(masks, star2x2.q, reachable);

  it('one optimal greedy action per state: equal', () => {
    expect(off([RIGHT, DOWN, RIGHT, ALL])).toEqual([]);
  });

  it('a tie between two optimal actions is still optimal', () => {
    expect(off([RIGHT | DOWN, DOWN, RIGHT, ALL])).toEqual([]);
  });

  it('a tie that includes a non-optimal action is not (every action ties at Q = 0)', () => {
    expect(off([ALL, DOWN, RIGHT, ALL])).toEqual([0]);
    expect(off([RIGHT | UP, DOWN, RIGHT, ALL])).toEqual([0]);
  });

  it('names every state that is off, lowest first', () => {
    expect(off([LEFT, DOWN, UP, ALL])).toEqual([0, 2]);
  });

  it('ignores states the agent cannot reach', () => {
    const env = createEnv({ map: ['SHF', 'FFG'], isSlippery: false });
    const star = valueIteration(env, 0.9);
    // Optimal: Down at 0, Right at 3 and 4. State 2 has a wrong (Left) greedy action: unreachable.
    expect(
      statesOffOptimal([DOWN, ALL, LEFT, RIGHT, RIGHT, ALL], star.q, reachableNonTerminal(env)),
    ).toEqual([]);
    expect(
      statesOffOptimal([DOWN, ALL, LEFT, UP, RIGHT, ALL], star.q, reachableNonTerminal(env)),
    ).toEqual([3]);
  });
});

describe('greedySetChanged: only Q(s, a) moved, m = max of the other three', () => {
  // State 0 with Q(0, ·) = [0.2, 0.5, after, 0.1]: m for a = Right is 0.5.
  const q = (after: number) => [0.2, 0.5, after, 0.1];
  it('no change while Q(s, a) stays below m, stays above it, or does not move', () => {
    expect(greedySetChanged(q(0.3), 0, 2, 0.1)).toBe(false);
    expect(greedySetChanged(q(0.9), 0, 2, 0.7)).toBe(false);
    expect(greedySetChanged(q(0.5), 0, 2, 0.5)).toBe(false);
  });
  it('a change when it crosses m, reaches it (a new tie) or leaves it (a tie broken)', () => {
    expect(greedySetChanged(q(0.6), 0, 2, 0.4)).toBe(true);
    expect(greedySetChanged(q(0.4), 0, 2, 0.6)).toBe(true);
    expect(greedySetChanged(q(0.5), 0, 2, 0.3)).toBe(true);
    expect(greedySetChanged(q(0.3), 0, 2, 0.5)).toBe(true);
  });
  it('at Q = 0 the first reward breaks the four-way tie', () => {
    expect(greedySetChanged([0, 0, 0.1, 0], 0, 2, 0)).toBe(true);
  });
});

describe('QAgent.greedyStableSince, kept after every update', () => {
  it.each([
    ['4x4', 3],
    ['4x4', 0],
    ['4x4', 7],
  ] as const)(
    'on %s, seed %i, agrees with a watch that compares every greedy set after every single step',
    (map, seed) => {
      const env = createEnv({ map });
      const agent = createAgent(env, { ...LESSON_PARAMS }, seed);
      const reference = createAgent(env, { ...LESSON_PARAMS }, seed);
      expect(agent.greedyStableSince).toBe(0);
      let masks = greedyMasks(reference.q);
      let since = 0;
      while (reference.episode < 2000) {
        const episode = reference.current.episode;
        runSteps(reference, 1);
        const next = greedyMasks(reference.q);
        if (next.some((m, s) => m !== masks[s])) since = episode + 1;
        masks = next;
      }
      // The fast loop in big chunks dates the last change exactly as the step-by-step watch does.
      runSteps(agent, Number.MAX_SAFE_INTEGER, 2000);
      expect(agent.greedyStableSince).toBe(since);
      expect(since).toBeGreaterThan(0);
    },
  );
});

describe('createConvergenceWatch', () => {
  /** Right at 0, Down at 1, Right at 2: the optimal policy, reaching the goal surely. */
  const optimalQ = qOf(4, { 0: [0, 0, 0.5, 0], 1: [0, 0.7, 0, 0], 2: [0, 0, 0.6, 0] });
  /** Up at 0 (bumps the wall forever): never reaches the goal. */
  const stuckQ = qOf(4, { 0: [0, 0, 0, 0.2], 1: [0, 0.7, 0, 0], 2: [0, 0, 0.6, 0] });

  it('calls the policy stable once episode − stableSince reaches the threshold', () => {
    const watch = createConvergenceWatch(env2x2, 10);
    expect(watch.report(optimalQ, 9, 0, star2x2.q, false)).toEqual({
      stableSince: 0,
      episode: 9,
      stableEpisodes: 10,
      stable: false,
      finished: false,
      verdict: null,
    });
    const r = watch.report(optimalQ, 10, 0, star2x2.q, false);
    expect(r.stable).toBe(true);
    expect(r.verdict).toEqual({
      offOptimal: [],
      reachable: 3,
      successProbability: 1,
      untouched: false,
    });
  });

  it('judges the greedy sets of the Q it is given: Up at 0 is off the optimum and never succeeds', () => {
    const watch = createConvergenceWatch(env2x2, 10);
    expect(watch.report(stuckQ, 21, 12, star2x2.q, false)).toMatchObject({
      stableSince: 12,
      stable: false,
      verdict: null,
    });
    const r = watch.report(stuckQ, 22, 12, star2x2.q, false);
    expect(r.stable).toBe(true);
    expect(r.verdict).toEqual({
      offOptimal: [0],
      reachable: 3,
      successProbability: 0,
      untouched: false,
    });
  });

  it('when training finished the verdict comes even if the policy is not stable', () => {
    const watch = createConvergenceWatch(env2x2, 10);
    const r = watch.report(stuckQ, 100, 95, star2x2.q, true);
    expect(r).toMatchObject({ stableSince: 95, stable: false, finished: true });
    expect(r.verdict).toEqual({
      offOptimal: [0],
      reachable: 3,
      successProbability: 0,
      untouched: false,
    });
  });

  it('keeps the verdict while the policy stands, and recomputes it after a change or for a new Q*', () => {
    const watch = createConvergenceWatch(env2x2, 10);
    const a = watch.report(optimalQ, 10, 0, star2x2.q, false).verdict;
    expect(watch.report(optimalQ, 50, 0, star2x2.q, false).verdict).toBe(a);
    const other = valueIteration(env2x2, 0.5);
    expect(watch.report(optimalQ, 60, 0, other.q, false).verdict).not.toBe(a);
    const b = watch.report(stuckQ, 80, 70, star2x2.q, false).verdict;
    expect(b).toEqual({ offOptimal: [0], reachable: 3, successProbability: 0, untouched: false });
  });

  it('marks a Q still 0 in every reachable state as untouched, and any learned value as not', () => {
    const watch = createConvergenceWatch(env2x2, 10);
    const zero = new Float64Array(16);
    expect(watch.report(zero, 10, 0, star2x2.q, false).verdict).toMatchObject({ untouched: true });
    expect(watch.report(stuckQ, 30, 20, star2x2.q, false).verdict).toMatchObject({
      untouched: false,
    });
  });

  it('uses STABLE_EPISODES = 1,000 (the lesson’s save_interval) by default', () => {
    expect(STABLE_EPISODES).toBe(1000);
    const watch = createConvergenceWatch(env2x2);
    expect(watch.report(optimalQ, 999, 0, star2x2.q, false).stable).toBe(false);
    expect(watch.report(optimalQ, 1000, 0, star2x2.q, false).stable).toBe(true);
  });
});

/** A report of the lesson's 4x4 run settled since episode 8,455 on the optimal policy. */
const base: ConvergenceReport = {
  stableSince: 8455,
  episode: 9600,
  stableEpisodes: 1000,
  stable: true,
  finished: false,
  verdict: { offOptimal: [], reachable: 11, successProbability: 0.74022, untouched: false },
};

describe('convergenceNotice', () => {
  it('says nothing before the policy is stable or training finished', () => {
    expect(convergenceNotice({ ...base, stable: false, verdict: null }, 0.7402)).toBeNull();
  });

  it('stable and optimal', () => {
    expect(convergenceNotice(base, 0.7402)).toBe(
      'The greedy policy has not changed for 1,000 episodes (the same since episode 8,455). It equals the optimal policy (value iteration) in all 11 states the agent can reach; its exact success probability is 0.7402.',
    );
  });

  it('stable but off the optimum in two states', () => {
    const report = {
      ...base,
      verdict: { offOptimal: [2, 3], reachable: 11, successProbability: 0.72977, untouched: false },
    };
    expect(convergenceNotice(report, 0.74022)).toBe(
      "The greedy policy has not changed for 1,000 episodes (the same since episode 8,455). It differs from the optimal policy (value iteration) in 2 of the 11 states the agent can reach (states 2 and 3); its exact success probability is 0.7298, the optimal policy's 0.7402.",
    );
  });

  it('finished while still changing: names the last change and the end, not a running count', () => {
    const report: ConvergenceReport = {
      ...base,
      stableSince: 9678,
      episode: 10000,
      stable: false,
      finished: true,
      verdict: { offOptimal: [2], reachable: 11, successProbability: 0.7, untouched: false },
    };
    expect(convergenceNotice(report, 0.7402)).toBe(
      "Training stopped after 10,000 episodes with the greedy policy still changing: it last changed at episode 9,678, fewer than 1,000 episodes before. It differs from the optimal policy (value iteration) in 1 of the 11 states the agent can reach (state 2); its exact success probability is 0.7000, the optimal policy's 0.7402.",
    );
  });

  it('nothing learned yet (8x8 with the lesson’s settings): says why the policy has not moved', () => {
    const untouched = { offOptimal: [], reachable: 53, successProbability: 0, untouched: true };
    const stable: ConvergenceReport = {
      ...base,
      stableSince: 0,
      episode: 4000,
      verdict: untouched,
    };
    expect(convergenceNotice(stable, 0.7414)).toBe(
      "Q is still 0 in all 53 states the agent can reach: no update has moved it yet (only reaching the goal pays a reward), so every action ties everywhere and the greedy policy has not changed since the start. Its exact success probability is 0.0000, the optimal policy's 0.7414.",
    );
    // Named fixed: the same words on every snapshot while nothing is learned.
    expect(convergenceNotice({ ...stable, episode: 9000 }, 0.7414)).toBe(
      convergenceNotice(stable, 0.7414),
    );
    const finished: ConvergenceReport = {
      ...stable,
      episode: 10000,
      stable: false,
      finished: true,
    };
    expect(convergenceNotice(finished, 0.7414)).toMatch(
      /^Training stopped after 10,000 episodes with Q still 0 in all 53 states the agent can reach: /,
    );
  });

  it('names at most eight states and counts the rest', () => {
    const off = Array.from({ length: 20 }, (_, i) => i * 2);
    const report = {
      ...base,
      verdict: { offOptimal: off, reachable: 53, successProbability: 0.1, untouched: false },
    };
    expect(convergenceNotice(report, 0.7414)).toContain(
      'in 20 of the 53 states the agent can reach (states 0, 2, 4, 6, 8, 10, 12, 14 and 12 more)',
    );
  });

  it('the text does not change while the policy stands (announced once)', () => {
    const later = { ...base, episode: base.episode + 5000 };
    expect(convergenceNotice(later, 0.7402)).toBe(convergenceNotice(base, 0.7402));
  });
});

describe('reachableNonTerminal is the transition table’s reachability', () => {
  /** Breadth-first over P: non-terminal states reached with positive probability. */
  function byTransitions(env: ReturnType<typeof createEnv>): number[] {
    const seen = new Set([env.start]);
    const queue = [env.start];
    while (queue.length > 0) {
      const s = queue.shift()!;
      if (env.terminal[s]) continue;
      for (const row of env.P[s]!)
        for (const [p, ns] of row)
          if (p > 0 && !seen.has(ns)) {
            seen.add(ns);
            queue.push(ns);
          }
    }
    return Array.from({ length: env.nS }, (_, s) => (seen.has(s) && !env.terminal[s] ? 1 : 0));
  }

  it('on random maps, slippery or not, at success rates 0, 1/3, 0.5 and 1', () => {
    for (let seed = 0; seed < 40; seed++) {
      const map = generateRandomMap(3 + (seed % 6), 0.7, seed);
      for (const isSlippery of [true, false])
        for (const successRate of [0, 1 / 3, 0.5, 1]) {
          const env = createEnv({ map, isSlippery, successRate });
          expect(Array.from(reachableNonTerminal(env))).toEqual(byTransitions(env));
        }
    }
  });
});

describe('convergenceHeadline: the notice in a few words for the one-line badge', () => {
  it('names the case in at most 56 characters', () => {
    const cases: Array<[ConvergenceReport, string | null]> = [
      [{ ...base, stable: false, verdict: null }, null],
      [base, 'Settled since episode 8,455: the optimal policy'],
      [
        { ...base, verdict: { ...base.verdict!, offOptimal: [2, 3] } },
        'Settled since episode 8,455: off the optimum in 2 states',
      ],
      [
        { ...base, verdict: { ...base.verdict!, offOptimal: [2] } },
        'Settled since episode 8,455: off the optimum in 1 state',
      ],
      [
        { ...base, episode: 10_000, stable: false, finished: true },
        'Still changing at episode 10,000',
      ],
      [
        { ...base, verdict: { ...base.verdict!, untouched: true } },
        'Q still 0: nothing learned yet',
      ],
    ];
    for (const [report, headline] of cases) {
      expect(convergenceHeadline(report)).toBe(headline);
      expect((headline ?? '').length).toBeLessThanOrEqual(56);
    }
  });
});
