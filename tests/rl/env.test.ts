import { describe, expect, it } from 'vitest';
import {
  ACTION_NAMES,
  MAX_TIME_LIMIT,
  createEnv,
  defaultMaxSteps,
  envStep,
  moveFrom,
  sampleOutcome,
  tileAt,
  type IceMazeEnv,
} from '../../src/rl/env';
import { MapError } from '../../src/rl/maps';
import { createRngState, nextUint32, nextUniform } from '../../src/rl/rng';
import { transitionsFixture } from './fixtures';

const LEFT = 0;
const DOWN = 1;
const RIGHT = 2;
const UP = 3;

/** The largest double below x (x > 0). */
function below(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
}

/** The smallest double above x (x > 0). */
function above(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}

describe("createEnv: Gymnasium's transition table", () => {
  for (const map of ['4x4', '8x8'] as const) {
    for (const isSlippery of [true, false]) {
      it(`P of ${map} ${isSlippery ? 'slippery' : 'deterministic'} equals the reference entry by entry`, () => {
        const ref = transitionsFixture(map, isSlippery);
        const env = createEnv({ map, isSlippery });
        expect(env.desc).toEqual(ref.desc);
        expect(env.P).toHaveLength(ref.P.length);
        for (let s = 0; s < ref.P.length; s++) {
          for (let a = 0; a < 4; a++) {
            // Exact (Object.is on every number): same probabilities to the last bit, same order.
            expect(env.P[s]![a], `P[${s}][${a}]`).toStrictEqual(ref.P[s]![a]);
          }
        }
        expect(env.P).toStrictEqual(ref.P);
      });
    }
  }

  it('has 16 states and 4 actions on 4x4, 64 on 8x8, start 0', () => {
    const small = createEnv();
    expect([small.nrow, small.ncol, small.nS, small.nA, small.start]).toEqual([4, 4, 16, 4, 0]);
    const big = createEnv({ map: '8x8' });
    expect([big.nrow, big.ncol, big.nS, big.nA, big.start]).toEqual([8, 8, 64, 4, 0]);
    expect(ACTION_NAMES).toEqual(['Left', 'Down', 'Right', 'Up']);
  });

  it('defaults to the slippery 4x4 map with success rate 1/3 and rewards (1, 0, 0)', () => {
    const env = createEnv();
    expect(env.desc).toEqual(['SFFF', 'FHFH', 'FFFH', 'HFFG']);
    expect(env.isSlippery).toBe(true);
    expect(env.successRate).toBe(1 / 3);
    expect(env.rewardSchedule).toEqual([1, 0, 0]);
  });

  it('puts probabilities (1 − 1/3)/2, 1/3, (1 − 1/3)/2 on directions a−1, a, a+1', () => {
    const env = createEnv();
    // From state 10 (row 2, col 2), Down tries Left (9), Down (14), Right (11, a hole).
    expect(env.P[10]![DOWN]).toEqual([
      [0.33333333333333337, 9, 0, false],
      [0.3333333333333333, 14, 0, false],
      [0.33333333333333337, 11, 0, true],
    ]);
    expect(0.33333333333333337).toBe((1 - 1 / 3) / 2);
  });

  it('rows of P sum to 1 on every map and option', () => {
    const envs = [
      createEnv(),
      createEnv({ map: '8x8' }),
      createEnv({ isSlippery: false }),
      createEnv({ map: ['SFFHG', 'FHFFF'], successRate: 0.8 }),
      createEnv({ successRate: 0 }),
      createEnv({ successRate: 1 }),
    ];
    for (const env of envs) {
      for (let s = 0; s < env.nS; s++) {
        for (let a = 0; a < env.nA; a++) {
          const sum = env.P[s]![a]!.reduce((acc, [p]) => acc + p, 0);
          expect(Math.abs(sum - 1)).toBeLessThan(1e-15);
        }
      }
    }
  });

  it('makes G and H absorbing: a single entry (1, s, 0, true) for every action', () => {
    const env = createEnv({ map: '8x8' });
    for (let s = 0; s < env.nS; s++) {
      const tile = tileAt(env, s);
      if (tile !== 'G' && tile !== 'H') continue;
      expect(env.terminal[s]).toBe(1);
      expect(env.goal[s]).toBe(tile === 'G' ? 1 : 0);
      for (let a = 0; a < 4; a++) {
        expect(env.P[s]![a]).toEqual([[1, s, 0, true]]);
        expect(env.outCount[s * 4 + a]).toBe(1);
      }
    }
    expect(env.terminal.reduce((n, x) => n + x, 0)).toBe(11); // 10 holes and the goal
  });

  it('keeps the agent in place on a move into the border', () => {
    const env = createEnv({ isSlippery: false });
    expect(env.P[0]![LEFT]).toEqual([[1, 0, 0, false]]);
    expect(env.P[0]![UP]).toEqual([[1, 0, 0, false]]);
    expect(env.P[3]![RIGHT]).toEqual([[1, 3, 0, false]]);
    expect(env.P[3]![UP]).toEqual([[1, 3, 0, false]]);
    expect(env.P[14]![DOWN]).toEqual([[1, 14, 0, false]]);
    expect(moveFrom(8, 8, 56, DOWN)).toBe(56);
    expect(moveFrom(8, 8, 56, LEFT)).toBe(56);
    expect(moveFrom(8, 8, 7, RIGHT)).toBe(7);
    expect(moveFrom(8, 8, 7, UP)).toBe(7);
    expect(moveFrom(8, 8, 9, UP)).toBe(1);
  });

  it('lists a border outcome twice when two slips stay put (state 0, Left)', () => {
    const env = createEnv();
    // Left from the corner tries Up (stays), Left (stays), Down (to 4).
    expect(env.P[0]![LEFT]!.map(([, ns]) => ns)).toEqual([0, 0, 4]);
  });

  it('uses a custom success rate: 0.8 leaves (1 − 0.8)/2 ≈ 0.1 to each side', () => {
    const env = createEnv({ successRate: 0.8 });
    const [left, mid, right] = env.P[9]![DOWN]!;
    expect(left![0]).toBe((1 - 0.8) / 2);
    expect(left![0]).toBeCloseTo(0.1, 15);
    expect(mid![0]).toBe(0.8);
    expect(right![0]).toBe((1 - 0.8) / 2);
    // Down from 9 tries Left (8), Down (13), Right (10).
    expect([left![1], mid![1], right![1]]).toEqual([8, 13, 10]);
  });

  it('with success rate 1 still lists three outcomes, the side ones with probability 0', () => {
    const env = createEnv({ successRate: 1 });
    expect(env.P[9]![DOWN]).toEqual([
      [0, 8, 0, false],
      [1, 13, 0, false],
      [0, 10, 0, false],
    ]);
  });

  it('rejects a success rate outside [0, 1]', () => {
    expect(() => createEnv({ successRate: 1.5 })).toThrow(RangeError);
    expect(() => createEnv({ successRate: -0.1 })).toThrow(RangeError);
    expect(() => createEnv({ successRate: Number.NaN })).toThrow(RangeError);
  });

  it('pays the reward schedule (goal, hole, frozen) on entering a tile, 0 inside G and H', () => {
    const env = createEnv({ isSlippery: false, rewardSchedule: [10, -1, -0.01] });
    expect(env.P[14]![RIGHT]).toEqual([[1, 15, 10, true]]);
    expect(env.P[4]![RIGHT]).toEqual([[1, 5, -1, true]]);
    expect(env.P[0]![DOWN]).toEqual([[1, 4, -0.01, false]]);
    // Entering S counts as a frozen tile.
    expect(env.P[4]![UP]).toEqual([[1, 0, -0.01, false]]);
    expect(env.P[15]![LEFT]).toEqual([[1, 15, 0, true]]);
    expect(env.P[5]![LEFT]).toEqual([[1, 5, 0, true]]);
  });

  it('rejects rewards that are not finite', () => {
    expect(() => createEnv({ rewardSchedule: [Number.NaN, 0, 0] })).toThrow(RangeError);
    expect(() => createEnv({ rewardSchedule: [1, -Infinity, 0] })).toThrow(RangeError);
  });

  it('defaults the time limit to 100 on 4x4 and 200 on 8x8', () => {
    expect(createEnv().maxSteps).toBe(100);
    expect(createEnv({ map: '8x8' }).maxSteps).toBe(200);
    expect(createEnv({ map: ['SFG'] }).maxSteps).toBe(100);
    // Other maps: 100 up to 16 tiles, 200 above.
    expect(createEnv({ map: ['SFFFF', 'FFFFF', 'FFFFG'] }).maxSteps).toBe(100);
    expect(createEnv({ map: ['SFFFFF', 'FFFFFF', 'FFFFFG'] }).maxSteps).toBe(200);
    expect(defaultMaxSteps(4, 4)).toBe(100);
    expect(defaultMaxSteps(1, 17)).toBe(200);
  });

  it(`takes a custom time limit from 1 to ${MAX_TIME_LIMIT} and rejects 0, 2.5 and one more`, () => {
    expect(createEnv({ maxSteps: 7 }).maxSteps).toBe(7);
    expect(createEnv({ maxSteps: MAX_TIME_LIMIT }).maxSteps).toBe(MAX_TIME_LIMIT);
    expect(() => createEnv({ maxSteps: 0 })).toThrow(RangeError);
    expect(() => createEnv({ maxSteps: 2.5 })).toThrow(RangeError);
    expect(() => createEnv({ maxSteps: MAX_TIME_LIMIT + 1 })).toThrow(RangeError);
  });

  it('builds a custom map and finds its start', () => {
    const env = createEnv({ map: ['FFF', 'FSF', 'FFG'], isSlippery: false });
    expect(env.start).toBe(4);
    expect(env.P[4]![UP]).toEqual([[1, 1, 0, false]]);
    expect(env.P[5]![DOWN]).toEqual([[1, 8, 1, true]]);
  });

  it('throws MapError for a bad map and RangeError for an unknown map name', () => {
    expect(() => createEnv({ map: ['SHG'] })).toThrow(MapError);
    expect(() => createEnv({ map: '16x16' })).toThrow(RangeError);
  });

  it('flattens P into the typed arrays at index (s·4 + a)·3 + k, with numpy cumsum', () => {
    const env = createEnv();
    for (let s = 0; s < env.nS; s++) {
      for (let a = 0; a < 4; a++) {
        const li = env.P[s]![a]!;
        const base = (s * 4 + a) * 3;
        let cum = 0;
        for (let k = 0; k < li.length; k++) {
          const [p, ns, r, term] = li[k]!;
          cum += p;
          expect(env.outProb[base + k]).toBe(p);
          expect(env.outNext[base + k]).toBe(ns);
          expect(env.outReward[base + k]).toBe(r);
          expect(env.outTerminated[base + k]).toBe(term ? 1 : 0);
          expect(env.outCum[base + k]).toBe(cum);
        }
      }
    }
  });

  it('records the direction actually moved for each outcome', () => {
    const env = createEnv();
    const base = (6 * 4 + RIGHT) * 3;
    // Right tries Down, Right, Up.
    expect(Array.from(env.outDirection.subarray(base, base + 3))).toEqual([DOWN, RIGHT, UP]);
  });
});

