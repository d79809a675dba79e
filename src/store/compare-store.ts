/**
 * The comparison's state (zustand, vanilla), apart from the lab's: which two algorithms, how fast,
 * and the low-frequency fields of the latest snapshot (episodes, running). The snapshot itself and
 * the curves are for D3 hosts, which subscribe outside React; React components never select them.
 *
 * The store owns the comparison worker and starts it only when a comparison is first started, so a
 * page that never compares runs one worker, not two. Every run takes the lab's settings at that
 * moment (map, seed, α, γ, ε schedule), so both agents learn what the main lab is set to.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { ALGORITHMS } from '../rl/algorithms/registry';
import { checkLimit } from '../rl/params';
import {
  COMPARE_AGENTS,
  COMPARE_SPEED_LIMIT,
  DEFAULT_COMPARE_SPEED,
} from '../worker/compare-protocol';
import type {
  Algorithm,
  CompareAlgorithms,
  CompareCommand,
  CompareCurvePoint,
  CompareEvent,
  CompareOptimum,
  CompareSnapshot,
  CompareSpeed,
  EnvInfo,
  RunSettings,
} from '../worker/compare-protocol';
import { assertNever } from '../worker/protocol';
import { thinFrames } from '../shared/thin';
import { createWorkerClient, type WorkerPort } from './worker-client';

/** The comparison `Worker` as the store sees it (a fake one in tests). */
export type CompareWorkerPort = WorkerPort<CompareCommand, CompareEvent>;

/** Where the comparison worker is: not started yet, starting, answering, or failed. */
export type CompareConnection = 'idle' | 'starting' | 'ready' | 'failed';

/** Curve points kept per agent; past it every other older point is dropped (first and newest stay). */
export const MAX_CURVE_POINTS = 1000;

/** The pair compared until the user picks: the lesson's off-policy learner against on-policy SARSA. */
export const DEFAULT_ALGORITHMS: CompareAlgorithms = ['q-learning', 'sarsa'];

/** The algorithm a newly added agent starts with: the next of the registry not yet compared. */
function nextAlgorithm(current: CompareAlgorithms): Algorithm {
  return ALGORITHMS.find((a) => !current.includes(a)) ?? ALGORITHMS[0]!;
}

/** Speeds the panel offers, episodes per second per agent (and full speed). */
export const COMPARE_SPEEDS: readonly CompareSpeed[] = [100, DEFAULT_COMPARE_SPEED, 'max'];

/** The comparison's state. */
export interface CompareState {
  /** The algorithms the next run uses, in order (two to four). */
  algorithms: CompareAlgorithms;
  speed: CompareSpeed;
  connection: CompareConnection;
  runId: number;
  running: boolean;
  finished: boolean;
  /** Episodes each agent finished, in the run's order. */
  episodes: readonly number[];
  /** Where the current Play stops. */
  targetEpisode: number;
  /** The run's environment, settings, algorithms and optimum (null before the first run). */
  env: EnvInfo | null;
  settings: RunSettings | null;
  runAlgorithms: CompareAlgorithms | null;
  optimum: CompareOptimum | null;
  /** Episodes the moving success rate averages over. */
  window: number;
  /** Latest snapshot: for D3 hosts through `subscribe`, never for React selectors. */
  snapshot: CompareSnapshot | null;
  /** Curve points per agent, oldest first, thinned to `MAX_CURVE_POINTS` (for D3 hosts). */
  curves: readonly (readonly CompareCurvePoint[])[];
}

/** What the user can do. */
export interface CompareActions {
  /** Picks the algorithm of agent `index` (0 the first) for the next run. */
  setAlgorithm(index: number, algorithm: Algorithm): void;
  /** Adds an agent for the next run (up to `COMPARE_AGENTS.max`), with an algorithm not yet in. */
  addAgent(): void;
  /** Removes agent `index` from the next run (down to `COMPARE_AGENTS.min`). */
  removeAgent(index: number): void;
  /** Episodes per second per agent, or full speed; refused (with `onError`) when out of range. */
  setSpeed(speed: CompareSpeed): boolean;
  /**
   * Starts or resumes training. With `settings` different from the run's (or other algorithms)
   * it starts a fresh comparison with them first.
   */
  start(settings: RunSettings): void;
  pause(): void;
  /** A fresh comparison (both Q = 0) with `settings`, paused. */
  reset(settings: RunSettings): void;
  /** The page drew the latest snapshot: the worker may send the next one. */
  snapshotDrawn(): void;
  /** Ends the worker; a later `start` makes a new one. */
  dispose(): void;
}

/** The comparison store: its state and actions. */
export type CompareStore = StoreApi<CompareState & CompareActions>;

/** Options of `createCompareStore`. */
export interface CompareStoreOptions {
  /** Makes the worker (the real one in the app, an in-process fake in tests). */
  createWorker: () => CompareWorkerPort;
  /** Called with every refusal or failure, for the page's notices. */
  onError?: (message: string) => void;
}

const NO_CURVES: CompareState['curves'] = [];

/**
 * True when a comparison run with settings `run` (null: none yet) trains what `lab` describes,
 * so Start resumes it rather than starting afresh.
 */
