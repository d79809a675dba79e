import { describe, expect, it } from 'vitest';
import { createEnv, sampleOutcome, tileAt } from '../../src/rl/env';
import { checkEnvOptions, MAX_TIME_LIMIT } from '../../src/rl/env-basics';

describe('checkEnvOptions refusals', () => {
  it('names an unknown map and the maps it knows', () => {
    expect(() => checkEnvOptions({ map: '5x5' })).toThrow(
      'Unknown map "5x5": use 4x4, 8x8 or give rows such as SFFF,FHFH,FFFH,HFFG.',
    );
  });

  it('names a success rate outside [0, 1]', () => {
    expect(() => checkEnvOptions({ successRate: 1.5 })).toThrow(
      'Success rate must be in [0, 1], got 1.5.',
    );
  });

  it('says rewards must be finite', () => {
    expect(() => checkEnvOptions({ rewardSchedule: [1, Number.NaN, 0] })).toThrow(
      'Rewards must be finite numbers.',
    );
  });

  it('names a time limit outside 1 to MAX_TIME_LIMIT', () => {
    expect(() => checkEnvOptions({ maxSteps: 0 })).toThrow(
      `The time limit must be a whole number from 1 to ${MAX_TIME_LIMIT}, got 0.`,
    );
  });

  it('accepts a time limit of exactly one step', () => {
    expect(checkEnvOptions({ maxSteps: 1 }).maxSteps).toBe(1);
  });
});

describe('tileAt', () => {
  it('reads row ⌊s / ncol⌋, column s mod ncol of the map', () => {
    const env = createEnv({ map: ['SFH', 'FFG'] });
    expect([0, 1, 2, 3, 4, 5].map((s) => tileAt(env, s))).toEqual(['S', 'F', 'H', 'F', 'F', 'G']);
  });
});

describe('the outcome table past the last outcome', () => {
  it('marks the unused slots of a one-outcome pair with a cumulative probability of Infinity', () => {
    // sampleOutcome and the fast loop read outCum as thresholds: an unused slot is above every draw.
    const env = createEnv({ isSlippery: false });
    for (let pair = 0; pair < env.nS * env.nA; pair++) {
      expect(env.outCount[pair]).toBe(1);
      expect([env.outCum[pair * 3 + 1], env.outCum[pair * 3 + 2]]).toEqual([Infinity, Infinity]);
    }
  });

  it('falls back to outcome 0 when the draw is not below the last cumulative probability', () => {
    // At success rate 0.3 the three probabilities 0.35 + 0.3 + 0.35 add up to 1 − 2⁻⁵³ in
    // doubles, so a draw equal to that sum is below no cumulative probability:
    // np.argmax(cumsum > u) of an all-false row is 0. State 4 is frozen; its action Up (3) is
    // the last pair before state 5, a hole, whose one cumulative probability is 1.
    const env = createEnv({ map: '4x4', successRate: 0.3 });
    const base = (4 * env.nA + 3) * 3;
    const last = env.outCum[base + 2]!;
    expect(last).toBeLessThan(1);
    expect(env.outCum[base + 3]).toBe(1);
    expect(sampleOutcome(env, 4, 3, last)).toBe(0);
  });
});
