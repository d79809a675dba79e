/**
 * `learnerOptionErrors` in the core's own tests (the worker's parse tests read it too, but the
 * rl mutation runs take only tests/rl): every kind of option, good and bad, and the live-only
 * refusals.
 */
import { describe, expect, it } from 'vitest';
import {
  isLiveLearnerKey,
  learnerOptionErrors,
  LIVE_LEARNER_KEYS,
} from '../../src/rl/learner-options';
import {
  ALPHA_SCHEDULES,
  DEFAULT_LEARNER_OPTIONS,
  EXPLORATIONS,
  LEARNER_LIMITS,
  TRACE_KINDS,
} from '../../src/rl/learner-values';
import { checkLimit } from '../../src/rl/params';

describe('learnerOptionErrors', () => {
  it('accepts every default option, at the start and (the live ones) during a run', () => {
    expect(learnerOptionErrors(DEFAULT_LEARNER_OPTIONS)).toEqual([]);
    const live = Object.fromEntries(LIVE_LEARNER_KEYS.map((k) => [k, DEFAULT_LEARNER_OPTIONS[k]]));
    expect(learnerOptionErrors(live, true)).toEqual([]);
  });

  it('checks each number against its limit', () => {
    expect(learnerOptionErrors({ temperature: 0, planningSteps: 2.5 })).toEqual([
      checkLimit(LEARNER_LIMITS.temperature, 0),
      checkLimit(LEARNER_LIMITS.planningSteps, 2.5),
    ]);
  });

  it('names the words each word option takes', () => {
    expect(
      learnerOptionErrors({ exploration: 'greedy', alphaSchedule: 1, traces: 'dutch' }),
    ).toEqual([
      `Exploration must be ${EXPLORATIONS.join(' or ')}; got "greedy".`,
      `Step size α must be ${ALPHA_SCHEDULES.join(' or ')}; got 1.`,
      `Traces must be ${TRACE_KINDS.join(' or ')}; got "dutch".`,
    ]);
  });

  it('reads first visit as a switch of true or false only', () => {
    expect(learnerOptionErrors({ firstVisit: true })).toEqual([]);
    expect(learnerOptionErrors({ firstVisit: 'yes' })).toEqual([
      'First visit must be true or false; got "yes".',
    ]);
  });

  it('names an unknown option, and during a run the options only a new run takes', () => {
    expect(learnerOptionErrors({ nope: 1 })).toEqual(['Unknown learner option "nope".']);
    expect(
      learnerOptionErrors({ initialQ: 1, firstVisit: true, nope: 1, lambda: 0.5 }, true),
    ).toEqual([
      '"initialQ" cannot change during a run; it takes a new run.',
      '"firstVisit" cannot change during a run; it takes a new run.',
      'Unknown learner option "nope".',
    ]);
  });
});

describe('isLiveLearnerKey', () => {
  it('is true for λ and false for Q₀', () => {
    expect([isLiveLearnerKey('lambda'), isLiveLearnerKey('initialQ')]).toEqual([true, false]);
  });
});
