/**
 * The training worker's trainer: commands in, events out, time and timers injected (a
 * `TrainerEndpoint`), so the tests drive it in Node with a fake port. This file is the dispatch
 * and the snapshot; the mechanisms live beside it: the run control it shares with the comparison
 * (`run-control.ts`: the slice loop and its pacing, the snapshot gate, the Play budget), the run
 * and its books (`training-run.ts`: the episode ring, the evaluation cache, the frames) and the
 * replay of an imported record in slices (`replay-job.ts`).
 *
 * Loop. `play` runs time slices: at full speed each slice calls `runSteps` in chunks of at most
 * `chunkSteps` steps until `sliceMs` have passed; at a finite speed it runs exactly the steps
 * earned by the time elapsed and sleeps until the next step is due.
 *
 * Budget. Play runs until `agent.episode` reaches the next multiple of `settings.episodes`
 * above the episode count when Play was pressed (see `run-control.ts`).
 *
 * Never stale. A snapshot taken while the loop is not running (after `pause`, `step`,
 * `step-episode`, the end of the budget, a new run) carries the exact evaluation of the current
 * greedy policy at the current episode, and a speed of 0 steps per second.
 */
import { checkLimit, paramErrors, RUN_LIMITS, type Limit } from '../rl/params';
import { parseEnvChange } from '../rl/env-change';
import { copyChange, parseRunRecord } from '../rl/replay';
import { learnerOptionErrors } from '../rl/learner-options';
import { envInfo, optimumFor, optimumTransfer } from './env-facts';
import { parseCommand } from './parse-command';
import {
  assertNever,
  type LiveLearnerChange,
  type ParamChange,
  type Snapshot,
  type Speed,
  type TrainerCommand,
  type TrainerEndpoint,
  type TrainerEvent,
} from './protocol';
import { createRateMeter } from './rate-meter';
import { createReplayJob } from './replay-job';
import { createRunControl, type RunControl } from './run-control';
import type { TrainerOptions } from './slice-loop';
import { copyTrajectory, tableCopies } from './table-copies';
import { lastUpdate } from './last-update';
import { memoryView, withMemory } from './memory-view';
import { createTrainingRun, type TrainingRun } from './training-run';
import { warmUpEachRun } from './warm-up';

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
 * posts `optimum`); `set-speed`; `request-snapshot`; `replay` (in slices, with `replay-progress`,
 * the run on screen kept until it ends) and `cancel-replay`.
 */
