/**
 * The page's state (zustand, vanilla): what the user chose (settings, speed, view) and the
 * low-frequency fields of the latest snapshot (episode, total steps, ε). The snapshot itself is
 * held for D3 hosts, which subscribe outside React and draw it in `requestAnimationFrame`;
 * React components never select it.
 *
 * The store owns the `TrainerClient` that talks to the worker; actions turn user intent into
 * commands. Every value a user sets is checked with `rl/params` first: a bad one is refused with
 * a notice and changes nothing.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createRunHistory, type RunHistory } from './history';
import { createEnv, defaultMaxSteps } from '../rl/env';
import { MAPS, type MapName } from '../rl/maps';
import { checkLimit, paramErrors, RUN_LIMITS } from '../rl/params';
import {
  LESSON_EPISODES,
  LESSON_FRAME_INTERVAL,
  LESSON_PARAMS,
  type QParams,
} from '../rl/q-learning';
import type {
  EnvInfo,
  Frame,
  OptimumInfo,
  ParamChange,
  RunSettings,
  Snapshot,
  Speed,
  TrainerCommand,
  TrainerEvent,
  TrajectoryData,
  UpdateData,
} from '../worker/protocol';
import { assertNever } from '../worker/protocol';

/** The grid's colour view: state values, Q-values or advantages. */
export type GridView = 'v' | 'q' | 'a';

/** A message for the user; `kind` decides its colour and role. */
export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

/** Where the worker is. */
export type Connection = 'starting' | 'ready' | 'failed';

/** The store's state. */
export interface LabState {
  /** The settings of the run being trained (the worker's, once it accepted them). */
  settings: RunSettings;
  /** Which map the settings came from. */
  mapName: MapName | 'custom';
  speed: Speed;
  view: GridView;
  connection: Connection;
  running: boolean;
  finished: boolean;
  runId: number;
  episode: number;
  totalSteps: number;
  /** Current ε (decays while training). */
  epsilon: number;
  /** Hyperparameters in force (what the sliders show). */
  params: QParams;
  env: EnvInfo | null;
  optimum: OptimumInfo | null;
  /** Latest snapshot: for D3 hosts through `subscribe`, never for React selectors. */
  snapshot: Snapshot | null;
  notices: Notice[];
  /** The gallery: frames every `frameInterval` episodes, thinned to at most `MAX_FRAMES`. */
  frames: Frame[];
  /** Episodes of the target (greedy) policy run apart from training. */
  greedy: GreedyRecord;
  /** The state the step inspector shows, or `null` to follow the agent. */
  inspectedState: number | null;
  /** How the page looks (not part of the run). */
  display: DisplaySettings;
  /**
   * The learning curves' bounded history, fed with every snapshot. A mutable object with a
   * stable identity: read it in store subscriptions (its `version` says when it changed).
   */
  history: RunHistory;
}

/** How the page looks: for a projector, a theme, a palette. */
export interface DisplaySettings {
  /** Larger type and grid, only the essential controls. */
  presenter: boolean;
  /** `'system'` follows the operating system's light or dark setting. */
  theme: 'system' | 'light' | 'dark';
  /** `'colorblind'`: viridis and purple–orange scales, safe for colour-vision deficiencies. */
  palette: 'default' | 'colorblind';
}

/** The page's look until the user or the link says otherwise. */
export const DEFAULT_DISPLAY: DisplaySettings = {
  presenter: false,
  theme: 'system',
  palette: 'default',
};

/** The target policy's episodes in this run. */
export interface GreedyRecord {
  episodes: number;
  successes: number;
  last: TrajectoryData | null;
  lastReachedGoal: boolean;
}

/** Frames the gallery keeps; past it, every other older frame is dropped (the first and newest stay). */
export const MAX_FRAMES = 41;

const NO_GREEDY: GreedyRecord = { episodes: 0, successes: 0, last: null, lastReachedGoal: false };

/** What the user can do. */
export interface LabActions {
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(): void;
  stepEpisode(): void;
  reset(): void;
  /** Changes hyperparameters from the next step; refused with a notice when out of range. */
  setParams(change: ParamChange): boolean;
  setSpeed(speed: Speed): void;
  setView(view: GridView): void;
  /** Starts a new run with new settings (map, seed…); refused with a notice when invalid. */
  applySettings(settings: RunSettings, mapName?: MapName | 'custom'): boolean;
  dismissNotice(id: number): void;
  /** Adds a notice (used by views that refuse input). */
  notify(kind: Notice['kind'], text: string): void;
  /** The page drew the latest snapshot: the worker may send the next one. */
  snapshotDrawn(): void;
  /** Keeps a frame every `n` episodes from now on; refused with a notice when out of range. */
  setFrameInterval(n: number): boolean;
  /** Changes how the page looks. */
  setDisplay(change: Partial<DisplaySettings>): void;
  /** Runs `count` episodes of the greedy policy without learning. */
  runGreedyEpisodes(count?: number): void;
  /** Shows the last update at a state in the inspector (`null`: follow the agent). */
  inspect(state: number | null): void;
  /** The latest update seen at each state (from the snapshots the page received). */
  updateAt(state: number): UpdateData | null;
  /** Ends the worker. */
  dispose(): void;
}