describe('sampleOutcome: the first k whose cumulative probability exceeds u', () => {
  const env: IceMazeEnv = createEnv();
  const s = 10;
  const a = DOWN; // outcomes 9, 14, 11
  const [p0, p1, p2] = env.P[s]![a]!.map(([p]) => p) as [number, number, number];
  const c0 = p0;
  const c1 = p0 + p1;

  it('cumulative probabilities are 0.33333333333333337, 0.6666666666666667, 1', () => {
    expect([c0, c1, c1 + p2]).toEqual([0.33333333333333337, 0.6666666666666667, 1]);
  });

  it('u = 0 gives outcome 0', () => {
    expect(sampleOutcome(env, s, a, 0)).toBe(0);
  });

  it('u just below the first boundary gives 0, u at it or just above gives 1', () => {
    expect(sampleOutcome(env, s, a, below(c0))).toBe(0);
    expect(sampleOutcome(env, s, a, 1 / 3)).toBe(0); // 1/3 rounds below c0
    expect(sampleOutcome(env, s, a, c0)).toBe(1);
    expect(sampleOutcome(env, s, a, above(c0))).toBe(1);
  });

  it('u just below the second boundary gives 1, u at it or just above gives 2', () => {
    expect(sampleOutcome(env, s, a, below(c1))).toBe(1);
    expect(sampleOutcome(env, s, a, c1)).toBe(2);
    expect(sampleOutcome(env, s, a, above(c1))).toBe(2);
  });

  it('u just below 1 gives the last outcome', () => {
    expect(sampleOutcome(env, s, a, below(1))).toBe(2);
    expect(sampleOutcome(env, s, a, 0xffffffff * 2 ** -32)).toBe(2);
  });

  it('a single-outcome entry always gives 0', () => {
    const det = createEnv({ isSlippery: false });
    for (const u of [0, 0.5, below(1)]) expect(sampleOutcome(det, 0, RIGHT, u)).toBe(0);
    expect(sampleOutcome(env, 5, LEFT, 0.9)).toBe(0); // the hole at 5
  });
});

