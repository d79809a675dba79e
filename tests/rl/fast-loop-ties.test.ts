/**
 * The fast loop keeps each state's greedy action and reads the outcome's index from two
 * thresholds (src/rl/fast-loop.ts). Both are exact only under conditions these tests check: the
 * greedy action is the first maximum even when updates land exactly on a tie (α = 1 with integer
 * rewards makes exact ties common), including when a run is cut into many calls (each call finds
 * the greedy actions afresh), and every environment's last cumulative probability lies above
 * every draw, so the third threshold is never needed.
 */
import { describe, expect, it } from 'vitest';
import { createAgent, type QAgent } from '../../src/rl/agent';
import { Q_LEARNING } from '../../src/rl/algorithms/q-learning';
import { createEnv, type IceMazeEnv } from '../../src/rl/env';
import { runSteps } from '../../src/rl/fast-loop';
import { generateRandomMap } from '../../src/rl/maps';
import { runAlgorithmSteps } from '../../src/rl/readable-loop';
import { loopState } from './agent-fixtures';

/** What a comparison needs of an agent, with the convergence watch's episode. */
function state(agent: QAgent) {
  return { ...loopState(agent), greedyStableSince: agent.greedyStableSince };
}

/** α 1, γ 1 and integer rewards: every Q value is an integer, so updates often land on a tie. */
const TIES = { alpha: 1, gamma: 1, epsilon: 0.2, epsilonDecay: 0, minEpsilon: 0.2 };

describe('the fast loop’s kept greedy action', () => {
  for (const seed of [0, 1, 2, 3]) {
    it(`is the first maximum through exact ties, in one call and in calls of 5 steps (seed ${seed})`, () => {
      // A step cost of −1 and holes worth 0: an update from below can land exactly on 0.
      const env = createEnv({ map: '4x4', rewardSchedule: [1, 0, -1] });
      const readable = createAgent(env, TIES, seed);
      const whole = createAgent(env, TIES, seed);
      const cut = createAgent(env, TIES, seed);
      const steps = 3000;
      runAlgorithmSteps(readable, Q_LEARNING, steps);
      runSteps(whole, steps);
      for (let done = 0; done < steps; done += 5) runSteps(cut, 5);
      expect(state(whole)).toEqual(state(readable));
      expect(state(cut)).toEqual(state(readable));
      // The run did meet ties: some state ends with two or more actions at its maximum.
      const tied = Array.from({ length: env.nS }, (_, s) => {
        const row = Array.from(readable.q.subarray(s * 4, s * 4 + 4));
        return row.filter((v) => v === Math.max(...row)).length > 1;
      });
      expect(tied.filter(Boolean).length).toBeGreaterThan(0);
    });
  }
});

/** The largest gap 1 − (last used cumulative probability) over every pair of `env`. */
function lastCumulativeGap(env: IceMazeEnv): number {
  let gap = 0;
  for (let sa = 0; sa < env.nS * env.nA; sa++) {
    const n = env.outCount[sa]!;
    gap = Math.max(gap, 1 - env.outCum[sa * 3 + n - 1]!);
  }
  return gap;
}

describe('the fast loop’s outcome thresholds', () => {
  it('every last cumulative probability is above every draw (at most 1 − 2^−32) for any success rate', () => {
    const maps = ['4x4', '8x8', generateRandomMap(12, 0.8, 0)];
    let worst = 0;
    for (const map of maps) {
      worst = Math.max(worst, lastCumulativeGap(createEnv({ map, isSlippery: false })));
      for (let i = 0; i <= 1000; i++)
        worst = Math.max(
          worst,
          lastCumulativeGap(createEnv({ map, isSlippery: true, successRate: i / 1000 })),
        );
    }
    // Rounding leaves some sums a unit of 2^−53 below 1 (e.g. success rate 0.062): far above.
    expect(worst).toBeLessThan(2 ** -32);
  });
});
