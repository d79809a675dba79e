/**
 * The replay job on its own, over a stand-in run that replays `maxSteps` steps a call: chunks
 * until the slice's time is up, progress at once and then at most every
 * REPLAY_PROGRESS_INTERVAL_MS, `active` while under way, and a throwing run dropped and reported.
 */
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/rl/replay';
import { lessonSettings } from '../../src/shared/lesson-run';
import {
  createReplayJob,
  REPLAY_PROGRESS_INTERVAL_MS,
  type ReplayProgress,
} from '../../src/worker/replay-job';
import type { TrainingRun } from '../../src/worker/training-run';
import { createFakePort } from './fake-endpoint';

const RECORD: RunRecord = { settings: lessonSettings('4x4', 1), changes: [], totalSteps: 1000 };

/**
 * A stand-in run: `replaySome` adds its steps, moves `clock` on by `msPerCall` (the time a chunk
 * takes), and throws once `failAt` steps are passed.
 */
function standInRun(clock: { time: number }, msPerCall = 0, failAt = Infinity): TrainingRun {
  const agent = { totalSteps: 0 };
  const run = {
    agent,
    replaySome(record: RunRecord, maxSteps: number) {
      if (agent.totalSteps >= failAt) throw new Error('corrupt record');
      clock.time += msPerCall;
      agent.totalSteps = Math.min(record.totalSteps, agent.totalSteps + maxSteps);
      return agent.totalSteps === record.totalSteps;
    },
  };
  // Only `agent.totalSteps` and `replaySome` are read by the job.
  return run as unknown as TrainingRun;
}

/** A job on a fake clock moving `tick` ms a read, 8 ms slices of 10 steps. */
function job(tick: number) {
  const port = createFakePort<{ type: string }>(1000, tick);
  const seen = { progress: [] as ReplayProgress[], done: 0, failed: [] as unknown[] };
  const replay = createReplayJob(
    port,
    { sliceMs: 8, chunkSteps: 10 },
    {
      progress: (p) => seen.progress.push(p),
      done: () => seen.done++,
      fail: (e) => seen.failed.push(e),
    },
  );
  return { port, replay, seen };
}

describe('a replay in slices, on its own', () => {
  it('replays chunks until the slice’s time is up, and reports progress at once', () => {
    // 1 ms a clock read and 8 ms slices: several 10-step chunks in the first slice.
    const { port, replay, seen } = job(1);
    replay.start(standInRun(port), RECORD);
    expect(replay.active).toBe(true);
    expect(seen.progress).toHaveLength(1);
    expect(seen.progress[0]!.steps).toBeGreaterThan(10);
    expect(seen.progress[0]!.totalSteps).toBe(1000);
    port.runAll(1000);
    expect([seen.done, replay.active]).toEqual([1, false]);
  });

  it(`reports again ${REPLAY_PROGRESS_INTERVAL_MS} ms after the last report, not sooner`, () => {
    // Each chunk takes 10 ms, so each slice is one chunk and slice k ends 10·k ms after the start:
    // reports after slices 1, 11, 21, … (10, 110, 210, … steps).
    const { port, replay, seen } = job(0);
    replay.start(standInRun(port, REPLAY_PROGRESS_INTERVAL_MS / 10), RECORD);
    port.runAll(1000);
    expect(seen.progress.map((p) => p.steps)).toEqual([
      10, 110, 210, 310, 410, 510, 610, 710, 810, 910,
    ]);
    expect(seen.done).toBe(1);
  });

  it('is dropped and reported when the run throws', () => {
    const { port, replay, seen } = job(1);
    replay.start(standInRun(port, 0, 20), RECORD);
    port.runAll(100);
    expect(seen.failed).toHaveLength(1);
    expect(replay.active).toBe(false);
    expect(seen.done).toBe(0);
  });
});
