/**
 * The training worker's trainer: commands in, events out, time and timers injected (a
 * `TrainerEndpoint`), so the tests drive it in Node with a fake port. This file is the dispatch
 * and the snapshot; the mechanisms live beside it: the slice loop and its pacing
 * (`slice-loop.ts`), the snapshot gate (`snapshot-gate.ts`), the run and its books
 * (`training-run.ts`: the episode ring, the evaluation cache, the frames).
 *
 * Loop. `play` runs time slices: at full speed each slice calls `runSteps` in chunks of at most
 * `chunkSteps` steps until `sliceMs` have passed; at a finite speed it runs exactly the steps
 * earned by the time elapsed and sleeps until the next step is due.
 *
 * Budget. Play runs until `agent.episode` reaches the next multiple of `settings.episodes`
 * above the episode count when Play was pressed: (⌊episode / E⌋ + 1) · E. From a fresh run that is
 * E episodes; after a pause it completes the same block; after it finished, Play runs E more.
 *
 * Never stale. A snapshot taken while the loop is not running (after `pause`, `step`,
 * `step-episode`, the end of the budget, a new run) carries the exact evaluation of the current
 * greedy policy at the current episode, and a speed of 0 steps per second.
 */
import { checkLimit, paramErrors, RUN_LIMITS, type Limit } from '../rl/params';
import { lastStepRecord } from '../rl/step-record';
import { parseRunRecord } from '../rl/replay';
import { envInfo, optimumFor, optimumTransfer } from './env-facts';
import { guardedHandler } from './guarded-handler';
import { errorMessage } from './message-shape';
import { parseCommand } from './parse-command';
import {
  assertNever,
  type ParamChange,
  type Snapshot,
  type Speed,
  type TrainerCommand,
  type TrainerEndpoint,
  type TrainerEvent,
} from './protocol';
import { createRateMeter } from './rate-meter';
import { createPacer, createSliceLoop, trainerOptions, type TrainerOptions } from './slice-loop';
import { createSnapshotGate } from './snapshot-gate';
import { copyTrajectory, tableCopies } from './table-copies';
import { createTrainingRun, type TrainingRun } from './training-run';
import { restBetweenSlices } from './rest';

/** Speed until the page sets one. */
export const DEFAULT_SPEED: Speed = 'max';
/** Allowed finite speeds, in steps per second. */
export const SPEED_LIMIT: Limit = RUN_LIMITS.speed;

/** A running trainer. */
export interface Trainer {
  /** Handles one message from the page. Validates it first: anything malformed is an `error` event. */
  handle(message: unknown): void;
  /** Stops the loop and forgets the run; later messages are ignored. */
  dispose(): void;
}

/**
 * Creates the trainer over an endpoint. Nothing runs until a message arrives.
 *
 * Commands (see `TrainerCommand`): `init` validates and starts a new run (paused) and answers
 * `ready` + a snapshot, or `error` with nothing changed; `play` / `pause`; `step` (one update),
 * `step-episode` (to the end of the current episode), both pausing first; `reset` (same
 * settings, fresh agent); `set-params` (all-or-nothing, from the next step, Q kept; a new γ also
 * posts `optimum`); `set-speed`; `request-snapshot`.
 */
