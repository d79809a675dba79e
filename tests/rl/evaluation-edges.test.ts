/**
 * Edges of the exact evaluation and what reads it: the optimal set at tolerance 0, the gap of Q
 * from Q* pair by pair, the convergence watch off state 0 and its state lists, a bar reached
 * exactly, a fresh trajectory, the reward of each tile and an episode past the run's end.
 */
import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/rl/agent';
import {
  convergenceNotice,
  createConvergenceWatch,
  LISTED_STATES,
  reachableNonTerminal,
  type ConvergenceReport,
} from '../../src/rl/convergence';
import { createEnv } from '../../src/rl/env';
import { replayEpisode } from '../../src/rl/episode-replay';
import { optimalActionSets } from '../../src/rl/evaluation';
import { runSteps } from '../../src/rl/fast-loop';
import { trainUntilReach } from '../../src/rl/first-reach';
import { MAPS } from '../../src/rl/maps';
import { qGap } from '../../src/rl/optimal-gap';
import { LESSON_PARAMS } from '../../src/rl/params';
import type { RunRecord } from '../../src/rl/replay';
import { createTrajectory, encodeStep, rewardOfEntering } from '../../src/rl/trajectory';

describe('optimalActionSets at tolerance 0', () => {
  it('keeps exactly the actions equal to the maximum', () => {
    const q = [0, 0.5, 0.5, 0.25, 1, 0, 0, 0];
    expect(optimalActionSets(q, 4, 0)).toEqual([[1, 2], [0]]);
  });
});

describe('qGap pair by pair', () => {
  it('puts each |Q − Q*| at its own pair and a state’s gap over its own actions only', () => {
    // One gap, at (state 1, action 0): state 0's gap stays 0.
    const q = new Float64Array(8);
    const qStar = Float64Array.from([0, 0, 0, 0, 0.5, 0, 0, 0]);
    const gap = qGap(q, qStar);
    expect(Array.from(gap.pairs)).toEqual([0, 0, 0, 0, 0.5, 0, 0, 0]);
    expect(Array.from(gap.states)).toEqual([0, 0.5]);
    expect([gap.max, gap.maxState]).toEqual([0.5, 1]);
  });
});

describe('the convergence watch off state 0', () => {
  it('searches from a start at row 1, column 1', () => {
    // Start at state 4 (row 1, column 1 of 3x3); the holes cut off the right column's top.
    const env = createEnv({ map: ['FHF', 'FSH', 'FFG'] });
    expect(Array.from(reachableNonTerminal(env))).toEqual([1, 0, 0, 1, 1, 0, 1, 1, 0]);
  });

  it('counts Q as untouched when only a state the agent never stands on has moved', () => {
    // 4x4: state 5 is a hole. Q(5, Left) = 1 is the pair just past state 4's four actions.
    const env = createEnv({ map: [...MAPS['4x4']] });
    const q = new Float64Array(env.nS * env.nA);
    q[5 * 4] = 1;
    const report = createConvergenceWatch(env).report(q, 10, 0, q, true);
    expect(report.verdict!.untouched).toBe(true);
  });
});

/** A settled report whose greedy policy is off the optimum in `off`. */
function offIn(off: number[]): ConvergenceReport {
  return {
    stableSince: 100,
    episode: 2000,
    stableEpisodes: 1000,
    stable: true,
    finished: false,
    verdict: { offOptimal: off, reachable: 40, successProbability: 0.5, untouched: false },
  };
}

describe('convergenceNotice, the list of states', () => {
  it('lists three states with commas and "and"', () => {
    expect(convergenceNotice(offIn([3, 6, 10]), 0.6)).toContain('(states 3, 6 and 10)');
  });

  it('lists exactly LISTED_STATES states in full, and one more as "and 1 more"', () => {
    const all = Array.from({ length: LISTED_STATES + 1 }, (_, i) => i);
    const listed = all.slice(0, LISTED_STATES);
    expect(convergenceNotice(offIn(listed), 0.6)).toContain(
      `(states ${listed.slice(0, -1).join(', ')} and ${listed[LISTED_STATES - 1]})`,
    );
    expect(convergenceNotice(offIn(all), 0.6)).toContain(
      `(states ${listed.join(', ')} and 1 more)`,
    );
  });
});

describe('trainUntilReach, a bar met exactly', () => {
  it('reaches a bar of 1 on ice that does not slip, where the greedy policy’s success is exactly 1', () => {
    const env = createEnv({ isSlippery: false });
    const agent = createAgent(env, {}, 0);
    const reach = trainUntilReach(agent, 'q-learning', 2_000, 1);
    expect(reach.finalSuccess).toBe(1);
    expect(reach.steps).not.toBeNull();
    expect(reach.steps).toBeLessThanOrEqual(agent.totalSteps);
  });
});

describe('trajectories', () => {
  it('start empty, neither ended nor cut', () => {
    expect(createTrajectory(5, 2)).toMatchObject({
      length: 0,
      return: 0,
      terminated: false,
      truncated: false,
      episode: 2,
    });
  });

  it('pack a step as nextState << 5 | explored << 4 | direction << 2 | action', () => {
    // 5·32 + 16 + 2·4 + 3 = 187; not explored: 171.
    expect(encodeStep(5, true, 2, 3)).toBe(187);
    expect(encodeStep(5, false, 2, 3)).toBe(171);
  });

  it('pay the schedule’s reward for the goal, a hole and a frozen tile', () => {
    const env = createEnv({ map: ['SH', 'FG'], rewardSchedule: [2, -3, -0.5] });
    expect([0, 1, 2, 3].map((s) => rewardOfEntering(env, s))).toEqual([-0.5, -3, -0.5, 2]);
  });
});

describe('replayEpisode past the run’s end', () => {
  it('refuses an episode far beyond the last one, naming how many the run finished', () => {
    const settings: RunRecord['settings'] = {
      map: [...MAPS['4x4']],
      isSlippery: true,
      successRate: 1 / 3,
      maxSteps: 100,
      seed: 8,
      episodes: 1_000,
      frameInterval: 100,
      params: { ...LESSON_PARAMS },
    };
    const live = createAgent(createEnv({ map: settings.map }), settings.params, settings.seed);
    runSteps(live, 300);
    expect(replayEpisode({ settings, changes: [], totalSteps: 300 }, 10_000)).toEqual({
      ok: false,
      error: `The run has not started episode 10000: it finished ${live.episode} episodes.`,
    });
  });
});
