/**
 * The page's state (zustand, vanilla): what the user chose (settings, speed, view) and the
 * low-frequency fields of the latest snapshot (episode, total steps, ε). The snapshot itself is
 * held for D3 hosts, which subscribe outside React and draw it in `requestAnimationFrame`;
 * React components never select it.
 *
 * Built from slices (zustand's slices pattern), one file each in `store/lab/`: the run, the
 * display, the notices, the lesson and teacher, the inspector and the gallery. The store owns the
 * training worker through one `WorkerClient` (start, fatal error, stale run id, ping watchdog);
 * the worker's events are merged into one update per event (`lab/follow-trainer.ts`).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DisplaySettings } from '../shared/display';
import type { GridView } from '../shared/grid-view';
import type { HideableId } from '../shared/hideable';
import { LAB_START_SPEED, lessonSettings } from '../shared/lesson-run';
import type { RunSettings, Speed, TrainerCommand, TrainerEvent } from '../worker/protocol';
import { createDisplaySlice, type DisplayActions, type DisplayState } from './lab/display-slice';
import { followTrainer, runOfEvent } from './lab/follow-trainer';
import { createGallerySlice, type GalleryActions, type GalleryState } from './lab/gallery-slice';
import {
  createInspectorSlice,
  type InspectorActions,
  type InspectorState,
} from './lab/inspector-slice';
import { createLearnerSlice, type LearnerActions } from './lab/learner-slice';
import { createLessonSlice, type LessonActions, type LessonState } from './lab/lesson-slice';
import { createNoticesSlice, type NoticesActions, type NoticesState } from './lab/notices-slice';
import { createRunSlice, type MapSource, type RunActions, type RunState } from './lab/run-slice';
import type { LabFollower, LabSliceContext } from './lab/slice';
import { createWorkerClient, type WorkerPort as PortOf } from './worker-client';

// The lesson's run is part of the store's interface: pages and tests start from it.
export { lessonSettings };

/** The store's state: the fields of every slice. */
export interface LabState
  extends RunState, DisplayState, NoticesState, LessonState, InspectorState, GalleryState {}

/** What the user can do: the actions of every slice. */
export interface LabActions
  extends
    RunActions,
    DisplayActions,
    NoticesActions,
    LessonActions,
    InspectorActions,
    GalleryActions,
    LearnerActions {}

/** The lab store: its state and actions. */
export type LabStore = StoreApi<LabState & LabActions>;

/** The training worker as the store sees it (a fake one in tests). */
export type WorkerPort = PortOf<TrainerCommand, TrainerEvent>;

/** Options of `createLabStore`. */
export interface LabStoreOptions {
  /** Makes the worker (the real one in the app, an in-process fake in tests). */
  createWorker: () => WorkerPort;
  settings?: RunSettings;
  mapName?: MapSource;
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

/** Creates the store and starts its worker. */
export function createLabStore(options: LabStoreOptions): LabStore {
  const restartAction = {
    label: 'Restart the worker',
    run: () => store.getState().restartWorker(),
  };

  const client = createWorkerClient<TrainerCommand, TrainerEvent>({
    create: options.createWorker,
    onStart: () => {
      store.setState({ connection: 'starting' });
      client.send({ type: 'set-speed', speed: store.getState().speed });
    },
    onEvent: (event) => followTrainer(event, store, followers),
    // A worker that failed: let it go (it may still be running, in an unknown state: nothing it
    // says reaches the page, nothing is sent to it), say so, offer a restart that keeps the run.
    onFatal: (message) => {
      client.stop();
      store.setState({ connection: 'failed', running: false, replaying: null });
      store
        .getState()
        .notify(
          'error',
          `The training worker failed: ${message || 'unknown error'}. Restart it to go on from the last picture, with the same settings.`,
          restartAction,
        );
    },
    runOf: runOfEvent,
    currentRun: () => store.getState().runId,
    // A snapshot of a run that was replaced: drop it, but keep the flow going.
    onStale: (event) => {
      if (event.type === 'snapshot') store.getState().snapshotDrawn();
    },
    // The watchdog: a worker stuck in a loop never answers; tell the user and offer a restart.
    watchdog: {
      everyMs: options.pingIntervalMs ?? 0,
      silentAfterMs: UNRESPONSIVE_AFTER_MS,
      ping: (id) => ({ type: 'ping', id }),
      onSilent: () => {
        store.setState({ connection: 'unresponsive' });
        store.getState().notify('error', 'The training worker stopped answering.', restartAction);
      },
      onAnswer: () => {
        if (store.getState().connection === 'unresponsive') store.setState({ connection: 'ready' });
      },
    },
  });

  let run!: ReturnType<typeof createRunSlice>;
  let followers: LabFollower[] = [];

  const store = createStore<LabState & LabActions>()((set, get) => {
    const context: LabSliceContext = { set, get, send: (command) => client.send(command) };
    run = createRunSlice(context, client, {
      settings: options.settings ?? lessonSettings(),
      mapName: options.mapName ?? '4x4',
      speed: options.speed ?? LAB_START_SPEED,
    });
    const inspector = createInspectorSlice(context);
    const gallery = createGallerySlice(context);
    followers = [run.follow, inspector.follow, gallery.follow];
    return {
      ...run.slice,
      ...createDisplaySlice(context, options),
      ...createNoticesSlice(context),
      ...createLessonSlice(context, options),
      ...inspector.slice,
      ...gallery.slice,
      ...createLearnerSlice(context),
    };
  });

  client.start();
  run.begin();
  return store;
}