export function createTrainer<Handle>(
  endpoint: TrainerEndpoint<Handle>,
  options: Partial<TrainerOptions> = {},
): Trainer {
  const { sliceMs, chunkSteps } = trainerOptions(options);
  const now = () => endpoint.now();

  let run: TrainingRun | null = null;
  let runCount = 0;
  let finished = false;
  let speed: Speed = DEFAULT_SPEED;
  /** Play stops when `agent.episode` reaches this. */
  let targetEpisode = 0;
  let seq = 0;
  /** The page's requests when Play was pressed: more at the end means it followed the run. */
  let asksAtPlay = 0;
  const pacer = createPacer();
  const rate = createRateMeter();

  const loop = createSliceLoop(endpoint, sliceMs, {
    work(start, inTime) {
      const { agent } = run!;
      if (speed === 'max') {
        do advance(chunkSteps, targetEpisode - agent.episode);
        while (agent.episode < targetEpisode && inTime());
      } else {
        let due = pacer.earn(start, speed);
        while (due > 0 && agent.episode < targetEpisode) {
          const n = advance(Math.min(due, chunkSteps), targetEpisode - agent.episode);
          pacer.spend(n);
          due -= n;
          if (!inTime()) break;
        }
      }
      return agent.episode >= targetEpisode;
    },
    after(done) {
      if (!done) {
        rate.sample(now(), run!.agent.totalSteps);
        gate.flush();
        return;
      }
      finished = true;
      gate.announce(asksAtPlay);
    },
    delay: () => (speed === 'max' ? restBetweenSlices(endpoint, gate) : pacer.untilNext(speed)),
    // Not running any more: the speed reads 0, and the page is told.
    stopped() {
      rate.stop();
      gate.markDirty();
    },
    fail,
  });

  const gate = createSnapshotGate({
    now,
    running: () => loop.running,
    send(time) {
      if (!run) return false;
      const transfer: Transferable[] = [];
      const snapshot = buildSnapshot(run, time, transfer);
      endpoint.post({ type: 'snapshot', snapshot }, transfer);
      return true;
    },
    wakeWithin: (ms) => loop.wakeWithin(ms),
  });

  function post(event: TrainerEvent, transfer: Transferable[] = []): void {
    endpoint.post(event, transfer);
  }

  function postError(message: string): void {
    post({ type: 'error', message, fatal: false });
  }

  /** Steps the current run (see `TrainingRun.advance`); the page has something new to see. */
  function advance(maxSteps: number, maxEpisodes: number): number {
    const n = run!.advance(maxSteps, maxEpisodes, targetEpisode);
    if (n > 0) gate.markDirty();
    return n;
  }

  // ---------------------------------------------------------------- runs

  /** Makes `next` the current run (paused) and tells the page. */
  function startRun(next: TrainingRun): void {
    // The costly part first: if it throws, the previous run is untouched.
    const optimum = optimumFor(next.env, next.agent.params.gamma, next.bestWithinLimit);
    next.optimalQ = optimum.q.slice();
    loop.stop();
    finished = false;
    targetEpisode = 0;
    runCount = next.id;
    run = next;
    post(
      {
        type: 'ready',
        runId: next.id,
        env: envInfo(next.env),
        settings: {
          ...next.settings,
          map: [...next.settings.map],
          params: { ...next.settings.params },
        },
        record: {
          settings: { ...next.initialSettings, params: { ...next.initialSettings.params } },
          changes: next.changes.map((c) => ({ atStep: c.atStep, params: { ...c.params } })),
        },
        optimum,
      },
      optimumTransfer(optimum),
    );
    gate.markAsked();
    gate.flush();
  }

  function buildRun(settings: TrainingRun['settings']): TrainingRun | null {
    const next = createTrainingRun(runCount + 1, settings, now);
    if (typeof next !== 'string') return next;
    postError(next);
    return null;
  }

  // ---------------------------------------------------------------- snapshots

  function buildSnapshot(r: TrainingRun, time: number, transfer: Transferable[]): Snapshot {
    const { agent, env } = r;
    const running = loop.running;
    // Copy the live tables once; everything else derives from the copies.
    const tables = tableCopies(agent.q, env.nA, transfer);
    const visits = agent.visits.slice();
    const tdErrors = agent.tdErrors.slice();
    transfer.push(visits.buffer, tdErrors.buffer);
    return {
      seq: ++seq,
      runId: r.id,
      running,
      finished,
      speed,
      episode: agent.episode,
      totalSteps: agent.totalSteps,
      epsilon: agent.epsilon,
      state: agent.state,
      t: agent.t,
      params: { ...agent.params },
      ...tables,
      visits,
      tdErrors,
      current: copyTrajectory(env, agent.current, transfer),
      previous: agent.episode > 0 ? copyTrajectory(env, agent.previous, transfer) : null,
      // The record carries the α, γ and ε this update used, even if set-params changed them since.
      last: agent.last.valid ? { ...lastStepRecord(agent), totalSteps: agent.totalSteps } : null,
      episodes: r.episodes.batch(transfer),
      stats: { ...r.episodes.stats(), stepsPerSecond: rate.perSecond(time, agent.totalSteps) },
      // Off the loop the page reads a final number: exact for this Q, dated this episode.
      evaluation: running
        ? r.evaluations.throttled(tables.q, agent.episode)
        : r.evaluations.exact(tables.q, agent.episode),
      frames: r.frames.take(
        transfer,
        (q, episode) => r.evaluations.exact(q, episode).successProbability,
      ),
      convergence: r.convergence.report(
        tables.q,
        agent.episode,
        agent.greedyStableSince,
        r.optimalQ,
        finished,
      ),
    };
  }

  // ---------------------------------------------------------------- commands

  /** Stops the loop and reports an unexpected failure; the trainer stays usable. */
  function fail(e: unknown): void {
    try {
      loop.stop();
    } finally {
      postError(`Training stopped: ${errorMessage(e)}`);
    }
  }

  function needRun(type: TrainerCommand['type']): TrainingRun | null {
    if (!run) postError(`"${type}" needs a run: send "init" first.`);
    return run;
  }

  function play(r: TrainingRun): void {
    if (loop.running) return;
    const budget = r.settings.episodes;
    targetEpisode = (Math.floor(r.agent.episode / budget) + 1) * budget;
    finished = false;
    asksAtPlay = gate.asks();
    gate.markDirty();
    const time = now();
    pacer.reset(time);
    rate.start(time, r.agent.totalSteps);
    loop.start(speed === 'max' ? 0 : pacer.untilNext(speed));
    gate.flush();
  }

  function setParams(r: TrainingRun, change: ParamChange): void {
    const errors = paramErrors({ ...change });
    if (errors.length > 0) {
      postError(errors.join(' '));
      return;
    }
    const gammaChanged = change.gamma !== undefined && change.gamma !== r.agent.params.gamma;
    post({ type: 'params-applied', runId: r.id, change: r.setParams(change) });
    gate.markDirty();
    if (gammaChanged) {
      const optimum = optimumFor(r.env, r.agent.params.gamma, r.bestWithinLimit);
      r.optimalQ = optimum.q.slice();
      post({ type: 'optimum', optimum }, optimumTransfer(optimum));
    }
    gate.flush();
  }

  function setSpeed(next: Speed): void {
    const error = next === 'max' ? null : checkLimit(SPEED_LIMIT, next);
    if (error) {
      postError(error);
      return;
    }
    speed = next;
    gate.markDirty();
    if (loop.running) {
      pacer.reset(now());
      loop.reschedule(speed === 'max' ? 0 : pacer.untilNext(speed));
    }
    gate.flush();
  }

  /** `step` (one update) or `step-episode` (to the end of the current episode), paused. */
  function stepBy(type: 'step' | 'step-episode'): void {
    loop.stop();
    finished = false;
    if (type === 'step') advance(1, Infinity);
    else advance(Infinity, 1);
    gate.markDirty();
    gate.flush();
  }

  function dispatch(command: TrainerCommand): void {
    switch (command.type) {
      case 'init': {
        const next = buildRun(command.settings);
        if (next) startRun(next);
        return;
      }
      case 'reset': {
        const r = needRun(command.type);
        const next = r && buildRun(r.settings);
        if (next) startRun(next);
        return;
      }
      case 'play': {
        const r = needRun(command.type);
        if (r) play(r);
        return;
      }
      case 'pause':
        loop.stop();
        gate.markDirty();
        gate.flush();
        return;
      case 'step':
      case 'step-episode': {
        if (needRun(command.type)) stepBy(command.type);
        return;
      }
      case 'set-params': {
        const r = needRun(command.type);
        if (r) setParams(r, command.params);
        return;
      }
      case 'set-speed':
        setSpeed(command.speed);
        return;
      case 'request-snapshot':
        gate.request();
        return;
      case 'set-frame-interval': {
        const r = needRun(command.type);
        if (!r) return;
        const error = checkLimit(RUN_LIMITS.frameInterval, command.frameInterval);
        if (error) postError(error);
        else r.settings = { ...r.settings, frameInterval: command.frameInterval };
        return;
      }
      case 'replay': {
        const parsed = parseRunRecord(command.record);
        if (!parsed.ok) {
          postError(`The run record was refused: ${parsed.errors.join(' ')}`);
          return;
        }
        const next = buildRun(parsed.record.settings);
        if (!next) return;
        next.replay(parsed.record);
        startRun(next);
        return;
      }
      case 'ping':
        post({ type: 'pong', id: command.id });
        return;
      case 'run-greedy-episode': {
        const r = needRun(command.type);
        if (r) post(r.greedyEpisode());
        return;
      }
      default:
        assertNever(command);
    }
  }

  return guardedHandler({
    parse: parseCommand,
    dispatch,
    postError,
    fail,
    stop() {
      loop.stop();
      run = null;
    },
  });
}