export type LabStore = StoreApi<LabState & LabActions>;

/** The minimal surface of a `Worker` the store uses (a fake one in tests). */
export interface WorkerPort {
  postMessage(message: TrainerCommand, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<TrainerEvent>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** The lesson's run on Gymnasium's 4x4 map. */
export function lessonSettings(map: MapName = '4x4', seed = 0): RunSettings {
  const rows = [...MAPS[map]];
  return {
    map: rows,
    isSlippery: true,
    successRate: 1 / 3,
    maxSteps: defaultMaxSteps(rows.length, rows[0]!.length),
    seed,
    episodes: LESSON_EPISODES,
    frameInterval: LESSON_FRAME_INTERVAL,
    params: { ...LESSON_PARAMS },
  };
}

/**
 * Keeps at most `max` frames: while there are too many, drops every other frame from the
 * second on, always keeping the first and the newest, so the gallery spans the whole run at a
 * coarser interval (memory stays bounded however long it trains).
 */
export function thinFrames(frames: Frame[], max: number): Frame[] {
  let out = frames;
  while (out.length > max) {
    const last = out[out.length - 1]!;
    out = out.filter((_, i) => i % 2 === 0 && i !== out.length - 1);
    out.push(last);
  }
  return out;
}

/** Options of `createLabStore`. */
export interface LabStoreOptions {
  /** Makes the worker (the real one in the app, an in-process fake in tests). */
  createWorker: () => WorkerPort;
  settings?: RunSettings;
  mapName?: MapName | 'custom';
  speed?: Speed;
  view?: GridView;
  display?: Partial<DisplaySettings>;
}

/** Steps per second the lab starts at: slow enough to watch the agent move. */
export const DEFAULT_SPEED: Speed = 20;

/** Creates the store and starts its worker. */
export function createLabStore(options: LabStoreOptions): LabStore {
  const initial = options.settings ?? lessonSettings();
  let noticeId = 0;
  let worker: WorkerPort | null = null;
  /** Settings sent with `init` and not yet acknowledged by `ready`. */
  let pendingSettings: { settings: RunSettings; mapName: MapName | 'custom' } | null = null;

  const send = (command: TrainerCommand): void => worker?.postMessage(command);
  /** The latest update seen at each state, for the inspector. */
  const updates = new Map<number, UpdateData>();
  /** Frames that arrived since the last snapshot: published with it, at the page's pace. */
  let pendingFrames: Frame[] = [];

  const store = createStore<LabState & LabActions>()((set, get) => {
    const notify = (kind: Notice['kind'], text: string): void =>
      set((s) => ({ notices: [...s.notices.slice(-4), { id: ++noticeId, kind, text }] }));

    return {
      settings: initial,
      mapName: options.mapName ?? '4x4',
      speed: options.speed ?? DEFAULT_SPEED,
      view: options.view ?? 'v',
      connection: 'starting',
      running: false,
      finished: false,
      runId: 0,
      episode: 0,
      totalSteps: 0,
      epsilon: initial.params.epsilon,
      params: { ...initial.params },
      env: null,
      optimum: null,
      snapshot: null,
      notices: [],
      frames: [],
      greedy: NO_GREEDY,
      inspectedState: null,
      display: { ...DEFAULT_DISPLAY, ...options.display },
      history: createRunHistory(),

      // `running` follows the worker's snapshots only: an optimistic flip could be undone by a
      // snapshot already on its way, and the button would flicker.
      play: () => send({ type: 'play' }),
      pause: () => send({ type: 'pause' }),
      togglePlay: () => (get().running ? get().pause() : get().play()),
      step: () => send({ type: 'step' }),
      stepEpisode: () => send({ type: 'step-episode' }),
      reset: () => send({ type: 'reset' }),
      setParams: (change) => {
        const errors = paramErrors(change);
        if (errors.length > 0) {
          notify('error', errors.join(' '));
          return false;
        }
        const params = { ...get().params, ...change };
        set({
          params,
          settings: { ...get().settings, params: { ...get().settings.params, ...change } },
          ...(change.epsilon === undefined ? {} : { epsilon: change.epsilon }),
        });
        send({ type: 'set-params', params: change });
        return true;
      },
      setSpeed: (speed) => {
        if (speed !== 'max' && !(Number.isFinite(speed) && speed >= 1 && speed <= 1_000_000)) {
          notify('error', `Speed must be from 1 to 1000000 steps per second, or full speed.`);
          return;
        }
        set({ speed });
        send({ type: 'set-speed', speed });
      },
      setView: (view) => set({ view }),
      applySettings: (settings, mapName = 'custom') => {
        const errors = paramErrors(settings.params);
        try {
          createEnv({
            map: settings.map,
            isSlippery: settings.isSlippery,
            successRate: settings.successRate,
            maxSteps: settings.maxSteps,
          });
        } catch (e) {
          errors.unshift((e as Error).message);
        }
        if (errors.length > 0) {
          notify('error', errors.join(' '));
          return false;
        }
        pendingSettings = { settings, mapName };
        send({ type: 'init', settings });
        return true;
      },
      dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
      notify,
      snapshotDrawn: () => send({ type: 'request-snapshot' }),
      setFrameInterval: (n) => {
        const error = checkLimit(RUN_LIMITS.frameInterval, n);
        if (error) {
          notify('error', error);
          return false;
        }
        set({ settings: { ...get().settings, frameInterval: n } });
        send({ type: 'set-frame-interval', frameInterval: n });
        return true;
      },
      setDisplay: (change) => set({ display: { ...get().display, ...change } }),
      runGreedyEpisodes: (count = 1) => {
        for (let i = 0; i < count; i++) send({ type: 'run-greedy-episode' });
      },
      inspect: (state) => {
        const env = get().env;
        if (state !== null && (!env || !Number.isInteger(state) || state < 0 || state >= env.nS)) {
          notify('error', `There is no state ${String(state)} on this map.`);
          return;
        }
        set({ inspectedState: state });
      },
      updateAt: (state) => updates.get(state) ?? null,
      dispose: () => {
        worker?.terminate();
        worker = null;
      },
    };
  });

  const onEvent = (event: TrainerEvent): void => {
    switch (event.type) {
      case 'ready': {
        store.setState({
          connection: 'ready',
          runId: event.runId,
          env: event.env,
          optimum: event.optimum,
          settings: event.settings,
          params: { ...event.settings.params },
          epsilon: event.settings.params.epsilon,
          episode: 0,
          totalSteps: 0,
          running: false,
          finished: false,
          snapshot: null,
          frames: [],
          greedy: NO_GREEDY,
          inspectedState: null,
          ...(pendingSettings ? { mapName: pendingSettings.mapName } : {}),
        });
        updates.clear();
        pendingFrames = [];
        store.getState().history.reset();
        pendingSettings = null;
        break;
      }
      case 'snapshot': {
        const s = event.snapshot;
        if (s.runId !== store.getState().runId) {
          // A snapshot of a run that was replaced: drop it, but keep the flow going.
          store.getState().snapshotDrawn();
          break;
        }
        if (s.last) updates.set(s.last.state, s.last);
        store.getState().history.ingest(s);
        const frames =
          pendingFrames.length > 0
            ? thinFrames([...store.getState().frames, ...pendingFrames], MAX_FRAMES)
            : store.getState().frames;
        pendingFrames = [];
        store.setState({
          snapshot: s,
          episode: s.episode,
          totalSteps: s.totalSteps,
          epsilon: s.epsilon,
          running: s.running,
          finished: s.finished,
          frames,
        });
        break;
      }
      case 'frame':
        if (event.frame.runId === store.getState().runId) pendingFrames.push(event.frame);
        break;
      case 'greedy-episode':
        if (event.runId !== store.getState().runId) break;
        store.setState({
          greedy: {
            episodes: event.episodes,
            successes: event.successes,
            last: event.trajectory,
            lastReachedGoal: event.reachedGoal,
          },
        });
        break;
      case 'optimum':
        store.setState({ optimum: event.optimum });
        break;
      case 'error':
        pendingSettings = null;
        store.getState().notify('error', event.message);
        if (event.fatal) store.setState({ running: false });
        break;
      default:
        assertNever(event);
    }
  };

  worker = options.createWorker();
  worker.onmessage = (e) => onEvent(e.data);
  worker.onerror = (e) => {
    store.setState({ connection: 'failed', running: false });
    store
      .getState()
      .notify('error', `The training worker failed: ${e.message || 'unknown error'}.`);
  };
  pendingSettings = { settings: initial, mapName: options.mapName ?? '4x4' };
  send({ type: 'set-speed', speed: store.getState().speed });
  send({ type: 'init', settings: initial });
  return store;
}
