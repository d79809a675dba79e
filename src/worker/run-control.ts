/**
 * What the training and comparison trainers share around their runs: the current run and the
 * count of runs, the Play budget, the time-sliced loop, the snapshot gate, the failure report,
 * the "needs a run" refusal and the guarded message handler. A trainer says what a slice does
 * and what a snapshot holds (`RunControlParts`); this owns when they happen.
 *
 * Budget. Play runs until the run's episode count reaches the next multiple of the budget E
 * above the count when Play was pressed: (⌊episodes / E⌋ + 1) · E. From a fresh run that is E
 * episodes; after a pause it completes the same block; after it finished, Play runs E more.
 */
import { guardedHandler, type Parsed } from './guarded-handler';
import { errorMessage } from './message-shape';
import type { TrainerEndpoint } from './protocol';
import { restBetweenSlices } from './rest';
import {
  createPacer,
  createSliceLoop,
  trainerOptions,
  type Pacer,
  type SliceLoop,
  type TrainerOptions,
} from './slice-loop';
import { createSnapshotGate, type SnapshotGate } from './snapshot-gate';

/** The refusal and failure report both trainers' protocols carry. */
export interface ErrorEvent {
  type: 'error';
  message: string;
  fatal: boolean;
  /** The type of the command refused, when the refusal answers one. */
  command?: string;
}

/** What a trainer tells its run control. */
export interface RunControlParts<R> {
  /** Ends "… stopped: <why>" when a slice throws ("Training", "The comparison"). */
  failPrefix: string;
  /** What a command before `init` lacks ("a run", "a comparison"). */
  runNoun: string;
  /** One slice of the current run's work (see `SliceBody.work`); true when the budget is done. */
  work(run: R, start: number, inTime: () => boolean): boolean;
  /** After a slice that did not end the Play, before the gate flushes (e.g. sample the rate). */
  sliced?(run: R): void;
  /** The loop stopped running (before the page is told). */
  stopped?(): void;
  /** ms to the next slice at a finite speed, or null at full speed (then the worker rests only for a late page). */
  pacedDelay(): number | null;
  /** Builds and posts a snapshot of `run` taken at `time`. */
  send(run: R, time: number): void;
}

/** The shared state and controls; `run`, `finished` and `targetEpisode` are the trainer's to read. */
export interface RunControl<R> {
  /** The current run, or null before the first `init` (and after `dispose`). */
  readonly run: R | null;
  /** Play stopped because the budget was reached (a step clears it). */
  finished: boolean;
  /** Play stops when the run's episode count reaches this. */
  readonly targetEpisode: number;
  /** The id the next run takes (one more than the last). */
  readonly nextId: number;
  readonly loop: SliceLoop;
  readonly gate: SnapshotGate;
  readonly pacer: Pacer;
  /** The slice length and chunk size in force. */
  readonly options: TrainerOptions;
  /** The next snapshot's sequence number. */
  nextSeq(): number;
  /** Posts a non-fatal error (a refused command). */
  postError(message: string): void;
  /** The current run, or null after refusing `type` for want of one. */
  needRun(type: string): R | null;
  /**
   * Makes `next` the current run, paused, at episode `target` of its budget (0 for the training
   * worker: Play sets it), then `announce` posts its `ready` and the first snapshot follows.
   */
  begin(next: R & { readonly id: number }, target: number, announce: () => void): void;
  /**
   * Plays the current run from `episodes` done to the end of its budget block of `budget`;
   * `firstDelay(time)` is the wait before the first slice. Nothing when already running.
   */
  play(episodes: number, budget: number, firstDelay: (time: number) => number): void;
  /** Stops the loop and reports an unexpected failure; the trainer stays usable. */
  fail(error: unknown): void;
  /** `handle` and `dispose` over the trainer's parser and dispatch. */
  handler<Command extends { type: string }>(
    parse: (message: unknown) => Parsed<Command>,
    dispatch: (command: Command) => void,
  ): { handle(message: unknown): void; dispose(): void };
}

/** Creates the run control over `endpoint`; nothing runs until a trainer starts a run. */
export function createRunControl<R, Handle, Event extends { type: string }>(
  endpoint: TrainerEndpoint<Handle, Event | ErrorEvent>,
  options: Partial<TrainerOptions>,
  parts: RunControlParts<R>,
): RunControl<R> {
  const resolved = trainerOptions(options);
  const now = () => endpoint.now();
  let run: R | null = null;
  let runCount = 0;
  let finished = false;
  let targetEpisode = 0;
  let seq = 0;
  /** The page's requests when Play was pressed: more at the end means it followed the run. */
  let asksAtPlay = 0;
  /**
   * The type of the command being dispatched: a refusal posted meanwhile names it (except the
   * refusal for want of a run, `needRun`), so the page can tell a refused ice change from a
   * refused import.
   */
  let dispatching: string | null = null;
  const pacer = createPacer();

  const loop = createSliceLoop(endpoint, resolved.sliceMs, {
    work: (start, inTime) => parts.work(run!, start, inTime),
    after(done) {
      if (!done) {
        parts.sliced?.(run!);
        gate.flush();
        return;
      }
      finished = true;
      gate.announce(asksAtPlay);
    },
    delay: () => parts.pacedDelay() ?? restBetweenSlices(endpoint, gate),
    // Not running any more: the page is told.
    stopped() {
      parts.stopped?.();
      gate.markDirty();
    },
    fail: (e) => control.fail(e),
  });

  const gate = createSnapshotGate({
    now,
    running: () => loop.running,
    send(time) {
      if (run === null) return false;
      parts.send(run, time);
      return true;
    },
    wakeWithin: (ms) => loop.wakeWithin(ms),
  });

  const control: RunControl<R> = {
    get run() {
      return run;
    },
    get finished() {
      return finished;
    },
    set finished(value) {
      finished = value;
    },
    get targetEpisode() {
      return targetEpisode;
    },
    get nextId() {
      return runCount + 1;
    },
    loop,
    gate,
    pacer,
    options: resolved,
    nextSeq: () => ++seq,
    postError(message) {
      const command = dispatching === null ? {} : { command: dispatching };
      endpoint.post({ type: 'error', message, fatal: false, ...command }, []);
    },
    needRun(type) {
      // Unnamed: before the first run there is no build under way for the page to keep.
      if (run === null)
        endpoint.post(
          {
            type: 'error',
            message: `"${type}" needs ${parts.runNoun}: send "init" first.`,
            fatal: false,
          },
          [],
        );
      return run;
    },
    begin(next, target, announce) {
      loop.stop();
      finished = false;
      targetEpisode = target;
      runCount = next.id;
      run = next;
      announce();
      gate.markAsked();
      gate.flush();
    },
    play(episodes, budget, firstDelay) {
      if (loop.running) return;
      targetEpisode = (Math.floor(episodes / budget) + 1) * budget;
      finished = false;
      asksAtPlay = gate.asks();
      gate.markDirty();
      const time = now();
      pacer.reset(time);
      loop.start(firstDelay(time));
      gate.flush();
    },
    fail(e) {
      try {
        loop.stop();
      } finally {
        control.postError(`${parts.failPrefix} stopped: ${errorMessage(e)}`);
      }
    },
    handler: (parse, dispatch) =>
      guardedHandler({
        parse,
        dispatch(command) {
          dispatching = command.type;
          try {
            dispatch(command);
          } finally {
            dispatching = null;
          }
        },
        postError: control.postError,
        fail: control.fail,
        stop() {
          loop.stop();
          run = null;
        },
      }),
  };
  return control;
}
