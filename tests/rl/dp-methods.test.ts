/**
 * Value iteration and policy iteration of `rl/dp` against the reference tables (γ 0.99, 4x4 and
 * 8x8 slippery), against a plain value iteration over Gymnasium's P on custom maps with reward
 * schedules, and on a two-state map worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { createEnv, type IceMazeEnv, type RewardSchedule } from '../../src/rl/env';
import { valueIteration } from '../../src/rl/evaluation';
import { runPolicyIteration } from '../../src/rl/dp/policy-iteration';
import { runValueIteration, valueSweep } from '../../src/rl/dp/sweep';
import { optimalFixture } from './fixtures';

const LIMITS = { tolerance: 1e-12, maxSweeps: 100_000 };
const METHODS = {
  value: runValueIteration,
  policy: runPolicyIteration,
} as const;

function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: number,
  what: string,
) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++)
    expect(Math.abs(actual[i]! - expected[i]!), `${what}[${i}]`).toBeLessThan(tol);
}

/**
 * Value iteration written plainly over Gymnasium's P[s][a] = [[p, s′, r, terminated], …], with no
 * code of `rl/dp`: Q(s,a) = Σ p·(r + γ·(terminated ? 0 : V(s′))), V(s) = max_a Q(s,a).
 */
function plainValueIteration(env: IceMazeEnv, gamma: number): { v: number[]; q: number[] } {
  let v = new Array<number>(env.nS).fill(0);
  let q = new Array<number>(env.nS * 4).fill(0);
  for (let sweep = 0; sweep < 100_000; sweep++) {
    const nq = env.P.flatMap((row, s) =>
      row.map((outcomes) =>
        env.terminal[s]
          ? 0
          : outcomes.reduce(
              (x, [p, next, r, done]) => x + p * (r + (done ? 0 : gamma * v[next]!)),
              0,
            ),
      ),
    );
    const nv = v.map((_, s) => (env.terminal[s] ? 0 : Math.max(...nq.slice(s * 4, s * 4 + 4))));
    const change = Math.max(...nv.map((x, s) => Math.abs(x - v[s]!)));
    v = nv;
    q = nq;
    if (change < 1e-13) break;
  }
  return { v, q };
}

describe.each(['value', 'policy'] as const)('%s iteration', (method) => {
  for (const map of ['4x4', '8x8'] as const) {
    it(`${map}, γ 0.99: V and Q equal the reference tables to 1e-6`, () => {
      const ref = optimalFixture(map);
      const run = METHODS[method](createEnv({ map }), ref.gamma, LIMITS);
      expectClose(run.v, ref.V, 1e-6, 'V');
      expectClose(run.q, ref.Q.flat(), 1e-6, 'Q');
      ref.optimalActionSets.forEach((set, s) =>
        expect(set, `policy[${s}]`).toContain(run.policy[s]),
      );
    });
  }

  it.each<[string, string[], RewardSchedule, number, boolean]>([
    [
      '5x5 with a frozen-step cost',
      ['SFFFF', 'FHFHF', 'FFFHF', 'HFFFF', 'FFHFG'],
      [1, 0, -0.01],
      0.95,
      true,
    ],
    ['3x6 where holes cost 1', ['SFFHFF', 'FHFFFH', 'FFFHFG'], [2, -1, 0], 0.9, true],
    [
      '4x4 ice that does not slip, goal 10',
      ['SFFF', 'FHFH', 'FFFH', 'HFFG'],
      [10, -5, -1],
      0.8,
      false,
    ],
  ])(
    '%s: V and Q equal a plain value iteration over P to 1e-6',
    (_, map, rewardSchedule, gamma, isSlippery) => {
      const env = createEnv({ map, rewardSchedule, isSlippery, successRate: 0.6 });
      const plain = plainValueIteration(env, gamma);
      const run = METHODS[method](env, gamma, LIMITS);
      expectClose(run.v, plain.v, 1e-6, 'V');
      expectClose(run.q, plain.q, 1e-6, 'Q');
    },
  );

  it('two states, S G, slippery 1/3, γ 0.9: V(S) = (1/3) / (1 − 0.9·2/3) = 5/6', () => {
    // Down, Right and Up each reach G with 1/3 and stay with 2/3: V = 1/3 + (2/3)·0.9·V.
    // Left never reaches it: Q(S, Left) = 0.9·V = 3/4.
    const run = METHODS[method](createEnv({ map: ['SG'] }), 0.9, LIMITS);
    expect(run.v[0]).toBeCloseTo(5 / 6, 10);
    expect(run.v[1]).toBe(0);
    expectClose(run.q, [0.75, 5 / 6, 5 / 6, 5 / 6, 0, 0, 0, 0], 1e-10, 'Q');
    expect(run.policy[0]).toBe(1);
  });
});

