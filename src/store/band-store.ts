/**
 * The page's seed band (zustand, vanilla): the lab's settings on N seeds, in a pool of the
 * sweep's Web Workers (one seed at a time each), and the band over the curves in so far.
 *
 * - `start(request)` checks the band (`rl/band-plan`; a bad one is refused with its messages and
 *   changes nothing), starts min(pool size, seeds) workers and feeds them seeds; each curve lands
 *   in `curves()` by seed index as it arrives.
 * - `cancel()` terminates the workers at once; the curves already in stay.
 * - Workers exist only while a band trains.
 *
 * `version` moves with every curve, so hosts redraw from `store.subscribe` at their own pace.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { planBand, type BandPlan, type BandRequest } from '../rl/band-plan';
import { seedBand, type SeedBand } from '../rl/seed-band';
import type { SeedCurve } from '../rl/seed-curve';
import { assertNever } from '../worker/protocol';
import type { SweepCommand, SweepEvent } from '../worker/sweep-protocol';
import type { SweepPhase, SweepWorkerPort } from './sweep-store';
import { startSweepWorkers } from './sweep-workers';
import type { WorkerClient } from './worker-client';

/** The band's state. */
export interface BandState {
  phase: SweepPhase;
  /** The band under way or last drawn (`null` before the first). */
  plan: BandPlan | null;
  /** Seeds finished and in all. */
  done: number;
  total: number;
  /** Moves with every curve (and every new band): redraw when it changed. */
  version: number;
  /** Why the last band could not start or failed. */
  errors: string[];
}

/** What the panel can do. */
export interface BandActions {
  /** Starts a band; returns its errors (empty when it started). A band under way is cancelled. */
  start(request: BandRequest): string[];
  cancel(): void;
  /** The curves by seed index (holes for seeds not finished). */
  curves(): readonly (SeedCurve | undefined)[];
  /** The band over the curves in so far. */
  band(): SeedBand;
}

/** The band's store. */
export type BandStore = StoreApi<BandState & BandActions>;

/** Options of `createBandStore`. */
export interface BandStoreOptions {
  createWorker: () => SweepWorkerPort;
  /** Workers in the pool (the page passes `sweepPoolSize(navigator.hardwareConcurrency)`). */
  poolSize: number;
}

/** Creates the band's store (no worker starts until `start`). */
export function createBandStore(options: BandStoreOptions): BandStore {
  let workers: WorkerClient<SweepCommand>[] = [];
  let curves: (SeedCurve | undefined)[] = [];
  let bandId = 0;
  let next = 0;

  const stopWorkers = (): void => {
    for (const w of workers) w.stop();
    workers = [];
  };

  return createStore<BandState & BandActions>()((set, get) => {
    const end = (phase: SweepPhase, errors: string[] = []): void => {
      stopWorkers();
      set({ phase, errors });
    };

    const nextCommand = (plan: BandPlan): SweepCommand | undefined => {
      const job = plan.jobs[next++];
      if (!job) return undefined;
      const { env, learner } = plan.request;
      return {
        type: 'run-job',
        sweepId: bandId,
        env,
        job,
        checkpoints: plan.checkpoints,
        ...(learner ? { learner } : {}),
      };
    };

    const onEvent = (plan: BandPlan, event: SweepEvent, feed: () => void) => {
      if (get().phase !== 'running') return;
      switch (event.type) {
        case 'band-done': {
          if (curves[event.jobId] !== undefined) return;
          curves[event.jobId] = event.curve;
          const done = get().done + 1;
          set({ done, version: get().version + 1 });
          if (done === plan.jobs.length) end('done');
          else feed();
          break;
        }
        case 'job-failed':
          end('failed', [`Seed ${plan.seeds[event.jobId] ?? '?'} could not run: ${event.message}`]);
          break;
        case 'job-done':
          // A band's jobs all carry checkpoints, so every answer is a curve.
          end('failed', [
            `Seed ${plan.seeds[event.result.jobId] ?? '?'} answered without a curve.`,
          ]);
          break;
        default:
          assertNever(event);
      }
    };

    return {
      phase: 'idle',
      plan: null,
      done: 0,
      total: 0,
      version: 0,
      errors: [],
      start: (request) => {
        const planned = planBand(request);
        if (!planned.ok) {
          set({ errors: planned.errors });
          return planned.errors;
        }
        stopWorkers();
        const { plan } = planned;
        bandId++;
        next = 0;
        curves = new Array<SeedCurve | undefined>(plan.jobs.length);
        const size = Math.max(1, Math.min(options.poolSize, plan.jobs.length));
        set({
          phase: 'running',
          plan,
          done: 0,
          total: plan.jobs.length,
          version: get().version + 1,
          errors: [],
        });
        workers = startSweepWorkers({
          count: size,
          createWorker: options.createWorker,
          currentRun: () => bandId,
          next: () => nextCommand(plan),
          onEvent: (event, feed) => onEvent(plan, event, feed),
          onFatal: (message) =>
            end('failed', [`A band worker failed: ${message || 'unknown error'}.`]),
        });
        return [];
      },
      cancel: () => {
        if (get().phase === 'running') end('cancelled');
      },
      curves: () => curves,
      band: () => seedBand(curves.filter((c): c is SeedCurve => c !== undefined)),
    };
  });
}
