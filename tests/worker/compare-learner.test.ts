/**
 * One learner of a comparison on its own (`createLearner`): the run's own hyperparameters, the
 * moving window of its last 100 outcomes and the count of successes (checked against the agent's
 * episode log, episode by episode, past the window's length), and its curve points (one at each
 * multiple of the interval, never two for the same episode, none between).
 */
import { describe, expect, it } from 'vitest';
import { EPISODE_LOG_CAPACITY } from '../../src/rl/agent';
import { createEnv } from '../../src/rl/env';
import { LESSON_PARAMS } from '../../src/rl/params';
import { trainAlgorithm } from '../../src/rl/training';
import { createLearner } from '../../src/worker/compare-learner';
import { STATS_WINDOW_EPISODES } from '../../src/worker/episode-ring';
import { lessonSettings, MAP_4X4 } from './lesson-settings';

const env = createEnv({ map: [...MAP_4X4] });
/** The sum of a list. */
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

const SETTINGS = lessonSettings({
  seed: 11,
  episodes: 1000,
  params: { ...LESSON_PARAMS, alpha: 0.5, epsilonDecay: 0.01 },
});

describe('a comparison learner', () => {
  it("trains with the run's own hyperparameters and seed", () => {
    const small = createEnv({ map: ['SF', 'FG'] });
    const learner = createLearner(small, SETTINGS, 'sarsa', 1000, () => 0);
    learner.advance(1e9, 60);
    const core = trainAlgorithm(small, 'sarsa', SETTINGS.params, SETTINGS.seed, 60);
    const lesson = trainAlgorithm(small, 'sarsa', {}, SETTINGS.seed, 60);
    expect(learner.agent.episode).toBe(60);
    expect([...learner.agent.q]).toEqual([...core.q]);
    // The defaults would learn other numbers: the settings' α and ε decay are in use.
    expect([...learner.agent.q]).not.toEqual([...lesson.q]);
  });

  it('keeps the last 100 outcomes and every success, episode by episode past the window', () => {
    // A small slippery map, where the goal is reached often from the first episodes.
    const small = { ...SETTINGS, map: ['SF', 'FG'] };
    const learner = createLearner(createEnv({ map: small.map }), small, 'q-learning', 1, () => 0);
    const goals: number[] = [];
    for (let e = 1; e <= 2.5 * STATS_WINDOW_EPISODES; e++) {
      learner.advance(1e9, e);
      expect(learner.agent.episode).toBe(e);
      goals.push(learner.agent.log.reachedGoal[(e - 1) & (EPISODE_LOG_CAPACITY - 1)]!);
      const s = learner.snapshot([]);
      const recent = goals.slice(-STATS_WINDOW_EPISODES);
      expect(s.window).toBe(recent.length);
      expect(s.recentSuccessRate).toBe(sum(recent) / recent.length);
      expect(s.successes).toBe(sum(goals));
    }
    // Some episodes reached the goal, so a count that ignored them would differ.
    expect(sum(goals)).toBeGreaterThan(0);
  });

  it('a step in the middle of an episode changes none of the counts', () => {
    const learner = createLearner(env, SETTINGS, 'q-learning', 1000, () => 0);
    learner.advance(1e9, 150);
    const before = learner.snapshot([]);
    learner.advance(1, 151);
    expect(learner.agent.episode).toBe(150);
    const after = learner.snapshot([]);
    expect(after.successes).toBe(before.successes);
    expect(after.recentSuccessRate).toBe(before.recentSuccessRate);
  });

  it('stops at the next curve point, and takes one point there', () => {
    const learner = createLearner(env, SETTINGS, 'q-learning', 5, () => 0);
    learner.advance(1e9, 1000);
    expect(learner.agent.episode).toBe(5);
    learner.advance(1e9, 1000);
    expect(learner.agent.episode).toBe(10);
    const points = learner.snapshot([]).points;
    expect(points.map((p) => p.episode)).toEqual([5, 10]);
  });

  it('takes no point between multiples of the interval, nor a second one at the same episode', () => {
    const learner = createLearner(env, SETTINGS, 'q-learning', 5, () => 0);
    learner.advance(1e9, 3);
    expect(learner.agent.episode).toBe(3);
    learner.advance(2, 1000);
    expect(learner.snapshot([]).points).toEqual([]);
    // From episode 3 the next point is 2 episodes away, whatever the goal beyond it.
    learner.advance(1e9, 1000);
    expect(learner.agent.episode).toBe(5);
    // Nothing left to run toward the goal of 5: no steps, and no second point for episode 5.
    expect(learner.advance(1e9, 5)).toBe(0);
    expect(learner.snapshot([]).points.map((p) => p.episode)).toEqual([5]);
  });
});
