/**
 * The run slice: the run being trained (its settings, the worker's connection, the low-frequency
 * fields of the latest snapshot, its record and history) and the commands that drive it. Every
 * value a user sets is checked with `rl/params` first: a bad one is refused with a notice and
 * changes nothing.
 */
import { createRunHistory } from '../../shared/history/run-history';
import type { RunHistory } from '../../shared/history/types';
import { checkSettingsEnv } from '../../rl/settings-check';
import type { MapName } from '../../rl/maps';
import {
  checkLimit,
  paramErrors,
  RUN_LIMITS,
  runSettingErrors,
  type QParams,
} from '../../rl/params';
import type {
  EnvChange,
  EnvInfo,
  OptimumInfo,
  ParamChange,
  ParamChangeRecord,
  RunRecord,
  RunSettings,
  Snapshot,
  Speed,
  TrainerCommand,
} from '../../worker/protocol';
import { DEFAULT_ALGORITHM } from '../../rl/algorithm-names';
import type { WorkerClient } from '../worker-client';
import type { LabFollower, LabSliceContext } from './slice';

/** Where the worker is. */
export type Connection = 'starting' | 'ready' | 'failed' | 'unresponsive';

/** Which map a run's settings came from. */
export type MapSource = MapName | 'custom';

/** The slice's fields. */
export interface RunState {
  /** The settings of the run being trained (the worker's, once it accepted them). */
  settings: RunSettings;
  /** Which map the settings came from. */
  mapName: MapSource;
  speed: Speed;
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
  /**
   * How far the replay of an imported record got while it runs (the run on screen stays until it
   * ends), or null when none is under way.
   */
  replaying: { steps: number; totalSteps: number } | null;
}

/** The slice's actions. */
export interface RunActions {
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(): void;
  stepEpisode(): void;
  reset(): void;
  /** Changes hyperparameters from the next step; refused with a notice when out of range. */
  setParams(change: ParamChange): boolean;
  /**
   * Changes the rewards and/or the success rate from the next step, Q kept (recorded, so the run
   * replays). The worker checks the change (`parseEnvChange`): a bad one comes back as an error
   * notice and changes nothing; the settings follow the worker's `params-applied`.
   */
  setEnv(change: EnvChange): void;
  setSpeed(speed: Speed): void;
  /** Starts a new run with new settings (map, seed…); refused with a notice when invalid. */
  applySettings(settings: RunSettings, mapName?: MapSource): boolean;
  /** The page drew the latest snapshot: the worker may send the next one. */
  snapshotDrawn(): void;
  /** Keeps a frame every `n` episodes from now on; refused with a notice when out of range. */
  setFrameInterval(n: number): boolean;
  /** Starts a fresh worker and replays the run to the last snapshot (settings kept). */
  restartWorker(): void;
  /** Replays a recorded run (an imported file): same settings, same changes, same Q. */
  replay(record: RunRecord): void;
  /** Drops the replay under way; the run on screen stays as it was before the import. */
  cancelReplay(): void;
  /** Ends the worker. */
  dispose(): void;
}

/** The commands that build a run; `ready` acknowledges them. */
type BuildCommand = Extract<TrainerCommand, { type: 'init' | 'replay' }>;

/** The run a store starts with. */
export interface InitialRun {
  settings: RunSettings;
  mapName: MapSource;
  speed: Speed;
}

/** The errors of a run's settings: its limits, its hyperparameters, and whether the map builds. */
function settingsErrors(settings: RunSettings): string[] {
  const errors = [...runSettingErrors(settings), ...paramErrors(settings.params)];
  // The schedule's limits are checked by the worker (`checkSettings`), which names a bad one.
  try {
    checkSettingsEnv(settings);
  } catch (e) {
    errors.unshift((e as Error).message);
  }
  return errors;
}

/**
 * The settings and environment facts after an environment change (`params-applied` with `env`):
 * the changed success rate and rewards, the rest as they were.
 */
export function withEnvChange<
  T extends { successRate: number; rewardSchedule?: EnvInfo['rewardSchedule'] },
>(target: T, change: EnvChange): T {
  // A change carries only the fields it changes (`parseEnvChange` sets no undefined ones).
  return { ...target, ...change };
}

/** The record with one more hyperparameter change (`params-applied`). */
export function recordWithChange(
  record: Omit<RunRecord, 'totalSteps'>,
  change: ParamChangeRecord,
): Omit<RunRecord, 'totalSteps'> {
  return { ...record, changes: [...record.changes, change] };
}

