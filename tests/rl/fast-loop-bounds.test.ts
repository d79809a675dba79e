/**
 * The fast loop's bounds and paths, against the readable loop: an episode budget ends a call on
 * the episode's last step, a call longer than one chunk of the hot loop, `runEpisodes`, the random
 * tie rule (which runs on the readable loop), a call of zero steps, and an ε-test draw exactly
 * equal to ε. Each kills mutants of `src/rl/fast-loop.ts` that the bit-for-bit comparisons over a
 * few hundred steps left alive; all stay short enough to run instrumented.
 */
import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/rl/agent';
import { Q_LEARNING } from '../../src/rl/algorithms/q-learning';
import { createEnv } from '../../src/rl/env';
import { runEpisodes, runSteps, step, warmUp } from '../../src/rl/fast-loop';
import { runAlgorithmSteps } from '../../src/rl/readable-loop';
import { lastStepRecord } from '../../src/rl/step-record';
import { loopState } from './agent-fixtures';
import { rngDrawing } from './rng-drawing';

/** What a loop leaves of an agent that a comparison needs. */
const state = loopState;

const pair = (params = {}, seed = 3) => {
  const env = createEnv({ map: '4x4' });
  return [createAgent(env, params, seed), createAgent(env, params, seed)] as const;
};

describe('the fast loop on its bounds', () => {
  it('an episode budget stops a call on that episode’s last step, as the readable loop does', () => {
    const [fast, readable] = pair();
    for (const episodes of [1, 2, 5]) {
      const before = fast.episode;
      const n = runSteps(fast, 1_000_000, episodes);
      expect(n).toBe(runAlgorithmSteps(readable, Q_LEARNING, 1_000_000, episodes));
      expect(fast.episode - before).toBe(episodes);
      // The call ends on an episode's last step: the next one starts at t = 0.
      expect(fast.t).toBe(0);
      expect(state(fast)).toEqual(state(readable));
    }
  });

  it('a call longer than one chunk of the hot loop takes exactly the steps asked for', () => {
    const [fast, readable] = pair({ epsilonDecay: 1e-5 });
    const steps = 70_000;
    expect(runSteps(fast, steps)).toBe(steps);
    expect(runAlgorithmSteps(readable, Q_LEARNING, steps)).toBe(steps);
    expect(fast.totalSteps).toBe(steps);
    expect(state(fast)).toEqual(state(readable));
  });

  it('runEpisodes runs exactly that many more episodes and returns their steps', () => {
    const [fast, readable] = pair();
    runSteps(fast, 7);
    runAlgorithmSteps(readable, Q_LEARNING, 7);
    const n = runEpisodes(fast, 4);
    expect(fast.episode).toBe(readable.episode + 4);
    expect(n).toBe(runAlgorithmSteps(readable, Q_LEARNING, Number.MAX_SAFE_INTEGER, 4));
    expect(state(fast)).toEqual(state(readable));
    expect(runEpisodes(fast, 0)).toBe(0);
  });

  it('step takes one step and narrates it', () => {
    const [fast, readable] = pair();
    const record = step(fast);
    runAlgorithmSteps(readable, Q_LEARNING, 1);
    expect(fast.totalSteps).toBe(1);
    expect(record).toEqual(lastStepRecord(readable));
  });

  it('the random tie rule runs on the readable loop; the lesson’s first-max rule on the fast one', () => {
    const [fast, readable] = pair({ tieBreak: 'random' }, 5);
    runSteps(fast, 200);
    runAlgorithmSteps(readable, Q_LEARNING, 200);
    expect(state(fast)).toEqual(state(readable));
    expect(fast.fastTables ?? null).toBeNull();
    const [lesson] = pair();
    runSteps(lesson, 10);
    expect(lesson.fastTables).toBeTruthy();
  });

  it('a call of zero steps changes nothing, not even the last record', () => {
    const [fast, other] = pair({}, 4);
    runSteps(fast, 5);
    const before = state(fast);
    // Another agent's steps in between must not leak into this one's record.
    runSteps(other, 9);
    expect(runSteps(fast, 0)).toBe(0);
    expect(state(fast)).toEqual(before);
  });

  it('an episode budget counted from a run already under way, over more than one chunk', () => {
    // No slipping, ε 0 and Q = 0: Left at the start corner until the time limit, 200 steps an
    // episode, so 400 episodes are 80,000 steps, more than one chunk of the hot loop.
    const env = createEnv({ map: '8x8', isSlippery: false });
    const params = { epsilon: 0, epsilonDecay: 0, minEpsilon: 0 };
    const fast = createAgent(env, params, 1);
    runEpisodes(fast, 3);
    expect(runSteps(fast, Number.MAX_SAFE_INTEGER, 400)).toBe(80_000);
    expect(fast.episode).toBe(403);
  });

  it('an ε-test draw exactly equal to ε exploits (u < ε explores), in both loops', () => {
    // ε 0.5: u = 0.5 is not below it, so the agent exploits (Left at Q = 0).
    const params = { epsilon: 0.5, epsilonDecay: 0, minEpsilon: 0 };
    const env = createEnv({ map: '4x4' });
    const fast = createAgent(env, params, rngDrawing(0.5, 0.5));
    const readable = createAgent(env, params, rngDrawing(0.5, 0.5));
    runSteps(fast, 1);
    runAlgorithmSteps(readable, Q_LEARNING, 1);
    expect(fast.last.explored).toBe(false);
    expect(state(fast)).toEqual(state(readable));
  });

  it('warmUp leaves the agents of a run alone', () => {
    const [fast, readable] = pair();
    warmUp(createEnv({ map: '4x4' }), 5_000);
    runSteps(fast, 300);
    runAlgorithmSteps(readable, Q_LEARNING, 300);
    expect(state(fast)).toEqual(state(readable));
  });
});