export function createTrainer<Handle>(
  endpoint: TrainerEndpoint<Handle>,
  options: Partial<TrainerOptions> & {
    /** Warm the fast loop up once the first run is ready (the real worker does; tests need not). */
    warmUp?: boolean;
  } = {},
): Trainer {
  const now = () => endpoint.now();
  let speed: Speed = DEFAULT_SPEED;
  const rate = createRateMeter();

  const control: RunControl<TrainingRun> = createRunControl(endpoint, options, {
    failPrefix: 'Training',
    runNoun: 'a run',
    work(r, start, inTime) {
      const { agent } = r;
      const { chunkSteps } = control.options;
      const target = control.targetEpisode;
      if (speed === 'max') {
        do advance(chunkSteps, target - agent.episode);
        while (agent.episode < target && inTime());
      } else {
        let due = control.pacer.earn(start, speed);
        while (due > 0 && agent.episode < target) {
          const n = advance(Math.min(due, chunkSteps), target - agent.episode);
          control.pacer.spend(n);
          due -= n;
          if (!inTime()) break;
        }
      }
      return agent.episode >= target;
    },
    sliced: (r) => rate.sample(now(), r.agent.totalSteps),
    // Not running any more: the speed reads 0.
    stopped: () => rate.stop(),
    pacedDelay: () => (speed === 'max' ? null : control.pacer.untilNext(speed)),
    send(r, time) {
      const transfer: Transferable[] = [];
      const snapshot = buildSnapshot(r, time, transfer);
      endpoint.post({ type: 'snapshot', snapshot }, transfer);
    },
  });
  const { loop, gate, postError, needRun } = control;

  const replays = createReplayJob(endpoint, control.options, {
    progress: (p) => post({ type: 'replay-progress', ...p }),
    done: startRun,
    fail: (e) => control.fail(e),
  });

  function post(event: TrainerEvent, transfer: Transferable[] = []): void {
    endpoint.post(event, transfer);
  }

  /** Steps the current run (see `TrainingRun.advance`); the page has something new to see. */
  function advance(maxSteps: number, maxEpisodes: number): number {
    const n = control.run!.advance(maxSteps, maxEpisodes, control.targetEpisode);
    if (n > 0) gate.markDirty();
    return n;
  }

  // ---------------------------------------------------------------- runs

  const scheduleWarmUp = warmUpEachRun(
    endpoint,
    () => loop.running || replays.active,
    options.warmUp === true,
  );

  /** Makes `next` the current run (paused) and tells the page; a replay under way is dropped. */
  function startRun(next: TrainingRun): void {
    // The costly part first: if it throws, the previous run is untouched.
    const optimum = optimumFor(next.env, next.agent.params.gamma, next.bestWithinLimit);
    next.optimalQ = optimum.q.slice();
    replays.cancel();
    control.begin(next, 0, () =>
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
            changes: next.changes.map(copyChange),
          },
          optimum,
        },
        optimumTransfer(optimum),
      ),
    );
    scheduleWarmUp(next.env);
  }

  function buildRun(settings: TrainingRun['settings']): TrainingRun | null {
    const next = createTrainingRun(control.nextId, settings, now);
    if (typeof next !== 'string') return next;
    postError(next);
    return null;
  }

  /** Replays an untrusted record into a fresh run, in slices; the run on screen stops meanwhile. */
  function replay(record: unknown): void {
    const parsed = parseRunRecord(record);
    if (!parsed.ok) {
      postError(`The run record was refused: ${parsed.errors.join(' ')}`);
      return;
    }
    const next = buildRun(parsed.record.settings);
    if (!next) return;
    loop.stop();
    gate.flush();
    replays.start(next, parsed.record);
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
      seq: control.nextSeq(),
      runId: r.id,
      running,
      finished: control.finished,
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
      last: lastUpdate(agent, r.algorithm),
      episodes: r.episodes.batch(transfer),
      stats: { ...r.episodes.stats(), stepsPerSecond: rate.perSecond(time, agent.totalSteps) },
      // Off the loop the page reads a final number: exact for this Q, dated this episode.
      evaluation: running
        ? r.evaluations.throttled(tables.q, agent.episode)
        : r.evaluations.exact(tables.q, agent.episode),
      // Of the policy just evaluated (or reused) for `evaluation`, the line above.
      greedyReturn: r.evaluations.expectedReturn(),
      frames: r.frames.take(
        transfer,
        (q, episode) => r.evaluations.exact(q, episode).successProbability,
      ),
      convergence: r.convergence.report(
        tables.q,
        agent.episode,
        agent.greedyStableSince,
        r.optimalQ,
        control.finished,
      ),
      algorithm: r.algorithm,
      ...withMemory(memoryView(agent, r.algorithm, transfer)),
    };
  }

  // ---------------------------------------------------------------- commands

  /** The optimum for the run's environment and γ, kept for the convergence watch and posted. */
  function postOptimum(r: TrainingRun): void {
    const optimum = optimumFor(r.env, r.agent.params.gamma, r.bestWithinLimit);
    r.optimalQ = optimum.q.slice();
    post({ type: 'optimum', optimum }, optimumTransfer(optimum));
  }

  function play(r: TrainingRun): void {
    control.play(r.agent.episode, r.settings.episodes, (time) => {
      rate.start(time, r.agent.totalSteps);
      return speed === 'max' ? 0 : control.pacer.untilNext(speed);
    });
  }

  function setParams(r: TrainingRun, change: ParamChange): void {
    const errors = paramErrors({ ...change });
    if (errors.length > 0) return postError(errors.join(' '));
    const gammaChanged = change.gamma !== undefined && change.gamma !== r.agent.params.gamma;
    post({ type: 'params-applied', runId: r.id, change: r.setParams(change) });
    gate.markDirty();
    if (gammaChanged) {
      postOptimum(r);
    }
    gate.flush();
  }

  /** A live change of the learner's options: checked (all or nothing), applied, recorded. */
  function setLearner(r: TrainingRun, change: LiveLearnerChange): void {
    const errors = learnerOptionErrors({ ...change }, true);
    if (errors.length > 0) return postError(errors.join(' '));
    post({ type: 'params-applied', runId: r.id, change: r.setLearner(change) });
    gate.markDirty();
    gate.flush();
  }

  /** A live change of rewards and/or success rate: checked, applied, recorded, optimum redone. */
  function setEnv(r: TrainingRun, data: unknown): void {
    const change = parseEnvChange(data);
    if (typeof change === 'string') return postError(change);
    post({ type: 'params-applied', runId: r.id, change: r.setEnv(change) });
    gate.markDirty();
    // Q* and the ceiling follow the rewards and the ice (value iteration on the new table).
    postOptimum(r);
    gate.flush();
  }

  function setSpeed(next: Speed): void {
    const error = next === 'max' ? null : checkLimit(SPEED_LIMIT, next);
    if (error) return postError(error);
    speed = next;
    gate.markDirty();
    if (loop.running) {
      control.pacer.reset(now());
      loop.reschedule(speed === 'max' ? 0 : control.pacer.untilNext(speed));
    }
    gate.flush();
  }

  /** `step` (one update) or `step-episode` (to the end of the current episode), paused. */
  function stepBy(type: 'step' | 'step-episode'): void {
    loop.stop();
    control.finished = false;
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
      case 'set-learner': {
        const r = needRun(command.type);
        if (r) setLearner(r, command.options);
        return;
      }
      case 'set-env': {
        const r = needRun(command.type);
        if (r) setEnv(r, command.change);
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
      case 'replay':
        replay(command.record);
        return;
      case 'cancel-replay': {
        const at = replays.cancel();
        if (at) post({ type: 'replay-cancelled', ...at });
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

  const handler = control.handler(parseCommand, dispatch);
  return {
    handle: handler.handle,
    dispose() {
      replays.cancel();
      handler.dispose();
    },
  };
}
