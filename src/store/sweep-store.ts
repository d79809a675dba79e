/**
 * The page's sweep pool (zustand, vanilla): a pool of sweep Web Workers, one job at a time each,
 * and the progress of the sweep for the panel.
 *
 * - `start(spec, axes)` checks the sweep with `rl/sweep` (a bad one is refused with its messages
 *   and changes nothing), starts min(pool size, agents) workers and feeds them jobs; each result
 *   lands in `results()` by job id as it arrives.
 * - `cancel()` terminates the workers at once (an agent's training is one call, so terminating is
 *   the prompt way to stop it); the results already in stay and are summarised.
 * - Workers exist only while a sweep runs: they are terminated when it ends, however it ends.
 *
 * The results live in one mutable array with a stable identity (`results()`); `version` moves
 * with every result, so hosts redraw from `store.subscribe` at their own pace.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  expandSweep,
  sweepErrors,
  type SweepAxis,
  type SweepJobResult,
  type SweepPlan,
  type SweepSpec,
} from '../rl/sweep';
import { jobEnvSpec } from '../rl/sweep-env';
import { summarizeSweep, type SweepSummary } from '../rl/sweep-summary';
import { assertNever } from '../worker/protocol';
import type { SweepCommand, SweepEvent } from '../worker/sweep-protocol';
import { startSweepWorkers } from './sweep-workers';
import type { WorkerClient, WorkerPort } from './worker-client';

/** A sweep `Worker` as the pool sees it (an in-process fake in tests). */
export type SweepWorkerPort = WorkerPort<SweepCommand, SweepEvent>;

/** Where a sweep is. */
export type SweepPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** The two settings on the heatmap's axes: `x` across, `y` down. */
export interface SweepAxes {
  x: SweepAxis;
  y: SweepAxis;
}

/** The pool's state. */
export interface SweepState {
  phase: SweepPhase;
  /** The sweep under way or last run (`null` before the first). */
  plan: SweepPlan | null;
  axes: SweepAxes | null;
  /** Agents finished and in all. */
  done: number;
  total: number;
  /** Workers the sweep runs on. */
  workers: number;
  /** Moves with every result (and every new sweep): redraw when it changed. */
  version: number;
  /** ms from start to the last result (or to the cancel). */
  elapsedMs: number;
  /** Why the last sweep could not start or failed. */
  errors: string[];
}

/** What the panel can do. */
export interface SweepActions {
  /** Starts a sweep; returns its errors (empty when it started). A running sweep is cancelled first. */
  start(spec: SweepSpec, axes: SweepAxes): string[];
  /** Stops the sweep now; the results in so far stay. */
  cancel(): void;
  /** The results by job id (holes for jobs not finished). Stable identity per sweep. */
  results(): readonly (SweepJobResult | undefined)[];
  /** Per-setting summaries of the results in so far. */
  summaries(): SweepSummary[];
}

/** The sweep pool's store: its state and actions. */
export type SweepStore = StoreApi<SweepState & SweepActions>;

/** Options of `createSweepStore`. */
export interface SweepStoreOptions {
  createWorker: () => SweepWorkerPort;
  /** Workers in the pool (the page passes `sweepPoolSize(navigator.hardwareConcurrency)`). */
  poolSize: number;
  /** A clock in ms (default `performance.now`). */
  now?: () => number;
}

/** Most workers a pool starts, whatever the machine reports. */
export const MAX_SWEEP_WORKERS = 16;

/**
 * The pool size for a reported core count: one worker per core but one, which the page keeps for
 * itself (at least 1, at most `MAX_SWEEP_WORKERS`). With every core busy training, the page's
 * own tasks wait for a core: on this project's 2-core machine a 64-agent sweep on 2 workers
 * showed main-thread tasks of 56–199 ms, on 1 worker none over 50 ms, and finished sooner.
 */
export function sweepPoolSize(hardwareConcurrency: number | undefined): number {
  const n = Math.floor(hardwareConcurrency ?? 1);
  return Number.isFinite(n) ? Math.min(MAX_SWEEP_WORKERS, Math.max(1, n - 1)) : 1;
}

/** Creates the pool's store (no worker starts until `start`). */
export function createSweepStore(options: SweepStoreOptions): SweepStore {
  const now = options.now ?? (() => performance.now());
  let workers: WorkerClient<SweepCommand>[] = [];
  let results: (SweepJobResult | undefined)[] = [];
  let sweepId = 0;
  let next = 0;
  let startedAt = 0;

  const stopWorkers = (): void => {
    for (const w of workers) w.stop();
    workers = [];
  };

  const store = createStore<SweepState & SweepActions>()((set, get) => {
    /** Ends the sweep in `phase`, with its workers gone. */
    const end = (phase: SweepPhase, errors: string[] = []): void => {
      stopWorkers();
      set({ phase, errors, elapsedMs: now() - startedAt });
    };

    const nextCommand = (plan: SweepPlan): SweepCommand | undefined => {
      const job = plan.jobs[next++];
      return job && { type: 'run-job', sweepId, env: jobEnvSpec(plan, job), job };
    };

    const onEvent = (plan: SweepPlan, event: SweepEvent, feed: () => void): void => {
      if (get().phase !== 'running') return;
      switch (event.type) {
        case 'job-done': {
          const { result } = event;
          if (results[result.jobId] !== undefined) return;
          results[result.jobId] = result;
          const done = get().done + 1;
          set({ done, version: get().version + 1, elapsedMs: now() - startedAt });
          if (done === plan.jobs.length) end('done');
          else feed();
          break;
        }
        case 'job-failed':
          end('failed', [`Agent ${event.jobId + 1} could not run: ${event.message}`]);
          break;
        case 'band-done':
          // A sweep sends no checkpoints, so no worker answers it with a band's curve.
          end('failed', [`Agent ${event.jobId + 1} answered with a seed band's curve.`]);
          break;
        default:
          assertNever(event);
      }
    };

    return {
      phase: 'idle',
      plan: null,
      axes: null,
      done: 0,
      total: 0,
      workers: 0,
      version: 0,
      elapsedMs: 0,
      errors: [],
      start: (spec, axes) => {
        const errors = sweepErrors(spec);
        if (axes.x === axes.y) errors.push('Choose two different settings for the two axes.');
        if (errors.length > 0) {
          set({ errors });
          return errors;
        }
        stopWorkers();
        const plan = expandSweep(spec);
        sweepId++;
        next = 0;
        results = new Array<SweepJobResult | undefined>(plan.jobs.length);
        startedAt = now();
        const size = Math.max(1, Math.min(options.poolSize, plan.jobs.length));
        set({
          phase: 'running',
          plan,
          axes,
          done: 0,
          total: plan.jobs.length,
          workers: size,
          version: get().version + 1,
          elapsedMs: 0,
          errors: [],
        });
        // A result of an earlier sweep (cancelled or replaced) is stale.
        workers = startSweepWorkers({
          count: size,
          createWorker: options.createWorker,
          currentRun: () => sweepId,
          next: () => nextCommand(plan),
          onEvent: (event, feed) => onEvent(plan, event, feed),
          onFatal: (message) =>
            end('failed', [`A sweep worker failed: ${message || 'unknown error'}.`]),
        });
        return [];
      },
      cancel: () => {
        if (get().phase === 'running') end('cancelled');
      },
      results: () => results,
      summaries: () => {
        const { plan } = get();
        return plan ? summarizeSweep(plan, results) : [];
      },
    };
  });
  return store;
}