describe('envStep', () => {
  it('draws exactly one uniform from the generator', () => {
    const env = createEnv();
    const rng = createRngState(21);
    const copy = rng.slice();
    envStep(env, 0, RIGHT, rng);
    nextUint32(copy);
    expect(Array.from(rng)).toEqual(Array.from(copy));
  });

  it('returns the outcome sampleOutcome picks for that uniform', () => {
    const env = createEnv();
    const rng = createRngState(22);
    const copy = rng.slice();
    for (let i = 0; i < 200; i++) {
      const s = [0, 1, 2, 4, 6, 8, 9, 10, 13, 14][i % 10]!;
      const a = i % 4;
      const out = envStep(env, s, a, rng);
      const k = sampleOutcome(env, s, a, nextUniform(copy));
      const [p, ns, r, term] = env.P[s]![a]![k]!;
      expect(out).toEqual({
        nextState: ns,
        reward: r,
        terminated: term,
        direction: env.outDirection[(s * 4 + a) * 3 + k],
        probability: p,
      });
    }
  });

  it('on deterministic ice always moves the intended way', () => {
    const env = createEnv({ isSlippery: false });
    const rng = createRngState(1);
    for (let i = 0; i < 20; i++) {
      expect(envStep(env, 14, RIGHT, rng)).toEqual({
        nextState: 15,
        reward: 1,
        terminated: true,
        direction: RIGHT,
        probability: 1,
      });
    }
  });

  it('slips to each side about (1 − 1/3)/2 of the time (20,000 draws)', () => {
    const env = createEnv();
    const rng = createRngState(3);
    const counts = [0, 0, 0, 0];
    const n = 20_000;
    for (let i = 0; i < n; i++) counts[envStep(env, 9, DOWN, rng).direction]!++;
    // Down from 9 moves Right, Down or Left; never Up.
    expect(counts[UP]).toBe(0);
    for (const d of [LEFT, DOWN, RIGHT])
      expect(Math.abs(counts[d]! / n - 1 / 3)).toBeLessThan(0.015);
  });
});