/** Creates the run slice; `begin` sends the first `init` (once the store exists). */
export function createRunSlice(
  { set, get, send }: LabSliceContext,
  client: Pick<WorkerClient<TrainerCommand>, 'start' | 'stop'>,
  initial: InitialRun,
): { slice: RunState & RunActions; follow: LabFollower; begin(): void } {
  /**
   * What was sent to build a run (`init` or `replay`) and not yet acknowledged by `ready`: a
   * Restart after a failure sends it again, so the user gets what they asked for.
   */
  let pending: { command: BuildCommand; mapName: MapSource } | null = null;

  const build = (command: BuildCommand, mapName: MapSource): void => {
    pending = { command, mapName };
    send(command);
  };

  const slice: RunState & RunActions = {
    settings: initial.settings,
    mapName: initial.mapName,
    speed: initial.speed,
    connection: 'starting',
    running: false,
    finished: false,
    runId: 0,
    episode: 0,
    totalSteps: 0,
    epsilon: initial.settings.params.epsilon,
    params: { ...initial.settings.params },
    env: null,
    optimum: null,
    snapshot: null,
    history: createRunHistory(),
    record: null,
    replaying: null,

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
        get().notify('error', errors.join(' '));
        return false;
      }
      const { params, settings } = get();
      set({
        params: { ...params, ...change },
        settings: { ...settings, params: { ...settings.params, ...change } },
        ...(change.epsilon === undefined ? {} : { epsilon: change.epsilon }),
      });
      send({ type: 'set-params', params: change });
      return true;
    },
    // Checked by the worker, so the check's code stays out of the page's first download.
    setEnv: (change) => send({ type: 'set-env', change }),
    setSpeed: (speed) => {
      const error = speed === 'max' ? null : checkLimit(RUN_LIMITS.speed, speed);
      if (error) {
        get().notify('error', `${error} Or choose full speed.`);
        return;
      }
      set({ speed });
      send({ type: 'set-speed', speed });
    },
    applySettings: (settings, mapName = 'custom') => {
      const errors = settingsErrors(settings);
      if (errors.length > 0) {
        get().notify('error', errors.join(' '));
        return false;
      }
      // The lesson, the presets and the chapters name no algorithm: they run Q-learning.
      const was = get().settings.algorithm;
      if (!settings.algorithm && was && was !== DEFAULT_ALGORITHM)
        get().notify('info', `Back to q-learning, the lesson's algorithm (not ${was}).`);
      build({ type: 'init', settings }, mapName);
      return true;
    },
    snapshotDrawn: () => send({ type: 'request-snapshot' }),
    setFrameInterval: (n) => {
      const error = checkLimit(RUN_LIMITS.frameInterval, n);
      if (error) {
        get().notify('error', error);
        return false;
      }
      set({ settings: { ...get().settings, frameInterval: n } });
      send({ type: 'set-frame-interval', frameInterval: n });
      return true;
    },
    restartWorker: () => {
      const { record, snapshot, settings } = get();
      client.start();
      // The run being built when the worker failed, else the run on screen to its last picture.
      const totalSteps = snapshot?.totalSteps ?? 0;
      const command: BuildCommand = pending
        ? pending.command
        : record
          ? { type: 'replay', record: { ...record, totalSteps } }
          : { type: 'init', settings };
      send(command);
      const steps = command.type === 'replay' ? command.record.totalSteps : 0;
      get().notify(
        'info',
        `The worker was restarted and the run replayed to step ${steps.toLocaleString('en-US')}.`,
      );
    },
    replay: (record) => build({ type: 'replay', record }, 'custom'),
    cancelReplay: () => send({ type: 'cancel-replay' }),
    dispose: () => client.stop(),
  };

  const follow: LabFollower = {
    ready: (event) => {
      get().history.reset();
      const mapName = pending?.mapName;
      pending = null;
      return {
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
        record: event.record,
        replaying: null,
        ...(mapName ? { mapName } : {}),
      };
    },
    snapshot: (s, state) => {
      state.history.ingest(s);
      return {
        snapshot: s,
        episode: s.episode,
        totalSteps: s.totalSteps,
        epsilon: s.epsilon,
        running: s.running,
        finished: s.finished,
      };
    },
    // The worker refused what was being built (bad settings, a bad record), or dropped the
    // replay: nothing is being built any more. The refusal of another command (a bad ice change
    // during an import) leaves the build under way, which the worker goes on with.
    refused: (command) => {
      if (command !== undefined && command !== pending?.command.type) return;
      pending = null;
      return { replaying: null };
    },
  };

  return {
    slice,
    follow,
    begin: () => build({ type: 'init', settings: initial.settings }, initial.mapName),
  };
}