describe('value iteration sweep by sweep', () => {
  it('S G slippery, γ 0.9: V_1(S) = 1/3, V_2(S) = 1/3 + 0.6·1/3 = 0.5333…, deltas 1/3 then 0.2', () => {
    const env = createEnv({ map: ['SG'] });
    const first = valueSweep(env, new Float64Array(2), 0.9);
    expect(first.v[0]).toBeCloseTo(1 / 3, 15);
    expect(first.delta).toBeCloseTo(1 / 3, 15);
    const second = valueSweep(env, first.v, 0.9);
    expect(second.v[0]).toBeCloseTo(8 / 15, 15);
    expect(second.delta).toBeCloseTo(0.2, 15);
    // The first sweep's Q: Left stays (0), the other three reach G with 1/3.
    expectClose(first.q.slice(0, 4), [0, 1 / 3, 1 / 3, 1 / 3], 1e-15, 'Q_1');
  });

  it('leaves V_k as it was, and the deltas shrink by at most γ per sweep (a contraction)', () => {
    const env = createEnv({ map: '4x4' });
    const run = runValueIteration(env, 0.99, { tolerance: 1e-10, maxSweeps: 10_000 });
    for (let k = 1; k < run.deltas.length; k++)
      expect(run.deltas[k]!).toBeLessThanOrEqual(0.99 * run.deltas[k - 1]! + 1e-15);
    expect(run.deltas.at(-1)!).toBeLessThan(1e-10);
    expect(run.deltas.at(-2)!).toBeGreaterThanOrEqual(1e-10);
    const v = new Float64Array(env.nS).fill(0.5);
    valueSweep(env, v, 0.99);
    expect(Array.from(v)).toEqual(new Array(env.nS).fill(0.5));
  });

  it('stops at maxSweeps when the tolerance is not reached', () => {
    const run = runValueIteration(createEnv({ map: '4x4' }), 0.99, { tolerance: 0, maxSweeps: 7 });
    expect(run.sweeps).toBe(7);
    expect(run.deltas).toHaveLength(7);
  });

  it('valueIteration (evaluation.ts) is this sweep run to 1e-13, table for table', () => {
    const env = createEnv({ map: '8x8' });
    const old = valueIteration(env, 0.99);
    const run = runValueIteration(env, 0.99, { tolerance: 1e-13, maxSweeps: 100_000 });
    expect(Array.from(old.q)).toEqual(Array.from(run.q));
    expect(old.iterations).toBe(run.sweeps);
  });
});

describe('policy iteration', () => {
  it.each([
    // From V = 0 the first improvement can only help where the goal is one slip away.
    ['4x4', 7, [1, 6, 4, 2, 2, 1, 0]],
    ['8x8', 11, [13, 10, 11, 12, 8, 9, 11, 13, 1, 1, 0]],
  ] as const)('%s, γ 0.99: %i improvements, the last changes nothing', (map, count, sizes) => {
    const run = runPolicyIteration(createEnv({ map }), 0.99, LIMITS);
    expect(run.improvements).toBe(count);
    expect(run.changedPerImprovement.map((c) => c.length)).toEqual(sizes);
    expect(run.sweeps).toBe(run.deltas.length);
  });

  it('S G slippery: π_0 = Left is changed to Down at state 0 by the first improvement, then kept', () => {
    const run = runPolicyIteration(createEnv({ map: ['SG'] }), 0.9, LIMITS);
    // Under Left V stays 0 (one sweep, Δ = 0); Down is worth 1/3 > 0.
    expect(run.changedPerImprovement).toEqual([[0], []]);
    expect(run.deltas[0]).toBe(0);
  });
});
