/**
 * The time-sliced loop both trainers run on (the training worker's steps, the comparison
 * worker's episodes). A slice works until `sliceMs` have passed or there is nothing left, then
 * yields with `schedule(slice, delay)`, so a `pause` or `set-params` that arrives meanwhile acts
 * before the next piece of work. What a slice does, and how long to wait before the next, is the
 * trainer's (`SliceBody`); the loop owns the timer, the running flag and the failure path.
 *
 * Pacing. At a finite speed a slice may only do the work earned by the time elapsed: the `Pacer`
 * keeps the credit, credit += elapsed · speed / 1000 (fractions carried over), capped at
 * `MAX_BACKLOG_MS` worth (at least one unit) so that a worker held up (a long evaluation, a
 * throttled timer) does not burst afterwards.
 */
import type { TrainerEndpoint } from './protocol';

/** Length of one time slice of training before the loop yields, in ms. */
export const SLICE_MS = 8;
/** Steps per `runSteps` call; the clock is read between calls. */
export const MAX_CHUNK_STEPS = 4096;
/**
 * At a finite speed, unspent credit is capped at this much time's worth (at least one unit), in
 * ms: after the worker was held up it does not burst.
 */
export const MAX_BACKLOG_MS = 100;

/** Slack when turning credit into whole units (1000 ms · 1 step/s may sum to 0.999…). */
const CREDIT_EPSILON = 1e-9;

/** Tuning for tests; the defaults are `SLICE_MS` and `MAX_CHUNK_STEPS`. */
export interface TrainerOptions {
  /** Length of a slice, in ms. */
  sliceMs: number;
  /** Steps per `runSteps` call. */
  chunkSteps: number;
}

/** `options` with the defaults filled in. */
export function trainerOptions(options: Partial<TrainerOptions>): TrainerOptions {
  return {
    sliceMs: options.sliceMs ?? SLICE_MS,
    chunkSteps: options.chunkSteps ?? MAX_CHUNK_STEPS,
  };
}

/** The clock and timer of an endpoint: all the loop needs. */
export type LoopClock<Handle> = Pick<TrainerEndpoint<Handle, never>, 'now' | 'schedule' | 'cancel'>;

/** Units of work (steps or episodes) earned at a finite speed and not yet spent. */
export interface Pacer {
  /** Starts over at `now` with nothing earned. */
  reset(now: number): void;
  /**
   * Adds what `speed` units per second earned since the last call (capped), and returns the
   * whole units available now.
   */
  earn(now: number, speed: number): number;
  /** Spends `n` units (never below 0). */
  spend(n: number): void;
  /** ms until one whole unit is available at `speed` (0 when one is). */
  untilNext(speed: number): number;
}

/** A pacer with nothing earned at time 0. */
export function createPacer(): Pacer {
  let credit = 0;
  let time = 0;
  return {
    reset(now) {
      credit = 0;
      time = now;
    },
    earn(now, speed) {
      // credit += elapsed · speed / 1000, at most MAX_BACKLOG_MS worth (≥ 1 unit).
      credit += ((now - time) * speed) / 1000;
      credit = Math.min(credit, Math.max(1, (speed * MAX_BACKLOG_MS) / 1000));
      time = now;
      return Math.floor(credit + CREDIT_EPSILON);
    },
    spend(n) {
      credit = Math.max(0, credit - n);
    },
    untilNext(speed) {
      if (credit + CREDIT_EPSILON >= 1) return 0;
      return Math.max(0, Math.ceil(((1 - credit) * 1000) / speed));
    },
  };
}

/** What a trainer does in its slices. */
export interface SliceBody {
  /**
   * One slice's work, begun at `start`. `inTime()` reads the clock and says whether the slice
   * may go on (less than `sliceMs` since `start`). Returns true when the run reached its end:
   * the loop then stops before `after`.
   */
  work(start: number, inTime: () => boolean): boolean;
  /** After every slice, `done` when it ended the run (e.g. send a snapshot). */
  after(done: boolean): void;
  /** ms to wait before the next slice. */
  delay(): number;
  /** The loop stopped running: `stop`, the run's end or a failure. */
  stopped(): void;
  /** A slice threw; the loop has stopped. Report it. */
  fail(error: unknown): void;
}

/** The loop's controls. */
export interface SliceLoop {
  /** True from `start` until `stop` or the run's end. */
  readonly running: boolean;
  /** Starts running; the first slice comes after `delayMs`. */
  start(delayMs: number): void;
  /** Starts running with a slice at once, before returning (work that may end within it). */
  startNow(): void;
  /** Stops and cancels the pending slice (`body.stopped` runs if it was running). */
  stop(): void;
  /** Runs the next slice after `delayMs` instead of when it was due. */
  reschedule(delayMs: number): void;
  /** Makes a slice run within `delayMs`: sooner than the pending one, if that is due later. */
  wakeWithin(delayMs: number): void;
}

/** A loop over `clock` running `body` in slices of `sliceMs`; idle until `start`. */
export function createSliceLoop<Handle>(
  clock: LoopClock<Handle>,
  sliceMs: number,
  body: SliceBody,
): SliceLoop {
  let running = false;
  let pending: { handle: Handle; due: number } | null = null;

  function cancel(): void {
    if (pending) clock.cancel(pending.handle);
    pending = null;
  }

  function schedule(delayMs: number): void {
    cancel();
    const due = clock.now() + delayMs;
    pending = { handle: clock.schedule(slice, delayMs), due };
  }

  function stop(): void {
    cancel();
    if (!running) return;
    running = false;
    body.stopped();
  }

  function slice(): void {
    pending = null;
    if (!running) return;
    try {
      const start = clock.now();
      const done = body.work(start, () => clock.now() - start < sliceMs);
      if (done) stop();
      body.after(done);
      if (running) schedule(body.delay());
    } catch (e) {
      stop();
      body.fail(e);
    }
  }

  return {
    get running() {
      return running;
    },
    start(delayMs) {
      running = true;
      schedule(delayMs);
    },
    startNow() {
      cancel();
      running = true;
      slice();
    },
    stop,
    reschedule: schedule,
    wakeWithin(delayMs) {
      if (!pending || pending.due > clock.now() + delayMs) schedule(delayMs);
    },
  };
}