export function sameRunSettings(run: RunSettings | null, lab: RunSettings): boolean {
  return run !== null && JSON.stringify(run) === JSON.stringify(lab);
}

/** Creates the store; the worker starts with the first `start` or `reset`. */
export function createCompareStore(options: CompareStoreOptions): CompareStore {
  /** Play as soon as the run being built is ready. */
  let playWhenReady = false;
  const reportError = (message: string) => options.onError?.(message);

  const client = createWorkerClient<CompareCommand, CompareEvent>({
    create: options.createWorker,
    onStart: () => {
      store.setState({ connection: 'starting' });
      client.send({ type: 'set-speed', speed: store.getState().speed });
    },
    onEvent: (event) => onEvent(event),
    onFatal: (message) => {
      playWhenReady = false;
      client.stop();
      store.setState({ connection: 'failed', running: false, settings: null, runAlgorithms: null });
      reportError(
        `The comparison worker failed: ${message || 'unknown error'}. Press Start to begin a new comparison.`,
      );
    },
    runOf: (event) => (event.type === 'snapshot' ? event.snapshot.runId : undefined),
    currentRun: () => store.getState().runId,
    // A snapshot of a run that was replaced: drop it, keep the flow going.
    onStale: () => store.getState().snapshotDrawn(),
  });

  /** Sends a command, starting the worker first when there is none (the first Start or Reset). */
  const sendStarting = (command: CompareCommand): void => {
    if (!client.started) client.start();
    client.send(command);
  };

  const store = createStore<CompareState & CompareActions>()((set, get) => {
    const init = (settings: RunSettings): void => {
      sendStarting({ type: 'init', settings, algorithms: get().algorithms });
    };
    return {
      algorithms: DEFAULT_ALGORITHMS,
      speed: DEFAULT_COMPARE_SPEED,
      connection: 'idle',
      runId: 0,
      running: false,
      finished: false,
      episodes: [],
      targetEpisode: 0,
      env: null,
      settings: null,
      runAlgorithms: null,
      optimum: null,
      window: 0,
      snapshot: null,
      curves: NO_CURVES,

      setAlgorithm: (index, algorithm) => {
        const next = [...get().algorithms];
        if (index < 0 || index >= next.length) return;
        next[index] = algorithm;
        set({ algorithms: next });
      },
      addAgent: () => {
        const current = get().algorithms;
        if (current.length >= COMPARE_AGENTS.max) return;
        set({ algorithms: [...current, nextAlgorithm(current)] });
      },
      removeAgent: (index) => {
        const current = get().algorithms;
        if (current.length <= COMPARE_AGENTS.min || index < 0 || index >= current.length) return;
        set({ algorithms: current.filter((_, i) => i !== index) });
      },
      setSpeed: (speed) => {
        const error = speed === 'max' ? null : checkLimit(COMPARE_SPEED_LIMIT, speed);
        if (error) {
          reportError(error);
          return false;
        }
        set({ speed });
        client.send({ type: 'set-speed', speed });
        return true;
      },
      start: (settings) => {
        const { runAlgorithms, algorithms } = get();
        const current =
          sameRunSettings(get().settings, settings) &&
          runAlgorithms !== null &&
          runAlgorithms.length === algorithms.length &&
          runAlgorithms.every((a, i) => a === algorithms[i]);
        if (current) sendStarting({ type: 'play' });
        else {
          playWhenReady = true;
          init(settings);
        }
      },
      pause: () => {
        playWhenReady = false;
        client.send({ type: 'pause' });
      },
      reset: (settings) => {
        playWhenReady = false;
        init(settings);
      },
      snapshotDrawn: () => client.send({ type: 'request-snapshot' }),
      dispose: () => {
        client.stop();
        playWhenReady = false;
        // The next start builds a run in the new worker.
        set({ connection: 'idle', running: false, settings: null, runAlgorithms: null });
      },
    };
  });

  const onEvent = (event: CompareEvent): void => {
    switch (event.type) {
      case 'ready':
        store.setState({
          connection: 'ready',
          runId: event.runId,
          env: event.env,
          settings: event.settings,
          runAlgorithms: event.algorithms,
          optimum: event.optimum,
          window: event.window,
          running: false,
          finished: false,
          episodes: event.algorithms.map(() => 0),
          targetEpisode: event.settings.episodes,
          snapshot: null,
          curves: event.algorithms.map(() => []),
        });
        if (playWhenReady) {
          playWhenReady = false;
          client.send({ type: 'play' });
        }
        break;
      case 'snapshot': {
        const s = event.snapshot;
        const curves = store.getState().curves;
        store.setState({
          snapshot: s,
          running: s.running,
          finished: s.finished,
          episodes: s.agents.map((a) => a.episode),
          targetEpisode: s.targetEpisode,
          curves: s.agents.some((a) => a.points.length > 0)
            ? s.agents.map((a, i) =>
                thinFrames([...(curves[i] ?? []), ...a.points], MAX_CURVE_POINTS),
              )
            : curves,
        });
        break;
      }
      case 'error':
        // A refused command (a fatal error went to the client's `onFatal`).
        playWhenReady = false;
        reportError(event.message);
        break;
      default:
        assertNever(event);
    }
  };

  return store;
}
