import { describe, expect, it } from 'vitest';
import { LESSON_PARAMS } from '../../src/rl/params';
import { replayRun, type RunRecord } from '../../src/rl/replay';
import { lessonSettings } from '../../src/shared/lesson-run';
import { createTrainingRun, type TrainingRun } from '../../src/worker/training-run';

function build(settings = lessonSettings('4x4', 3)): TrainingRun {
  const run = createTrainingRun(1, settings, () => 0);
  if (typeof run === 'string') throw new Error(run);
  return run;
}

describe('a training run', () => {
  it('names every problem of bad settings in one message, a space between them', () => {
    const message = createTrainingRun(1, { ...lessonSettings(), seed: -1, episodes: 0 }, () => 0);
    expect(typeof message).toBe('string');
    const parts = (message as string).split('. ');
    expect(parts).toHaveLength(2);
    expect(message).toMatch(/^Episodes .*\. Seed /);
  });

  it('replays a record in slices: to each change’s step, the change, then on to its total steps', () => {
    const record: RunRecord = {
      settings: lessonSettings('4x4', 3),
      changes: [
        { atStep: 300, params: { alpha: 0.5 } },
        { atStep: 900, params: { epsilon: 0.2, gamma: 0.9 } },
      ],
      totalSteps: 2500,
    };
    const run = build(record.settings);
    // Slices of at most 1,000 steps: false until the run stands where the record ends.
    expect(run.replaySome(record, 0)).toBe(false); // no budget, no step
    expect(run.agent.totalSteps).toBe(0);
    const done: boolean[] = [];
    while (done.at(-1) !== true) done.push(run.replaySome(record, 1000));
    expect(done).toEqual([false, false, true]);
    expect(run.replaySome(record, 1000)).toBe(true); // nothing left to do
    const direct = replayRun(record);
    expect(run.agent.totalSteps).toBe(2500);
    expect(Array.from(run.agent.q)).toEqual(Array.from(direct.q));
    expect(run.agent.epsilon).toBe(direct.epsilon);
    expect(run.changes).toEqual(record.changes);
    expect(run.settings.params).toEqual({ ...LESSON_PARAMS, alpha: 0.5, epsilon: 0.2, gamma: 0.9 });
    // The run keeps what it started with, for its own record.
    expect(run.initialSettings.params).toEqual(LESSON_PARAMS);
    expect(run.initialSettings.map).toEqual(['SFFF', 'FHFH', 'FFFH', 'HFFG']);
    expect(run.settings.map).toEqual(run.initialSettings.map);
  });

  it('setParams acts from the next step and is recorded at the step it took effect', () => {
    const run = build();
    // Episode 0 is a frame, so the call stops when it ends (3 steps on this seed).
    expect(run.advance(120, Infinity, Infinity)).toBe(3);
    const record = run.setParams({ epsilon: 0.5, minEpsilon: 0.1 });
    expect(record).toEqual({ atStep: 3, params: { epsilon: 0.5, minEpsilon: 0.1 } });
    expect(run.agent.epsilon).toBe(0.5);
    expect(run.settings.params).toEqual({ ...LESSON_PARAMS, epsilon: 0.5, minEpsilon: 0.1 });
    expect(run.initialSettings.params).toEqual(LESSON_PARAMS);
    expect(run.changes).toEqual([record]);
  });

  it('advance stops right after a frame’s episode, and drains the episodes it ran', () => {
    const run = build({ ...lessonSettings('4x4', 3), frameInterval: 5 });
    run.advance(1_000_000, Infinity, Infinity);
    // Episode 0 is a frame (0 mod 5): the first call stops after it.
    expect(run.agent.episode).toBe(1);
    run.advance(1_000_000, Infinity, Infinity);
    expect(run.agent.episode).toBe(6); // episodes 1–5; episode 5 is the next frame
    expect(run.frames.take([], () => 0).map((f) => f.episode)).toEqual([0, 5]);
    expect(run.episodes.batch([]).lengths).toHaveLength(6);
  });

  it('greedy episodes are counted apart, successes among them', () => {
    const run = build({ ...lessonSettings('4x4', 3), isSlippery: false });
    // Q = 0: greedy Left at the start, into the wall, until the time limit (100 steps).
    const first = run.greedyEpisode();
    expect([first.episodes, first.successes, first.reachedGoal]).toEqual([1, 0, false]);
    expect(first.trajectory.length).toBe(100);
    // Q that walks the shortest path: Down, Down, Right, Down, Right, Right (states 0, 4, 8, 9, 13, 14).
    const path: [number, number][] = [
      [0, 1],
      [4, 1],
      [8, 2],
      [9, 1],
      [13, 2],
      [14, 2],
    ];
    for (const [s, a] of path) run.agent.q[s * 4 + a] = 1;
    const second = run.greedyEpisode();
    expect([second.episodes, second.successes, second.reachedGoal]).toEqual([2, 1, true]);
    expect(second.trajectory.length).toBe(6);
    expect(run.agent.totalSteps).toBe(0);
  });
});
