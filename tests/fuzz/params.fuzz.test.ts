/**
 * Property-based tests of the numeric limits (`rl/params`, the one place they live) and of the
 * learner under every setting they accept: a value is accepted exactly when an independent
 * reading of `PARAM_LIMITS` / `RUN_LIMITS` allows it, a refusal names the setting, and no accepted
 * setting can make Q NaN, infinite or leave its bounds.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createEnv, type RewardSchedule } from '../../src/rl/env';
import { MAPS } from '../../src/rl/maps';
import {
  checkLimit,
  type Limit,
  PARAM_LIMITS,
  paramErrors,
  type QParams,
  RUN_LIMITS,
} from '../../src/rl/params';
import { createAgent, setParams } from '../../src/rl/agent';
import { runSteps } from '../../src/rl/fast-loop';

// Thousands of generated cases: allow for a busy machine (a run takes a few seconds when idle).
vi.setConfig({ testTimeout: 60_000 });

const ALL_LIMITS: Array<[string, Limit]> = [
  ...Object.entries(PARAM_LIMITS),
  ...Object.entries(RUN_LIMITS),
];

/** The next double above / below x (for values one ulp either side of a bound). */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigUint64(0);
  buf.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return buf.getFloat64(0);
}
const nextDown = (x: number) => -nextUp(-x);

/** Values at and around a limit's bounds, and the usual suspects. */
function nearLimit(limit: Limit): fc.Arbitrary<unknown> {
  const { min, max } = limit;
  return fc.constantFrom(
    min,
    max,
    nextUp(min),
    nextDown(min),
    nextUp(max),
    nextDown(max),
    min - 1,
    max + 1,
    min + 0.5,
    (min + max) / 2,
    -0,
    0,
    Number.MIN_VALUE,
    -Number.MIN_VALUE,
    Number.NaN,
    Infinity,
    -Infinity,
    Number.MAX_VALUE,
    Number.MAX_SAFE_INTEGER,
    String(min),
    String(max),
    `${max}`,
    '',
    null,
    undefined,
    true,
    false,
    [],
    [min],
    {},
    { valueOf: () => min },
    BigInt(Math.round(max)),
  );
}

/** Anything a slider, a text field, a link or a message could hand over. */
function anyValue(limit: Limit): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: nearLimit(limit) },
    { weight: 3, arbitrary: fc.double() },
    { weight: 2, arbitrary: fc.double({ min: limit.min - 1, max: limit.max + 1 }) },
    { weight: 2, arbitrary: fc.integer({ min: Math.ceil(limit.min) - 3, max: 1000 }) },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 2, arbitrary: fc.anything({ withBigInt: true }) },
  );
}

/** The limit read independently: a finite number inside the bounds (and whole if it must be). */
function allowed(limit: Limit, value: unknown): boolean {
  if (typeof value !== 'number' || Number.isNaN(value)) return false;
  if (value === Infinity || value === -Infinity) return false;
  const aboveMin = limit.minExclusive ? value > limit.min : value >= limit.min;
  return aboveMin && value <= limit.max && (!limit.integer || Math.trunc(value) === value);
}

describe('checkLimit on any value', () => {
  for (const [name, limit] of ALL_LIMITS)
    it(`${name}: accepts exactly the values inside its limit; a refusal names "${limit.label}"`, () => {
      fc.assert(
        fc.property(anyValue(limit), (value) => {
          const error = checkLimit(limit, value);
          if (allowed(limit, value)) expect(error).toBeNull();
          else {
            expect(typeof error).toBe('string');
            expect(error).toContain(limit.label);
            expect(error).toContain(String(limit.max));
          }
        }),
        { seed: 42, numRuns: 2000 },
      );
    });

  it('has the boundary semantics the lesson states: α above 0, the rest from their minimum', () => {
    expect(checkLimit(PARAM_LIMITS.alpha, 0)).toMatch(/above 0/);
    expect(checkLimit(PARAM_LIMITS.alpha, -0)).not.toBeNull();
    expect(checkLimit(PARAM_LIMITS.alpha, Number.MIN_VALUE)).toBeNull();
    expect(checkLimit(PARAM_LIMITS.alpha, 1)).toBeNull();
    expect(checkLimit(PARAM_LIMITS.alpha, nextUp(1))).not.toBeNull();
    for (const key of ['gamma', 'epsilon', 'epsilonDecay', 'minEpsilon'] as const) {
      expect(checkLimit(PARAM_LIMITS[key], 0)).toBeNull();
      expect(checkLimit(PARAM_LIMITS[key], 1)).toBeNull();
      expect(checkLimit(PARAM_LIMITS[key], -Number.MIN_VALUE)).not.toBeNull();
    }
    expect(checkLimit(RUN_LIMITS.seed, 2 ** 32 - 1)).toBeNull();
    expect(checkLimit(RUN_LIMITS.seed, 2 ** 32)).not.toBeNull();
    expect(checkLimit(RUN_LIMITS.episodes, 1.5)).toMatch(/whole number/);
  });
});

