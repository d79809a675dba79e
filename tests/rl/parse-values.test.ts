import { describe, expect, it } from 'vitest';
import { checkLimit, PARAM_LIMITS, RUN_LIMITS } from '../../src/rl/params';
import {
  checkNumber,
  checkRewardSchedule,
  formatRewardSchedule,
  parseRewardSchedule,
  checkSwitch,
  parseNumber,
  parseSwitch,
  readNumber,
  readSwitch,
} from '../../src/rl/parse-values';

describe('readNumber: numbers as JSON writes them', () => {
  it.each([
    ['0', 0],
    ['-0', -0],
    ['7', 7],
    ['0.5', 0.5],
    ['-2.25', -2.25],
    ['1e-3', 0.001],
    ['1E2', 100],
    ['2.5e+3', 2500],
    [' 42\t', 42],
    ['\n0.1\r', 0.1],
    ['4294967295', 4294967295],
    ['1e-400', 0],
  ])('reads %j as %d', (text, value) => {
    expect(readNumber(text)).toBe(value);
  });

  it.each([
    '',
    ' ',
    '0x10',
    '0b1',
    '0o7',
    '1e309',
    '-1e309',
    'Infinity',
    '-Infinity',
    'NaN',
    '+1',
    '.5',
    '5.',
    '01',
    '1,5',
    '1_000',
    '1 2',
    '12abc',
    '1e',
    '1e+',
    '--1',
    '\u00a01',
    '½',
    'true',
  ])('refuses %j', (text) => {
    expect(readNumber(text)).toBeNull();
  });
});

describe('parseNumber: a number and its limit, one reason for every door', () => {
  it('accepts a number within the limit', () => {
    expect(parseNumber(RUN_LIMITS.seed, '16')).toEqual({ ok: true, value: 16 });
    expect(parseNumber(PARAM_LIMITS.alpha, '1')).toEqual({ ok: true, value: 1 });
  });

  it("refuses out of range with checkLimit's sentence for the number read", () => {
    expect(parseNumber(RUN_LIMITS.seed, '1.5')).toEqual({
      ok: false,
      error: checkLimit(RUN_LIMITS.seed, 1.5),
    });
    expect(parseNumber(PARAM_LIMITS.alpha, '0')).toEqual({
      ok: false,
      error: 'Learning rate α must be above 0 and at most 1; got 0.',
    });
  });

  it('refuses what is not a number (NaN) and what no double holds (Infinity), naming the setting', () => {
    expect(parseNumber(RUN_LIMITS.seed, '0x10')).toEqual({
      ok: false,
      error: 'Seed must be a whole number from 0 to 4294967295; got NaN.',
    });
    expect(parseNumber(RUN_LIMITS.seed, '')).toEqual(parseNumber(RUN_LIMITS.seed, 'abc'));
    expect(parseNumber(RUN_LIMITS.episodes, '1e309')).toEqual({
      ok: false,
      error: 'Episodes must be a whole number from 1 to 100000000; got Infinity.',
    });
  });

  it('checkNumber gives the same answer for a value already read (JSON, a message)', () => {
    for (const text of ['3', '1.5', '1e309', '-1'])
      expect(checkNumber(RUN_LIMITS.seed, JSON.parse(text))).toEqual(
        parseNumber(RUN_LIMITS.seed, text),
      );
    expect(checkNumber(RUN_LIMITS.seed, '3')).toEqual({
      ok: false,
      error: 'Seed must be a whole number from 0 to 4294967295; got "3".',
    });
  });
});

describe('on/off values', () => {
  it('reads 1, true, yes, on and 0, false, no, off in any case, blanks around', () => {
    for (const w of ['1', 'true', 'YES', 'On', ' on ']) expect(readSwitch(w)).toBe(true);
    for (const w of ['0', 'False', 'no', 'OFF', '\t0\n']) expect(readSwitch(w)).toBe(false);
    for (const w of ['', 'maybe', '2', 'y', 'onn', '1.0']) expect(readSwitch(w)).toBeNull();
  });

  it('refuses anything else with a sentence naming the setting and the value', () => {
    expect(parseSwitch('Slippery ice', 'maybe')).toEqual({
      ok: false,
      error:
        'Slippery ice must be 1 (on) or 0 (off). Got "maybe"; true, yes and on read as 1, false, no and off as 0.',
    });
    expect(parseSwitch('Slippery ice', 'on')).toEqual({ ok: true, value: true });
  });

  it('a value already read must be true or false', () => {
    expect(checkSwitch('Slippery ice', false)).toEqual({ ok: true, value: false });
    expect(checkSwitch('Slippery ice', 1)).toEqual({
      ok: false,
      error: 'Slippery ice must be true or false; got 1.',
    });
  });
});

describe('parseRewardSchedule: "g,h,f" for every door', () => {
  it('reads three numbers in Gymnasium’s order and writes them back', () => {
    expect(parseRewardSchedule('1,-1,-0.01')).toEqual({ ok: true, value: [1, -1, -0.01] });
    expect(parseRewardSchedule(' 1 , 0 ,0 ')).toEqual({ ok: true, value: [1, 0, 0] });
    expect(formatRewardSchedule([1, -1, -0.01])).toBe('1,-1,-0.01');
    expect(parseRewardSchedule(formatRewardSchedule([0.1 + 0.2, -1e-7, 100]))).toEqual({
      ok: true,
      value: [0.1 + 0.2, -1e-7, 100],
    });
  });

  it('refuses the wrong count, a bad number or one out of range, naming the reward', () => {
    expect(parseRewardSchedule('1,0')).toEqual({
      ok: false,
      error: 'Rewards (goal, hole, frozen) must be three numbers such as 1,-1,-0.01; got "1,0".',
    });
    expect(parseRewardSchedule('1,0,0,0').ok).toBe(false);
    expect(parseRewardSchedule('1,0x1,0')).toEqual({
      ok: false,
      error: 'Reward for a hole must be from -100 to 100; got NaN.',
    });
    expect(parseRewardSchedule('1,0,-101')).toEqual({
      ok: false,
      error: 'Reward for a frozen tile must be from -100 to 100; got -101.',
    });
    expect(parseRewardSchedule('1e309,0,0').ok).toBe(false);
  });

  it('checks a schedule read from JSON the same way', () => {
    expect(checkRewardSchedule([1, -1, 0])).toEqual({ ok: true, value: [1, -1, 0] });
    expect(checkRewardSchedule('1,0,0').ok).toBe(false);
    expect(checkRewardSchedule([1, null, 0])).toEqual({
      ok: false,
      error: 'Reward for a hole must be from -100 to 100; got null.',
    });
  });
});
