import { describe, expect, it } from 'vitest';
import { parseEnvChange } from '../../src/rl/env-change';
import {
  checkLimit,
  describeValue,
  lessonChapterLimit,
  RUN_LIMITS,
  runSettingErrors,
  type Limit,
} from '../../src/rl/params';
import { REWARDS_LABEL } from '../../src/rl/parse-values';

describe('describeValue', () => {
  it('names an object, a function and a bigint without calling anything on them', () => {
    expect(describeValue({ toString: 0 })).toBe('an object');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue(10n)).toBe('10n');
  });
});

describe('checkLimit on an open-ended limit', () => {
  it('still refuses Infinity and NaN: a setting is a finite number', () => {
    const open: Limit = { label: 'Open', min: 0, max: Infinity };
    expect(checkLimit(open, 5)).toBeNull();
    expect(checkLimit(open, Infinity)).toBe('Open must be from 0 to Infinity; got Infinity.');
    expect(checkLimit(open, Number.NaN)).toBe('Open must be from 0 to Infinity; got NaN.');
  });
});

describe('runSettingErrors', () => {
  it('is empty for the lesson’s run settings', () => {
    expect(
      runSettingErrors({
        episodes: 10_000,
        seed: 0,
        maxSteps: 100,
        successRate: 1 / 3,
        frameInterval: 1_000,
      }),
    ).toEqual([]);
  });

  it('lists every setting outside its limit, in the order episodes, seed, time limit, success rate, frame interval', () => {
    const errors = runSettingErrors({
      episodes: 0,
      seed: -1,
      maxSteps: 100,
      successRate: 2,
      frameInterval: 1.5,
    });
    expect(errors).toEqual([
      checkLimit(RUN_LIMITS.episodes, 0),
      checkLimit(RUN_LIMITS.seed, -1),
      checkLimit(RUN_LIMITS.successRate, 2),
      checkLimit(RUN_LIMITS.frameInterval, 1.5),
    ]);
    expect(errors[0]).toMatch(/^Episodes must be a whole number from 1/);
  });
});

describe('lessonChapterLimit', () => {
  it('allows whole chapters from 1 to the count', () => {
    const limit = lessonChapterLimit(7);
    expect(limit).toEqual({ label: 'Lesson chapter', min: 1, max: 7, integer: true });
    expect(checkLimit(limit, 7)).toBeNull();
    expect(checkLimit(limit, 2.5)).toBe(
      'Lesson chapter must be a whole number from 1 to 7; got 2.5.',
    );
  });

  it('without a count allows any whole chapter from 1', () => {
    expect(lessonChapterLimit().max).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('parseEnvChange, refusals in words', () => {
  it('refuses a string as not an object, not as unknown settings "0", "1"…', () => {
    expect(parseEnvChange('ab')).toBe(
      'an environment change must be { "successRate"?, "rewardSchedule"? }.',
    );
  });

  it('names the rewards in lower case when a change changes nothing', () => {
    expect(parseEnvChange({})).toBe(
      `it changes nothing: give a success rate or ${REWARDS_LABEL.toLowerCase()}.`,
    );
    expect(parseEnvChange({})).toContain('rewards (goal, hole, frozen)');
  });
});
