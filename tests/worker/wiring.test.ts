import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/rl/agent';
import { createEnv } from '../../src/rl/env';
import { runEpisodes } from '../../src/rl/fast-loop';
import { LESSON_PARAMS } from '../../src/rl/params';
import { lessonSettings } from '../../src/shared/lesson-run';
import { createEpisodeRing, STATS_WINDOW_EPISODES } from '../../src/worker/episode-ring';
import type { RunSettings, TrainerCommand } from '../../src/worker/protocol';
import { createTrainer } from '../../src/worker/trainer';
import { createFakeEndpoint } from './fake-endpoint';

const MAP_4X4 = ['SFFF', 'FHFH', 'FFFH', 'HFFG'];
/** A slow decay, so that ε differs at every frame of the run (it reaches no floor in 2,000 episodes). */
const PARAMS = { ...LESSON_PARAMS, epsilonDecay: 0.00001 };

function settings(overrides: Partial<RunSettings> = {}): RunSettings {
  const lesson = lessonSettings('4x4', 5);
  return { ...lesson, episodes: 2000, frameInterval: 500, params: PARAMS, ...overrides };
}

/** A trainer on a fake port that has run `s` to its end at full speed; its snapshots at hand. */
function runToEnd(s: RunSettings) {
  const port = createFakeEndpoint(1000, 0);
  const trainer = createTrainer(port);
  const send = (c: TrainerCommand) => trainer.handle(c);
  send({ type: 'init', settings: s });
  send({ type: 'set-speed', speed: 'max' });
  send({ type: 'play' });
  port.runAll();
  send({ type: 'request-snapshot' });
  return port;
}

describe('what the worker reports is what the run did (issue 23’s wiring breaks)', () => {
  it('each frame carries ε at its episode, not the starting ε (the gallery shows it)', () => {
    const frames = runToEnd(settings())
      .snapshots()
      .flatMap((s) => s.frames);
    expect(frames.map((f) => f.episode)).toEqual([0, 500, 1000, 1500, 1999]);
    const agent = createAgent(createEnv({ map: MAP_4X4 }), PARAMS, 5);
    for (const frame of frames) {
      runEpisodes(agent, frame.episode + 1 - agent.episode);
      // ε after episode e: 1 − decay·(steps so far), the direct run's own number, bit for bit.
      expect(frame.epsilon).toBe(agent.epsilon);
      expect(frame.epsilon).toBeLessThan(PARAMS.epsilon);
    }
  });

  it('mean steps to the prize averages the goal-reaching episodes of the window only', () => {
    // The lesson's decay: ε is at its floor long before episode 900, so many episodes reach the goal.
    const snapshot = runToEnd(settings({ episodes: 1000, params: LESSON_PARAMS })).lastSnapshot();
    const agent = createAgent(createEnv({ map: MAP_4X4 }), LESSON_PARAMS, 5);
    runEpisodes(agent, 1000);
    let goals = 0;
    let goalSteps = 0;
    let allSteps = 0;
    for (let e = 1000 - STATS_WINDOW_EPISODES; e < 1000; e++) {
      allSteps += agent.log.lengths[e]!;
      if (agent.log.reachedGoal[e]) {
        goals++;
        goalSteps += agent.log.lengths[e]!;
      }
    }
    expect(goals).toBeGreaterThan(0);
    // The two means differ on this run, so the test tells them apart.
    expect(goalSteps / goals).not.toBe(allSteps / STATS_WINDOW_EPISODES);
    expect(snapshot.stats.recentMeanStepsToGoal).toBe(goalSteps / goals);
    expect(snapshot.stats.recentMeanLength).toBe(allSteps / STATS_WINDOW_EPISODES);
    expect(snapshot.stats.recentSuccessRate).toBe(goals / STATS_WINDOW_EPISODES);
  });
});

/** The statistics of a ring of 8 that drained a log of these episodes (lengths, goal flags). */
function ringStats(lengths: number[], goals: number[]) {
  const agent = createAgent(createEnv({ map: MAP_4X4 }), PARAMS, 0);
  agent.log.lengths.set(lengths);
  agent.log.reachedGoal.set(goals);
  agent.log.returns.set(goals);
  agent.episode = lengths.length;
  const ring = createEpisodeRing(8);
  ring.drain(agent);
  return ring.stats();
}

describe('the episode ring’s statistics, worked by hand', () => {
  it('four episodes of 3, 7, 5 and 9 steps, the first and third reaching the goal', () => {
    // Success 2/4; mean length (3 + 7 + 5 + 9)/4 = 6; mean steps to the goal (3 + 5)/2 = 4.
    expect(ringStats([3, 7, 5, 9], [1, 0, 1, 0])).toEqual({
      successes: 2,
      recentSuccessRate: 0.5,
      recentMeanLength: 6,
      recentMeanStepsToGoal: 4,
      window: 4,
    });
  });

  it('no goal in the window: mean steps to the goal is NaN, not the mean length', () => {
    expect(ringStats([4, 6], [0, 0])).toEqual({
      successes: 0,
      recentSuccessRate: 0,
      recentMeanLength: 5,
      recentMeanStepsToGoal: NaN,
      window: 2,
    });
  });
});
