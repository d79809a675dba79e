/**
 * Seed bands (issue 21): one seed's curve at checkpoints, and the band's quantiles over seeds.
 */
import { describe, expect, it } from 'vitest';
import { createAgent, EPISODE_LOG_CAPACITY } from '../../src/rl/agent';
import { createEnv } from '../../src/rl/env';
import { evaluateGreedy } from '../../src/rl/evaluation';
import { runEpisodes } from '../../src/rl/fast-loop';
import { MAPS } from '../../src/rl/maps';
import { LESSON_PARAMS } from '../../src/rl/params';
import { bandSeeds, seedBand } from '../../src/rl/seed-band';
import { bandCheckpoints, seedCurve, type SeedCurve } from '../../src/rl/seed-curve';
import { train } from '../../src/rl/training';

const ENV = createEnv({ map: [...MAPS['4x4']], isSlippery: true });

/** A curve with the same values in every series (the band's statistics are per series alike). */
function curve(seed: number, values: number[]): SeedCurve {
  return {
    seed,
    episodes: values.map((_, b) => (b + 1) * 10),
    successRate: values,
    exactSuccess: values.map((v) => v / 2),
    episodeLength: values.map((v) => v * 100),
  };
}

describe('bandCheckpoints', () => {
  it('splits E episodes into min(P, E) checkpoints ending at ⌊(b+1)·E/P⌋', () => {
    const ten = bandCheckpoints(10_000);
    expect(ten).toHaveLength(25);
    expect(ten[0]).toBe(400);
    expect(ten.at(-1)).toBe(10_000);
    expect(bandCheckpoints(10, 4)).toEqual([2, 5, 7, 10]);
    expect(bandCheckpoints(3)).toEqual([1, 2, 3]);
    expect(bandCheckpoints(1)).toEqual([1]);
  });
});

describe('seedCurve', () => {
  it('measures at each checkpoint the agent train() gives for that many episodes, bit for bit', () => {
    const checkpoints = [150, 700, 1000];
    const c = seedCurve(ENV, { ...LESSON_PARAMS }, 4, checkpoints);
    expect(c.seed).toBe(4);
    expect(c.episodes).toEqual(checkpoints);
    checkpoints.forEach((e, b) => {
      const agent = train(ENV, LESSON_PARAMS, 4, e);
      expect(c.exactSuccess[b]).toBe(evaluateGreedy(ENV, agent.q).successProbability);
    });
  });

  it('counts goals and steps per window, across pieces longer than the episode ring', () => {
    // 10,000 episodes in 2 windows of 5,000 > EPISODE_LOG_CAPACITY: the ring is read in pieces.
    expect(5_000).toBeGreaterThan(EPISODE_LOG_CAPACITY);
    const c = seedCurve(ENV, { ...LESSON_PARAMS }, 1, [5_000, 10_000]);
    // The slow count: one episode at a time, reading the episode just finished.
    const agent = createAgent(ENV, LESSON_PARAMS, 1);
    const goals = [0, 0];
    const steps = [0, 0];
    for (let e = 0; e < 10_000; e++) {
      runEpisodes(agent, 1);
      const i = e & (EPISODE_LOG_CAPACITY - 1);
      goals[e < 5_000 ? 0 : 1]! += agent.log.reachedGoal[i]!;
      steps[e < 5_000 ? 0 : 1]! += agent.log.lengths[i]!;
    }
    expect(c.successRate).toEqual([goals[0]! / 5_000, goals[1]! / 5_000]);
    expect(c.episodeLength).toEqual([steps[0]! / 5_000, steps[1]! / 5_000]);
    expect(steps[0]! + steps[1]!).toBe(agent.totalSteps);
    // The lesson's agent learns: more goals in the second half, when ε has decayed.
    expect(c.successRate[1]).toBeGreaterThan(c.successRate[0]!);
  });
});

describe('seedBand', () => {
  it('takes the median, quartiles and extremes of each series over the seeds (numpy type 7)', () => {
    const band = seedBand([
      curve(0, [0.4, 1]),
      curve(1, [0, 0.2]),
      curve(2, [0.2, 0.6]),
      curve(3, [1, 0.8]),
    ]);
    expect(band.seeds).toEqual([0, 1, 2, 3]);
    // Sorted 0, 0.2, 0.4, 1, h = 3p: q1 = x0 + 0.75·(x1 − x0) = 0.15, median = x1 + 0.5·(x2 − x1)
    // = 0.3, q3 = x2 + 0.25·(x3 − x2) = 0.55 (each as doubles round them).
    expect(band.series.successRate[0]).toEqual({
      episode: 10,
      median: 0.30000000000000004,
      q1: 0.15000000000000002,
      q3: 0.55,
      min: 0,
      max: 1,
    });
    expect(band.series.successRate[1]!.median).toBe(0.7);
    expect(band.series.exactSuccess[0]!.median).toBe(0.15000000000000002);
    expect(band.series.episodeLength[1]).toMatchObject({ min: 20, max: 100, q1: 50, q3: 85 });
  });

  it('degenerate bands: every seed alike gives a band of zero width; no curve gives no points', () => {
    const band = seedBand([curve(5, [0.5]), curve(6, [0.5])]);
    expect(band.series.successRate).toEqual([
      { episode: 10, median: 0.5, q1: 0.5, q3: 0.5, min: 0.5, max: 0.5 },
    ]);
    expect(seedBand([])).toEqual({
      seeds: [],
      series: { successRate: [], exactSuccess: [], episodeLength: [] },
    });
  });

  it('bandSeeds: the lab’s seed and the N − 1 after it', () => {
    expect(bandSeeds(7, 3)).toEqual([7, 8, 9]);
  });
});