const PARAM_NAMES = Object.keys(PARAM_LIMITS) as Array<keyof typeof PARAM_LIMITS>;

/** A partial set of hyperparameters as a message or a file might carry it, unknown keys too. */
const anyParamChange = fc.dictionary(
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...PARAM_NAMES, 'tieBreak') },
    { weight: 1, arbitrary: fc.constantFrom('lr', 'Alpha', 'epsilon_decay', 'constructor') },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  ),
  fc.oneof(
    anyValue(PARAM_LIMITS.alpha),
    fc.constantFrom('first', 'random', 'First', 'max'),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ),
  { maxKeys: 7 },
);

describe('paramErrors on any object', () => {
  it('returns one message per bad field, naming it, and none when every field is allowed', () => {
    fc.assert(
      fc.property(anyParamChange, (change) => {
        const errors = paramErrors(change);
        const expected: string[] = [];
        for (const [key, value] of Object.entries(change)) {
          if (key === 'tieBreak') {
            if (value !== 'first' && value !== 'random') expected.push('Tie rule');
          } else if ((PARAM_NAMES as string[]).includes(key)) {
            const limit = PARAM_LIMITS[key as keyof typeof PARAM_LIMITS];
            if (!allowed(limit, value)) expected.push(limit.label);
          } else expected.push(`"${key}"`);
        }
        expect(errors).toHaveLength(expected.length);
        errors.forEach((e, i) => expect(e).toContain(expected[i]));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  // Was a bug, fixed (src/rl/params.ts, checkLimit and paramErrors: `got ${String(value)}`): String() throws on
  // an object whose toString / valueOf are not functions, and such objects survive JSON.parse and
  // structured clone: `{"toString": 0}`. So paramErrors({ alpha: { toString: 0 } }) throws
  // "TypeError: Cannot convert object to primitive value" instead of naming α. Reachable from an
  // imported run file (parseRunRecord throws) and from a worker message (the trainer's catch-all
  // answers "Training stopped: Cannot convert object to primitive value" and stops a running loop).
  // Fix: describe the value without String(), e.g. typeof value === 'object' && value !== null ?
  // (Array.isArray(value) ? 'a list' : 'an object') : String(value).
  it('(was a bug) never throws on any JSON value, however hostile its keys', () => {
    const hostile = fc
      .dictionary(fc.constantFrom('toString', 'valueOf', 'x'), fc.jsonValue({ maxDepth: 1 }), {
        minKeys: 1,
      })
      .map((o) => JSON.parse(JSON.stringify(o)) as unknown);
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), hostile, fc.array(hostile)), (value) => {
        for (const [, limit] of ALL_LIMITS) checkLimit(limit, value);
        paramErrors({ alpha: value, tieBreak: value });
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

/** A double in [min, max] that lands on the bounds, -0 and 1 often. */
const unit = (min = 0) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.double({ min, max: 1, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(min, 1, min === 0 ? -0 : min, 1e-300, 0.5) },
  );

/** Every hyperparameter set the limits accept. */
const acceptedParams: fc.Arbitrary<QParams> = fc.record({
  alpha: fc.oneof(
    { weight: 4, arbitrary: fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(1, Number.MIN_VALUE, 1e-300, 0.5) },
  ),
  gamma: unit(),
  epsilon: unit(),
  epsilonDecay: unit(),
  minEpsilon: unit(),
  tieBreak: fc.constantFrom('first', 'random'),
});

const run = fc.record({
  map: fc.constantFrom('4x4', '8x8') as fc.Arbitrary<keyof typeof MAPS>,
  isSlippery: fc.boolean(),
  successRate: unit(),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  params: acceptedParams,
  /** A change made part-way, as set-params does. */
  change: fc.option(
    fc.record({ atStep: fc.integer({ min: 0, max: 200 }), params: acceptedParams }),
  ),
});

/** Trains 200 steps (with the change at its step) and returns the agent. */
type Run = typeof run extends fc.Arbitrary<infer T> ? T : never;

function train200(r: Run, rewardSchedule?: RewardSchedule) {
  const env = createEnv({
    map: r.map,
    isSlippery: r.isSlippery,
    successRate: r.successRate,
    rewardSchedule,
  });
  const agent = createAgent(env, r.params, r.seed);
  if (r.change) {
    runSteps(agent, r.change.atStep);
    setParams(agent, r.change.params);
    agent.epsilon = r.change.params.epsilon;
  }
  runSteps(agent, 200 - agent.totalSteps);
  return agent;
}

describe('a learner trained with any accepted hyperparameters', () => {
  it('the generators only make accepted settings', () => {
    fc.assert(
      fc.property(run, (r) => {
        expect(paramErrors(r.params)).toEqual([]);
        expect(checkLimit(RUN_LIMITS.successRate, r.successRate)).toBeNull();
        expect(checkLimit(RUN_LIMITS.seed, r.seed)).toBeNull();
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('keeps Q in [0, 1] with rewards (1, 0, 0) on 4x4 and 8x8 (no NaN, no Infinity), ε in [0, 1]', () => {
    fc.assert(
      fc.property(run, (r) => {
        const agent = train200(r);
        expect(agent.totalSteps).toBe(200);
        // Q(s,a) ← (1−α)·Q(s,a) + α·(r + γ·max Q(s′)): a convex mix of values in [0, 1], since
        // r = 1 only on entering G, whose row is never updated and stays 0.
        let bad = -1;
        for (let i = 0; i < agent.q.length; i++)
          if (!(agent.q[i]! >= 0 && agent.q[i]! <= 1)) bad = i;
        expect(bad, `Q[${bad}] = ${agent.q[bad]}`).toBe(-1);
        expect(agent.epsilon >= 0 && agent.epsilon <= 1).toBe(true);
        expect(agent.state >= 0 && agent.state < agent.env.nS).toBe(true);
        for (let s = 0; s < agent.env.nS; s++)
          if (agent.env.terminal[s]) for (let a = 0; a < 4; a++) expect(agent.q[s * 4 + a]).toBe(0);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('keeps Q in [min(0, r_min)/(1−γ), max(0, r_max)/(1−γ)] for any rewards and γ < 1', () => {
    const reward = fc.oneof(
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.constantFrom(-1, 0, 1, -0.01),
    );
    fc.assert(
      fc.property(
        run,
        fc.tuple(reward, reward, reward),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (r, rewards, gamma) => {
          const params = { ...r.params, gamma };
          const change = r.change && { ...r.change, params: { ...r.change.params, gamma } };
          const agent = train200({ ...r, params, change }, rewards);
          const lo = Math.min(0, ...rewards) / (1 - gamma);
          const hi = Math.max(0, ...rewards) / (1 - gamma);
          const slack = 1e-9 * (1 + Math.abs(lo) + Math.abs(hi));
          for (let i = 0; i < agent.q.length; i++) {
            const v = agent.q[i]!;
            if (!(Number.isFinite(v) && v >= lo - slack && v <= hi + slack))
              expect.fail(`Q[${i}] = ${v} outside [${lo}, ${hi}]`);
          }
        },
      ),
      { seed: 42, numRuns: 800 },
    );
  });

  it('stays finite with γ = 1 and any rewards in [−1, 1] (no bound, no NaN)', () => {
    fc.assert(
      fc.property(run, fc.double({ min: -1, max: 1, noNaN: true }), (r, frozen) => {
        const agent = train200({ ...r, params: { ...r.params, gamma: 1 }, change: null }, [
          1,
          -1,
          frozen,
        ]);
        expect(agent.q.every(Number.isFinite)).toBe(true);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
