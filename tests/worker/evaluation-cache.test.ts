/**
 * The evaluation cache on its own, with a clock the test moves: reuse while the greedy policy is
 * unchanged (dated now), and the throttle on a new policy while running — due after
 * EVALUATION_INTERVAL_MS or EVALUATION_INTERVAL_EPISODES, affordable once the time since the
 * last evaluation is at least EVALUATION_COST_FACTOR times what it cost. Slippery 4x4.
 */
import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { evaluateGreedy } from '../../src/rl/evaluation';
import {
  createEvaluationCache,
  EVALUATION_COST_FACTOR,
  EVALUATION_INTERVAL_EPISODES,
  EVALUATION_INTERVAL_MS,
} from '../../src/worker/evaluation-cache';

const env = createEnv();
/** Q = 0: Left everywhere. */
const LEFT_Q = new Float64Array(64);
/** The same policy from other numbers (Left still the first maximum everywhere). */
const LEFT_AGAIN = Float64Array.from({ length: 64 }, (_, i) => (i % 4 === 0 ? 0.5 : 0.1));
/** Down from the start, Left elsewhere. */
const DOWN_Q = Float64Array.from({ length: 64 }, (_, i) => (i === 1 ? 1 : 0));
/** Right from the start. */
const RIGHT_Q = Float64Array.from({ length: 64 }, (_, i) => (i === 2 ? 1 : 0));

/** The cache's answer for `q` at `episode`, as an evaluation would give it. */
function exactFor(q: Float64Array, episode: number) {
  const e = evaluateGreedy(env, q, env.maxSteps);
  return {
    successProbability: e.successProbability,
    expectedLength: e.expectedLength,
    expectedStepsToGoal: e.expectedStepsToGoal,
    episode,
  };
}

/** A cache on a clock the test moves; `reads` counts its readings (an evaluation reads it twice). */
function cacheWithClock() {
  const clock = { time: 0, reads: 0 };
  const cache = createEvaluationCache(env, () => {
    clock.reads++;
    return clock.time;
  });
  return { clock, cache };
}

describe('exact evaluations', () => {
  it('evaluate a new greedy policy at once and date it; expectedReturn is NaN before the first', () => {
    const { cache } = cacheWithClock();
    expect(cache.expectedReturn()).toBeNaN();
    expect(cache.exact(DOWN_Q, 7)).toEqual(exactFor(DOWN_Q, 7));
    expect(cache.expectedReturn()).toBe(evaluateGreedy(env, DOWN_Q).expectedReturn);
    expect(cache.exact(RIGHT_Q, 8)).toEqual(exactFor(RIGHT_Q, 8));
  });

  it('reuse the evaluation of the same policy from other numbers, dated to the new episode', () => {
    const { clock, cache } = cacheWithClock();
    cache.exact(LEFT_Q, 1);
    const reads = clock.reads;
    const again = cache.exact(LEFT_AGAIN, 5);
    expect(again).toEqual(exactFor(LEFT_Q, 5));
    expect(clock.reads).toBe(reads); // no evaluation timed
    // A copy: changing the answer changes nothing kept.
    again.successProbability = 2;
    expect(cache.exact(LEFT_Q, 6).successProbability).toBe(exactFor(LEFT_Q, 6).successProbability);
  });
});

describe('throttled evaluations while running', () => {
  it('the first is evaluated at once; the same policy later is reused and dated now', () => {
    const { clock, cache } = cacheWithClock();
    expect(cache.throttled(DOWN_Q, 3)).toEqual(exactFor(DOWN_Q, 3));
    clock.time += EVALUATION_INTERVAL_MS;
    expect(cache.throttled(DOWN_Q, 4)).toEqual(exactFor(DOWN_Q, 4));
    // Reused, not evaluated again: the interval still counts from the first evaluation.
    clock.time += EVALUATION_INTERVAL_MS / 2;
    expect(cache.throttled(RIGHT_Q, 5)).toEqual(exactFor(RIGHT_Q, 5));
  });

  it(`a new policy waits ${EVALUATION_INTERVAL_MS} ms: the last evaluation, with its own episode, until then`, () => {
    const { clock, cache } = cacheWithClock();
    cache.throttled(DOWN_Q, 10);
    clock.time += EVALUATION_INTERVAL_MS - 1;
    expect(cache.throttled(RIGHT_Q, 11)).toEqual(exactFor(DOWN_Q, 10));
    clock.time += 1;
    expect(cache.throttled(RIGHT_Q, 12)).toEqual(exactFor(RIGHT_Q, 12));
  });

  it(`…or ${EVALUATION_INTERVAL_EPISODES} episodes, whichever comes first`, () => {
    const { cache } = cacheWithClock();
    cache.throttled(DOWN_Q, 100);
    expect(cache.throttled(RIGHT_Q, 100 + EVALUATION_INTERVAL_EPISODES - 1)).toEqual(
      exactFor(DOWN_Q, 100),
    );
    const due = 100 + EVALUATION_INTERVAL_EPISODES;
    expect(cache.throttled(RIGHT_Q, due)).toEqual(exactFor(RIGHT_Q, due));
  });
});

describe('the cost limit', () => {
  /** A cache whose first evaluation (of DOWN_Q at episode 1, from 1000 ms) took `cost` ms. */
  function afterCostly(cost: number) {
    const reads = [1000, 1000 + cost];
    let time = 1000 + cost;
    const clock = { set: (t: number) => (time = t) };
    const cache = createEvaluationCache(env, () => reads.shift() ?? time);
    cache.exact(DOWN_Q, 1);
    return { clock, cache };
  }

  it(`an evaluation that took 10 ms allows the next ${EVALUATION_COST_FACTOR}·10 = 100 ms after it, not sooner`, () => {
    const { clock, cache } = afterCostly(10);
    clock.set(1010 + 99);
    expect(cache.throttled(RIGHT_Q, 2)).toEqual(exactFor(DOWN_Q, 1));
    clock.set(1010 + 100);
    expect(cache.throttled(RIGHT_Q, 3)).toEqual(exactFor(RIGHT_Q, 3));
  });

  it('one that took 30 ms holds the next back to 300 ms, though it is due at 100 ms', () => {
    const { clock, cache } = afterCostly(30);
    clock.set(1030 + 100);
    expect(cache.throttled(RIGHT_Q, 2)).toEqual(exactFor(DOWN_Q, 1));
    // Even when EVALUATION_INTERVAL_EPISODES episodes went by.
    expect(cache.throttled(RIGHT_Q, 1 + EVALUATION_INTERVAL_EPISODES)).toEqual(exactFor(DOWN_Q, 1));
    clock.set(1030 + 299);
    expect(cache.throttled(RIGHT_Q, 3)).toEqual(exactFor(DOWN_Q, 1));
    clock.set(1030 + 300);
    expect(cache.throttled(RIGHT_Q, 4)).toEqual(exactFor(RIGHT_Q, 4));
  });
});
