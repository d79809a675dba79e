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
import type { HideableId } from './hideable';
import { createEnv, defaultMaxSteps } from '../rl/env';
import { MAPS, type MapName } from '../rl/maps';
import {
  checkLimit,
  LESSON_EPISODES,
  LESSON_FRAME_INTERVAL,
  LESSON_PARAMS,
  paramErrors,
  type QParams,
  RUN_LIMITS,
  runSettingErrors,
} from '../rl/params';
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
  RunRecord,
  UpdateData,
} from '../worker/protocol';
import { assertNever } from '../worker/protocol';

/**
 * The grid's colour view: state values, Q-values, advantages, visit counts N(s, a) or the
 * magnitude of the latest TD error |δ(s, a)|.
 */
export type GridView = 'v' | 'q' | 'a' | 'n' | 'td';

/** A message for the user; `kind` decides its colour and role. */
export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  /** A way to act on it, e.g. restarting a worker that failed. */
  action?: { label: string; run: () => void };
}

/** Where the worker is. */
export type Connection = 'starting' | 'ready' | 'failed' | 'unresponsive';

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
  /**
   * What defines the run: the settings it started with and the hyperparameter changes, each with
   * the step at which it took effect. With the step count, it replays the run exactly.
   */
  record: Omit<RunRecord, 'totalSteps'> | null;
  /** The guided lesson's open chapter (1-based), or `null` while the lesson is closed. */
  lessonChapter: number | null;
  /** Controls and panels a teacher's link hides from students (absent from the page). */
  hidden: readonly HideableId[];
  /** The teacher asked to see everything anyway (for presenting); the link still hides them. */
  showHidden: boolean;
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
  /** Starts a fresh worker and replays the run to the last snapshot (settings kept). */
  restartWorker(): void;
  /** Replays a recorded run (an imported file): same settings, same changes, same Q. */
  replay(record: RunRecord): void;
  /** Ends the worker. */
  dispose(): void;
  /** Opens the guided lesson at a chapter (1-based; the panel checks the range), or closes it. */
  setLessonChapter(chapter: number | null): void;
  /** Shows the controls a teacher's link hides (true) or hides them again (false). */
  setShowHidden(show: boolean): void;
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
export function thinFrames<T = Frame>(frames: T[], max: number): T[] {
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
  /** What a teacher's link hides. */
  hidden?: readonly HideableId[];
  /** Ping the worker this often and report it when it stops answering (0: never). */
  pingIntervalMs?: number;
  /** The guided lesson's chapter to open at (from a link), or none. */
  lessonChapter?: number | null;
}

/** A worker that has not answered a ping for this long is reported as not answering. */
export const UNRESPONSIVE_AFTER_MS = 6000;

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
      record: null,
      lessonChapter: options.lessonChapter ?? null,
      hidden: [...(options.hidden ?? [])],
      showHidden: false,

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
        const error = speed === 'max' ? null : checkLimit(RUN_LIMITS.speed, speed);
        if (error) {
          notify('error', `${error} Or choose full speed.`);
          return;
        }
        set({ speed });
        send({ type: 'set-speed', speed });
      },
      setView: (view) => set({ view }),
      applySettings: (settings, mapName = 'custom') => {
        const errors = [...runSettingErrors(settings), ...paramErrors(settings.params)];
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
      restartWorker: () => {
        const { record, snapshot, settings } = get();
        startWorker();
        const totalSteps = snapshot?.totalSteps ?? 0;
        if (record) send({ type: 'replay', record: { ...record, totalSteps } });
        else send({ type: 'init', settings });
        notify(
          'info',
          `The worker was restarted and the run replayed to step ${totalSteps.toLocaleString('en-US')}.`,
        );
      },
      replay: (record) => {
        pendingSettings = { settings: record.settings, mapName: 'custom' };
        send({ type: 'replay', record });
      },
      setShowHidden: (show) => set({ showHidden: show }),
      dispose: () => {
        if (pingTimer !== null) clearInterval(pingTimer);
        worker?.terminate();
        worker = null;
      },
      setLessonChapter: (chapter) => set({ lessonChapter: chapter }),
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
          record: event.record,
          ...(pendingSettings ? { mapName: pendingSettings.mapName } : {}),
        });
        updates.clear();
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
          s.frames.length > 0
            ? thinFrames([...store.getState().frames, ...s.frames], MAX_FRAMES)
            : store.getState().frames;
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
      case 'params-applied': {
        const { record, runId } = store.getState();
        if (event.runId === runId && record)
          store.setState({ record: { ...record, changes: [...record.changes, event.change] } });
        break;
      }
      case 'pong':
        lastPong = Date.now();
        if (store.getState().connection === 'unresponsive') store.setState({ connection: 'ready' });
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
        if (event.fatal) failed(event.message);
        else store.getState().notify('error', event.message);
        break;
      default:
        assertNever(event);
    }
  };

  /** A worker that failed: stop, say so, offer a restart that keeps the run. */
  const failed = (message: string): void => {
    store.setState({ connection: 'failed', running: false });
    store.setState((st) => ({
      notices: [
        ...st.notices.slice(-4),
        {
          id: ++noticeCount,
          kind: 'error',
          text: `The training worker failed: ${message || 'unknown error'}. Restart it to go on from the last picture, with the same settings.`,
          action: { label: 'Restart the worker', run: () => store.getState().restartWorker() },
        },
      ],
    }));
  };

  let noticeCount = 100_000;
  let lastPong = Date.now();
  let pingId = 0;
  let pingTimer: ReturnType<typeof setInterval> | null = null;

  /** (Re)creates the worker and wires its events. */
  const startWorker = (): void => {
    worker?.terminate();
    worker = options.createWorker();
    worker.onmessage = (e) => onEvent(e.data);
    worker.onerror = (e) => failed(e.message);
    lastPong = Date.now();
    store.setState({ connection: 'starting' });
    send({ type: 'set-speed', speed: store.getState().speed });
  };

  startWorker();
  pendingSettings = { settings: initial, mapName: options.mapName ?? '4x4' };
  send({ type: 'init', settings: initial });

  // The watchdog: a worker stuck in a loop never answers; tell the user and offer a restart.
  const pingEvery = options.pingIntervalMs ?? 0;
  if (pingEvery > 0)
    pingTimer = setInterval(() => {
      const { connection } = store.getState();
      if (connection === 'failed') return;
      if (connection !== 'unresponsive' && Date.now() - lastPong > UNRESPONSIVE_AFTER_MS) {
        store.setState({ connection: 'unresponsive' });
        store.setState((st) => ({
          notices: [
            ...st.notices.slice(-4),
            {
              id: ++noticeCount,
              kind: 'error',
              text: 'The training worker stopped answering.',
              action: { label: 'Restart the worker', run: () => store.getState().restartWorker() },
            },
          ],
        }));
      }
      send({ type: 'ping', id: ++pingId });
    }, pingEvery);
  return store;
}
