import { describe, expect, it } from 'vitest';
import {
  checkLimit,
  describeLimit,
  isTieBreak,
  LESSON_PARAMS,
  PARAM_LIMITS,
  paramErrors,
  RUN_LIMITS,
} from '../../src/rl/params';
import { MAX_TIME_LIMIT } from '../../src/rl/env';

describe('checkLimit', () => {
  it('accepts every lesson default (α 0.1, γ 0.99, ε 1, decay 0.0001, min ε 0.01)', () => {
    for (const key of Object.keys(PARAM_LIMITS) as Array<keyof typeof PARAM_LIMITS>)
      expect(checkLimit(PARAM_LIMITS[key], LESSON_PARAMS[key]), key).toBeNull();
  });

  it('accepts the ends of a closed range: γ 0 and γ 1', () => {
    expect(checkLimit(PARAM_LIMITS.gamma, 0)).toBeNull();
    expect(checkLimit(PARAM_LIMITS.gamma, 1)).toBeNull();
  });

  it('rejects α = 0 (the range is open at 0) and names the learning rate', () => {
    const msg = checkLimit(PARAM_LIMITS.alpha, 0);
    expect(msg).toMatch(/^Learning rate α must be above 0.* at most 1; got 0\.$/);
    expect(checkLimit(PARAM_LIMITS.alpha, 1)).toBeNull();
    expect(checkLimit(PARAM_LIMITS.alpha, 1e-9)).toBeNull();
  });

  it('rejects γ = 1.5 and names the discount and its range', () => {
    expect(checkLimit(PARAM_LIMITS.gamma, 1.5)).toBe('Discount γ must be from 0 to 1; got 1.5.');
  });

  it('rejects NaN, Infinity and −Infinity', () => {
    expect(checkLimit(PARAM_LIMITS.epsilon, Number.NaN)).toMatch(/^Exploration ε .*got NaN\.$/);
    expect(checkLimit(PARAM_LIMITS.epsilon, Infinity)).toMatch(/got Infinity\.$/);
    expect(checkLimit(RUN_LIMITS.episodes, Infinity)).toMatch(/^Episodes /);
    expect(checkLimit(PARAM_LIMITS.minEpsilon, -Infinity)).toMatch(/^Minimum ε /);
  });

  it('rejects numbers written as strings, booleans, null and undefined', () => {
    expect(checkLimit(PARAM_LIMITS.alpha, '0.1')).toMatch(/^Learning rate α .*got "0\.1"\.$/);
    expect(checkLimit(PARAM_LIMITS.alpha, true)).toMatch(/got true\.$/);
    expect(checkLimit(PARAM_LIMITS.alpha, null)).toMatch(/got null\.$/);
    expect(checkLimit(PARAM_LIMITS.alpha, undefined)).toMatch(/got undefined\.$/);
  });

  it('rejects a fraction where a whole number is needed', () => {
    expect(checkLimit(RUN_LIMITS.episodes, 10.5)).toBe(
      'Episodes must be a whole number from 1 to 100000000; got 10.5.',
    );
    expect(checkLimit(RUN_LIMITS.episodes, 10_000)).toBeNull();
    expect(checkLimit(RUN_LIMITS.seed, 2 ** 32 - 1)).toBeNull();
    expect(checkLimit(RUN_LIMITS.seed, 2 ** 32)).toMatch(/^Seed /);
    expect(checkLimit(RUN_LIMITS.maxSteps, 0)).toMatch(/^Time limit /);
  });
});

describe('describeLimit', () => {
  it('writes a closed range as "from 0 to 1"', () => {
    expect(describeLimit(PARAM_LIMITS.gamma)).toBe('from 0 to 1');
  });

  it('writes a whole-number range as "a whole number from 1 to <max>"', () => {
    expect(describeLimit(RUN_LIMITS.maxSteps)).toBe(`a whole number from 1 to ${MAX_TIME_LIMIT}`);
  });

  it('uses the time limit the environment accepts', () => {
    expect(RUN_LIMITS.maxSteps.max).toBe(MAX_TIME_LIMIT);
    expect(checkLimit(RUN_LIMITS.maxSteps, MAX_TIME_LIMIT)).toBeNull();
    expect(checkLimit(RUN_LIMITS.maxSteps, MAX_TIME_LIMIT + 1)).toMatch(/^Time limit /);
  });

  it('writes a range open at the bottom as "above 0 and at most 1"', () => {
    expect(describeLimit(PARAM_LIMITS.alpha)).toBe('above 0 and at most 1');
  });
});

describe('paramErrors', () => {
  it('accepts the lesson defaults, tie rule included', () => {
    expect(paramErrors({ ...LESSON_PARAMS })).toEqual([]);
    expect(paramErrors({ tieBreak: 'random' })).toEqual([]);
    expect(paramErrors({})).toEqual([]);
  });

  it('reports α 0 naming the learning rate', () => {
    const errors = paramErrors({ alpha: 0 });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Learning rate α must be above 0/);
  });

  it('reports γ 1.5 naming the discount', () => {
    expect(paramErrors({ gamma: 1.5 })).toEqual(['Discount γ must be from 0 to 1; got 1.5.']);
  });

  it('reports NaN, Infinity and a string, one message each, naming each setting', () => {
    const errors = paramErrors({ epsilon: Number.NaN, epsilonDecay: Infinity, minEpsilon: '0.01' });
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^Exploration ε .*got NaN/);
    expect(errors[1]).toMatch(/^ε decay .*got Infinity/);
    expect(errors[2]).toMatch(/^Minimum ε .*got "0\.01"/);
  });

  it('reports an unknown key by name', () => {
    expect(paramErrors({ learningRate: 0.1 })).toEqual(['Unknown setting "learningRate".']);
  });

  it("reports tieBreak 'x' naming the tie rule", () => {
    expect(paramErrors({ tieBreak: 'x' })).toEqual([
      'Tie rule must be "first" or "random"; got "x".',
    ]);
  });

  it('reports every bad field, keeping the good ones silent', () => {
    const errors = paramErrors({ alpha: 0.5, gamma: -1, tieBreak: 1, foo: 1 });
    expect(errors).toHaveLength(3);
    expect(errors.join('\n')).toMatch(/Discount γ/);
    expect(errors.join('\n')).toMatch(/Tie rule/);
    expect(errors.join('\n')).toMatch(/"foo"/);
  });

  it('does not take inherited keys such as toString for settings', () => {
    expect(paramErrors({ toString: 1 })).toEqual(['Unknown setting "toString".']);
  });
});

describe('isTieBreak', () => {
  it("accepts 'first' and 'random' only", () => {
    expect(isTieBreak('first')).toBe(true);
    expect(isTieBreak('random')).toBe(true);
    expect(isTieBreak('First')).toBe(false);
    expect(isTieBreak(undefined)).toBe(false);
  });
});
