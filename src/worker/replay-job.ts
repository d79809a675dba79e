/**
 * An imported record replayed in the training worker's time slices, beside the run on screen.
 *
 * A replay of millions of steps takes seconds; run in one go it would leave the worker deaf
 * (no pong, no pause) and the page would take it for dead. So it runs in slices like training at
 * full speed, reports its progress at most every `REPLAY_PROGRESS_INTERVAL_MS`, and can be
 * cancelled between two slices. The run on screen stays the current run until the replay ends:
 * cancelling leaves everything as it was before the import. The first slice runs at once, so a
 * short record is replayed before the command returns.
 */
import type { RunRecord } from '../rl/replay';
import { createSliceLoop, type LoopClock, type TrainerOptions } from './slice-loop';
import type { TrainingRun } from './training-run';

/** Shortest time between two progress reports of a replay, in ms. */
export const REPLAY_PROGRESS_INTERVAL_MS = 100;

/** How far a replay got: `steps` of the record's `totalSteps`. */
export interface ReplayProgress {
  steps: number;
  totalSteps: number;
}

/** What the trainer does with a replay's news. */
export interface ReplayHooks {
  /** The replay is under way (at most every `REPLAY_PROGRESS_INTERVAL_MS`). */
  progress(progress: ReplayProgress): void;
  /** The run stands where the record ends: make it the current run. */
  done(run: TrainingRun): void;
  /** A slice threw; the replay is dropped. */
  fail(error: unknown): void;
}

/** The replay in progress, if any. */
export interface ReplayJob {
  /** True while a replay is under way. */
  readonly active: boolean;
  /** Replays `record` into the fresh `run`, dropping any replay under way. */
  start(run: TrainingRun, record: RunRecord): void;
  /** Drops the replay under way: how far it got, or null when there was none. */
  cancel(): ReplayProgress | null;
}

/** A replay job on `clock`, in slices of `options.sliceMs`, `options.chunkSteps` steps a call. */
export function createReplayJob<Handle>(
  clock: LoopClock<Handle>,
  options: TrainerOptions,
  hooks: ReplayHooks,
): ReplayJob {
  let job: { run: TrainingRun; record: RunRecord } | null = null;
  let reportedAt = -Infinity;

  const progress = (): ReplayProgress => ({
    steps: job!.run.agent.totalSteps,
    totalSteps: job!.record.totalSteps,
  });

  const loop = createSliceLoop(clock, options.sliceMs, {
    work(_start, inTime) {
      const { run, record } = job!;
      while (!run.replaySome(record, options.chunkSteps)) if (!inTime()) return false;
      return true;
    },
    after(done) {
      if (done) {
        const { run } = job!;
        job = null;
        hooks.done(run);
        return;
      }
      const time = clock.now();
      if (time - reportedAt < REPLAY_PROGRESS_INTERVAL_MS) return;
      reportedAt = time;
      hooks.progress(progress());
    },
    // The page draws nothing meanwhile: no rest is needed for it.
    delay: () => 0,
    stopped() {},
    fail(e) {
      job = null;
      hooks.fail(e);
    },
  });

  return {
    get active() {
      return job !== null;
    },
    start(run, record) {
      loop.stop();
      job = { run, record };
      reportedAt = -Infinity;
      loop.startNow();
    },
    cancel() {
      if (!job) return null;
      const at = progress();
      loop.stop();
      job = null;
      return at;
    },
  };
}
