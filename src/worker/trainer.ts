/**
 * The training loop behind the worker: commands in, events out, time and timers injected.
 *
 * Nothing here touches `self`, `setTimeout` or `performance`: `training.worker.ts` passes those in
 * as a `TrainerEndpoint`, and the tests pass a fake port with a manual clock.
 *
 * Loop. `play` runs time slices: each slice calls `runSteps` in chunks of at most
 * `MAX_CHUNK_STEPS` steps until `SLICE_MS` have passed, then yields with `schedule(slice, delay)`,
 * so a `pause` or `set-params` that arrives meanwhile acts before the next chunk. At a finite
 * speed a slice runs exactly the steps earned by the time elapsed (step credit =
 * elapsed · speed / 1000, fractions carried over) and sleeps until the next step is due.
 *
 * Budget. Play runs until `agent.episode` reaches the next multiple of `settings.episodes`
 * above the episode count when Play was pressed: (⌊episode / E⌋ + 1) · E. From a fresh run that is
 * E episodes; after a pause it completes the same block; after it finished, Play runs E more.
 * While running, the page can show the target as (⌊episode / E⌋ + 1) · E.
 *
 * Snapshots. A snapshot goes out only when the page has asked for one (`request-snapshot`) since
 * the previous one, the state changed since then (`dirty`), and — while running — at least
 * `SNAPSHOT_INTERVAL_MS` have passed. After `init` and `reset` the page counts as having asked.
 *
 * Episodes. After every `runSteps` call the new entries of the agent's episode log are copied
 * into the trainer's own ring of `PENDING_EPISODES_CAPACITY` episodes (every call passes
 * `maxEpisodes` ≤ `EPISODE_LOG_CAPACITY`, so none is overwritten unread). A snapshot carries the
 * episodes since the previous snapshot; only a page that lagged more than
 * `PENDING_EPISODES_CAPACITY` episodes behind sees `dropped > 0`.
 */
import { createEnv, type IceMazeEnv } from '../rl/env';
import {
  bestSuccessWithin,
  evaluateGreedy,
  evaluatePolicy,
  valueIteration,
} from '../rl/evaluation';
import { createConvergenceWatch, type ConvergenceWatch } from '../rl/convergence';
import { checkLimit, paramErrors, RUN_LIMITS, type Limit } from '../rl/params';
import { createAgent, EPISODE_LOG_CAPACITY, type QAgent } from '../rl/agent';
import { decodeTrajectory, type Trajectory } from '../rl/trajectory';
import { lastStepRecord } from '../rl/step-record';
import { runSteps } from '../rl/fast-loop';
import { advantages, greedyMasks, greedyPolicy, policyMatrix, stateValues } from '../rl/tables';
import {
  applyParamChange,
  parseRunRecord,
  type ParamChangeRecord,
  type RunRecord,
} from '../rl/replay';
import { createRngState } from '../rl/rng';
import { runGreedyEpisode } from '../rl/target-policy';
import { guardedHandler } from './guarded-handler';
import { parseCommand } from './parse-command';
import {
  assertNever,
  type EnvInfo,
  type EpisodeBatch,
  type Frame,
  type GreedyEvaluation,
  type OptimumInfo,
  type ParamChange,
  type RunSettings,
  type RunStats,
  type Snapshot,
  type Speed,
  type TrainerCommand,
  type TrainerEvent,
  type TrajectoryData,
  type UpdateData,
} from './protocol';
import { errorMessage } from './message-shape';

/** Length of one time slice of training before the loop yields, in ms. */
export const SLICE_MS = 8;
/**
 * At full speed the loop rests this long between slices, in ms: on a two-core machine a worker
 * that never rests starves the page's rendering threads.
 */
export const MAX_SPEED_REST_MS = 4;
/** Steps per `runSteps` call; the clock is read between calls. */
export const MAX_CHUNK_STEPS = 4096;
/** Shortest time between two snapshots while running, in ms (one frame at 60 Hz). */
export const SNAPSHOT_INTERVAL_MS = 16;
/** Shortest time between two exact evaluations of the greedy policy while running, in ms… */
export const EVALUATION_INTERVAL_MS = 100;
/** …unless this many episodes went by since the last one. */
export const EVALUATION_INTERVAL_EPISODES = 200;
/**
 * The evaluation may take at most 1 / this of the running time: a slow one (a large map with a
 * long time limit) stretches the interval to this many times its own duration.
 */
export const EVALUATION_COST_FACTOR = 10;
/** Finished episodes the running statistics average over. */
export const STATS_WINDOW_EPISODES = 100;
/** Window over which steps per second are measured, in ms. */
export const RATE_WINDOW_MS = 1000;
/** Finished episodes kept for the next snapshot's batch (a power of two). */
export const PENDING_EPISODES_CAPACITY = 1 << 16;
/**
 * At a finite speed, unspent step credit is capped at this much time's worth (at least one step),
 * in ms: after the worker was held up (a long evaluation, a throttled timer) it does not burst.
 */
export const MAX_BACKLOG_MS = 100;
/** Frames one snapshot carries at most (the first kept, then the newest): the gallery thins anyway. */
export const MAX_FRAMES_PER_SNAPSHOT = 256;
/** Speed until the page sets one. */
export const DEFAULT_SPEED: Speed = 'max';
/** Allowed finite speeds, in steps per second. */
export const SPEED_LIMIT: Limit = RUN_LIMITS.speed;

/** Slack when turning step credit into whole steps (1000 ms · 1 step/s may sum to 0.999…). */
const CREDIT_EPSILON = 1e-9;

/**
 * What the trainer needs from its host: a port, a clock and a timer. `Event` is what it posts
 * (the comparison trainer posts its own events over the same kind of endpoint).
 */
export interface TrainerEndpoint<Handle = unknown, Event = TrainerEvent> {
  /** Sends an event; `transfer` lists buffers to move rather than copy (never a live one). */
  post(event: Event, transfer: Transferable[]): void;
  /** Monotonic time in ms. */
  now(): number;
  /** Runs `fn` once after `delayMs` ms (0: as soon as pending messages were handled). */
  schedule(fn: () => void, delayMs: number): Handle;
  /** Cancels a scheduled `fn` that has not run yet. */
  cancel(handle: Handle): void;
}

/** Tuning for tests; the defaults are the constants above. */
export interface TrainerOptions {
  /** Length of a slice, in ms. */
  sliceMs: number;
  /** Steps per `runSteps` call. */
  chunkSteps: number;
}

/** A running trainer. */
export interface Trainer {
  /** Handles one message from the page. Validates it first: anything malformed is an `error` event. */
  handle(message: unknown): void;
  /** Stops the loop and forgets the run; later messages are ignored. */
  dispose(): void;
}

/** The state of one run (from `init` or `reset` to the next). */
interface Run {
  readonly id: number;
  /** The settings, with `params` kept equal to the live `agent.params`. */
  settings: RunSettings;
  readonly env: IceMazeEnv;
  readonly agent: QAgent;
  /** Best success probability within the time limit (does not depend on γ). */
  readonly bestWithinLimit: number;
  /** Next episode to copy from `agent.log`. */
  logRead: number;
  /** First episode not yet sent in a snapshot batch. */
  sentUpTo: number;
  /** Episodes that reached a goal. */
  successes: number;
  /** Cached evaluation of the greedy policy `evaluationPolicy`. */
  evaluation: GreedyEvaluation | null;
  evaluationPolicy: Int8Array | null;
  /** When it was computed and how long it took, in ms. */
  evaluationTime: number;
  evaluationCostMs: number;
  /** The target policy's own generator (its episodes never touch the training stream). */
  readonly greedyRng: Uint32Array;
  greedyEpisodes: number;
  greedySuccesses: number;
  /** The last episode a frame was posted for. */
  lastFrameEpisode: number;
  /** Frames waiting for the next snapshot. */
  pendingFrames: { frame: Frame; transfer: Transferable[] }[];
  /** The settings the run started with and the changes since: enough to replay it exactly. */
  readonly initialSettings: RunSettings;
  changes: ParamChangeRecord[];
  /** Judges the greedy policy for the convergence notice (see `rl/convergence`). */
  readonly convergence: ConvergenceWatch;
  /** Q* for the run's γ (the posted optimum's buffers are transferred, so the run keeps a copy). */
  optimalQ: Float64Array;
}

/** Mixed into the seed of the target policy's generator. */
const GREEDY_SEED_SALT = 0x5eed_7a6e;

function sameArray(a: Int8Array, b: Int8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Every message for a bad `RunSettings` (empty when it is fine), and the env when it is. */
export function checkSettings(settings: RunSettings): { errors: string[]; env: IceMazeEnv | null } {
  const errors: string[] = [];
  for (const key of ['episodes', 'seed', 'maxSteps', 'successRate', 'frameInterval'] as const) {
    const e = checkLimit(RUN_LIMITS[key], settings[key]);
    if (e) errors.push(e);
  }
  errors.push(...paramErrors({ ...settings.params }));
  // With a bad number, still build from the map alone so every problem is named at once.
  const options = errors.length
    ? { map: settings.map }
    : {
        map: settings.map,
        isSlippery: settings.isSlippery,
        successRate: settings.successRate,
        maxSteps: settings.maxSteps,
      };
  let env: IceMazeEnv | null = null;
  try {
    env = createEnv(options); // throws MapError (bad map) or RangeError (bad option)
  } catch (e) {
    errors.unshift(errorMessage(e));
  }
  return { errors, env: errors.length ? null : env };
}

/** Value iteration for γ, the exact success of its policy within the limit, and the ceiling. */
export function optimumFor(env: IceMazeEnv, gamma: number, bestWithinLimit: number): OptimumInfo {
  const vi = valueIteration(env, gamma);
  const success = evaluatePolicy(env, policyMatrix(vi.policy, env.nA), env.maxSteps);
  return {
    gamma,
    q: vi.q,
    v: vi.v,
    policy: vi.policy,
    successProbability: success.successProbability,
    bestWithinLimit,
  };
}

function optimumTransfer(o: OptimumInfo): Transferable[] {
  return [o.q.buffer, o.v.buffer, o.policy.buffer];
}

/** The trajectory unpacked into fresh arrays; their buffers are pushed onto `transfer`. */
function copyTrajectory(env: IceMazeEnv, tr: Trajectory, transfer: Transferable[]): TrajectoryData {
  const data: TrajectoryData = decodeTrajectory(env, tr);
  transfer.push(
    data.states.buffer,
    data.actions.buffer,
    data.directions.buffer,
    data.explored.buffer,
    data.rewards.buffer,
  );
  return data;
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
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const chunkSteps = options.chunkSteps ?? MAX_CHUNK_STEPS;

  // Finished episodes not yet sent, and the last STATS_WINDOW_EPISODES for the statistics:
  // episode e sits at e & (PENDING_EPISODES_CAPACITY − 1).
  const pendingReturns = new Float64Array(PENDING_EPISODES_CAPACITY);
  const pendingLengths = new Int32Array(PENDING_EPISODES_CAPACITY);
  const pendingGoal = new Uint8Array(PENDING_EPISODES_CAPACITY);
  const PENDING_MASK = PENDING_EPISODES_CAPACITY - 1;

  let run: Run | null = null;
  let runCount = 0;

  // Loop.
  let running = false;
  let finished = false;
  let speed: Speed = DEFAULT_SPEED;
  /** Play stops when `agent.episode` reaches this. */
  let targetEpisode = 0;
  /** Steps earned and not yet run (finite speed), and when it was last topped up. */
  let credit = 0;
  let creditTime = 0;
  let sliceHandle: { handle: Handle; due: number } | null = null;
  /** (time, totalSteps) samples at slice ends while running, for steps per second. */
  let rateTimes: number[] = [];
  let rateSteps: number[] = [];

  // Snapshots.
  let seq = 0;
  let pageReady = false;
  let dirty = false;
  let lastSnapshotTime = -Infinity;

  function post(event: TrainerEvent, transfer: Transferable[] = []): void {
    endpoint.post(event, transfer);
  }

  function postError(message: string): void {
    post({ type: 'error', message, fatal: false });
  }

  // ---------------------------------------------------------------- runs

  /** Builds a run from settings, or returns the messages; touches no trainer state. */
  function buildRun(settings: RunSettings): Run | string {
    const { errors, env } = checkSettings(settings);
    if (!env) return errors.join(' ');
    const agent = createAgent(env, { ...settings.params }, settings.seed);
    return {
      id: runCount + 1,
      settings: { ...settings, map: [...env.desc], params: { ...agent.params } },
      env,
      agent,
      bestWithinLimit: bestSuccessWithin(env, env.maxSteps),
      logRead: 0,
      sentUpTo: 0,
      successes: 0,
      evaluation: null,
      evaluationPolicy: null,
      evaluationTime: -Infinity,
      evaluationCostMs: 0,
      greedyRng: createRngState((settings.seed ^ GREEDY_SEED_SALT) >>> 0),
      greedyEpisodes: 0,
      greedySuccesses: 0,
      lastFrameEpisode: -1,
      pendingFrames: [],
      initialSettings: { ...settings, map: [...env.desc], params: { ...agent.params } },
      changes: [],
      convergence: createConvergenceWatch(env),
      optimalQ: new Float64Array(0),
    };
  }

  /** Makes `next` the current run (paused) and tells the page. */
  function startRun(next: Run): void {
    const { env } = next;
    // The costly part first: if it throws, the previous run is untouched.
    const optimum = optimumFor(env, next.agent.params.gamma, next.bestWithinLimit);
    next.optimalQ = optimum.q.slice();
    stopLoop();
    finished = false;
    runCount = next.id;
    run = next;
    const envInfo: EnvInfo = {
      desc: [...env.desc],
      nrow: env.nrow,
      ncol: env.ncol,
      nS: env.nS,
      start: env.start,
      maxSteps: env.maxSteps,
      isSlippery: env.isSlippery,
      successRate: env.successRate,
    };
    post(
      {
        type: 'ready',
        runId: next.id,
        env: envInfo,
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
    // A new run: the page draws it from scratch, so it counts as having asked.
    pageReady = true;
    dirty = true;
    flush();
  }

  /** Copies the episodes finished since the last call from the agent's log into the ring. */
  function drainLog(r: Run): void {
    const { agent } = r;
    const end = agent.episode;
    if (end - r.logRead > EPISODE_LOG_CAPACITY)
      throw new Error(`Internal: ${end - r.logRead} episodes ended between two reads of the log.`);
    const log = agent.log;
    for (let e = r.logRead; e < end; e++) {
      const from = e & (EPISODE_LOG_CAPACITY - 1);
      const to = e & PENDING_MASK;
      pendingReturns[to] = log.returns[from]!;
      pendingLengths[to] = log.lengths[from]!;
      pendingGoal[to] = log.reachedGoal[from]!;
      r.successes += log.reachedGoal[from]!;
    }
    r.logRead = end;
  }

  /**
   * The only place the trainer steps the agent: up to `maxSteps` steps, stopping after
   * `maxEpisodes` episodes end (never more than the log holds). Returns the steps taken.
   */
  function advance(r: Run, maxSteps: number, maxEpisodes: number): number {
    const { agent } = r;
    // Stop exactly after the next frame's episode, as the lesson saves after episode e.
    const interval = r.settings.frameInterval;
    const toFrame = ((interval - (agent.episode % interval)) % interval) + 1;
    const n = runSteps(agent, maxSteps, Math.min(maxEpisodes, EPISODE_LOG_CAPACITY, toFrame));
    if (n > 0) dirty = true;
    drainLog(r);
    const e = agent.episode - 1;
    if (e > r.lastFrameEpisode && (e % interval === 0 || agent.episode === targetEpisode))
      postFrame(r);
    return n;
  }

  /**
   * Trains `r` along a record: to each change's step, the change, on to `totalSteps`. It goes
   * through `advance`, like a live run, so the episode log, statistics and frames are kept too.
   */
  function replayInto(r: Run, record: RunRecord): void {
    const { agent } = r;
    targetEpisode = Infinity;
    const runTo = (step: number) => {
      while (agent.totalSteps < step) advance(r, step - agent.totalSteps, Infinity);
    };
    for (const change of record.changes) {
      runTo(change.atStep);
      applyParamChange(agent, change.params);
      r.changes.push({ atStep: change.atStep, params: { ...change.params } });
    }
    runTo(record.totalSteps);
    r.settings = { ...r.settings, params: { ...agent.params } };
  }

  /** Posts the frame of the episode that just ended. */
  function postFrame(r: Run): void {
    const { agent, env } = r;
    r.lastFrameEpisode = agent.episode - 1;
    const q = agent.q.slice();
    const transfer: Transferable[] = [];
    const trajectory = copyTrajectory(env, agent.previous, transfer);
    const frame: Frame = {
      runId: r.id,
      episode: agent.episode - 1,
      totalSteps: agent.totalSteps,
      epsilon: agent.epsilon,
      q,
      v: stateValues(q, env.nA),
      advantage: advantages(q, env.nA),
      greedyMask: greedyMasks(q, env.nA),
      trajectory,
      successProbability: evaluateGreedy(env, q, env.maxSteps).successProbability,
    };
    transfer.push(frame.q.buffer, frame.v.buffer, frame.advantage.buffer, frame.greedyMask.buffer);
    // Frames ride on the next snapshot: at full speed they come every few ms, and one message per
    // frame would cost the page more than drawing them.
    r.pendingFrames.push({ frame, transfer });
    if (r.pendingFrames.length > MAX_FRAMES_PER_SNAPSHOT) r.pendingFrames.splice(1, 1);
    dirty = true;
  }

  /** One episode of the target (greedy) policy, no learning, counted apart. */
  function greedyEpisode(r: Run): void {
    const { agent, env } = r;
    const ep = runGreedyEpisode(env, agent.q, r.greedyRng, agent.params.tieBreak, agent.episode);
    r.greedyEpisodes++;
    if (ep.reachedGoal) r.greedySuccesses++;
    const { reachedGoal, ...trajectory } = ep;
    post({
      type: 'greedy-episode',
      runId: r.id,
      trajectory,
      reachedGoal,
      episodes: r.greedyEpisodes,
      successes: r.greedySuccesses,
    });
  }

  // ---------------------------------------------------------------- loop

  function cancelSlice(): void {
    if (sliceHandle) endpoint.cancel(sliceHandle.handle);
    sliceHandle = null;
  }

  function scheduleSlice(delayMs: number): void {
    cancelSlice();
    const due = endpoint.now() + delayMs;
    sliceHandle = { handle: endpoint.schedule(slice, delayMs), due };
  }

  function stopLoop(): void {
    cancelSlice();
    if (running) dirty = true;
    running = false;
    credit = 0;
  }

  /** ms until the next slice has work: 0 at 'max', else until one whole step is earned. */
  function nextDelay(): number {
    if (speed === 'max') return MAX_SPEED_REST_MS;
    if (credit + CREDIT_EPSILON >= 1) return 0;
    return Math.max(0, Math.ceil(((1 - credit) * 1000) / speed));
  }

  function resetCredit(now: number): void {
    credit = 0;
    creditTime = now;
  }

  function slice(): void {
    sliceHandle = null;
    const r = run;
    if (!running || !r) return;
    try {
      const { agent } = r;
      const start = endpoint.now();
      if (speed === 'max') {
        do advance(r, chunkSteps, targetEpisode - agent.episode);
        while (agent.episode < targetEpisode && endpoint.now() - start < sliceMs);
      } else {
        // credit += elapsed · speed / 1000, capped so a late slice does not burst.
        credit += ((start - creditTime) * speed) / 1000;
        credit = Math.min(credit, Math.max(1, (speed * MAX_BACKLOG_MS) / 1000));
        creditTime = start;
        let due = Math.floor(credit + CREDIT_EPSILON);
        while (due > 0 && agent.episode < targetEpisode) {
          const n = advance(r, Math.min(due, chunkSteps), targetEpisode - agent.episode);
          credit -= n;
          due -= n;
          if (endpoint.now() - start >= sliceMs) break;
        }
        if (credit < 0) credit = 0;
      }
      if (agent.episode >= targetEpisode) {
        stopLoop();
        finished = true;
        dirty = true;
      } else {
        const now = endpoint.now();
        rateTimes.push(now);
        rateSteps.push(agent.totalSteps);
        // Keep one sample at or before the window start as the base.
        while (rateTimes.length > 2 && rateTimes[1]! <= now - RATE_WINDOW_MS) {
          rateTimes.shift();
          rateSteps.shift();
        }
      }
      flush();
      if (running) scheduleSlice(nextDelay());
    } catch (e) {
      fail(e);
    }
  }

  function stepsPerSecond(now: number): number {
    if (!running || rateTimes.length === 0 || !run) return 0;
    const dt = now - rateTimes[0]!;
    return dt > 0 ? ((run.agent.totalSteps - rateSteps[0]!) * 1000) / dt : 0;
  }

  // ---------------------------------------------------------------- snapshots

  /** Sends a snapshot if the page asked, something changed, and (running) a frame has passed. */
  function flush(): void {
    if (!run || !dirty || !pageReady) return;
    const now = endpoint.now();
    if (running && now - lastSnapshotTime < SNAPSHOT_INTERVAL_MS) return;
    const transfer: Transferable[] = [];
    const snapshot = buildSnapshot(run, now, transfer);
    dirty = false;
    pageReady = false;
    lastSnapshotTime = now;
    post({ type: 'snapshot', snapshot }, transfer);
  }

  function episodeBatch(r: Run, transfer: Transferable[]): EpisodeBatch {
    const end = r.agent.episode;
    const first = Math.max(r.sentUpTo, end - PENDING_EPISODES_CAPACITY);
    const n = end - first;
    const returns = new Float64Array(n);
    const lengths = new Int32Array(n);
    const reachedGoal = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const j = (first + i) & PENDING_MASK;
      returns[i] = pendingReturns[j]!;
      lengths[i] = pendingLengths[j]!;
      reachedGoal[i] = pendingGoal[j]!;
    }
    const dropped = first - r.sentUpTo;
    r.sentUpTo = end;
    transfer.push(returns.buffer, lengths.buffer, reachedGoal.buffer);
    return { first, returns, lengths, reachedGoal, dropped };
  }

  function runStats(r: Run, now: number): RunStats {
    const end = r.agent.episode;
    const n = Math.min(STATS_WINDOW_EPISODES, end);
    let goals = 0;
    let lengthSum = 0;
    let goalLengthSum = 0;
    for (let e = end - n; e < end; e++) {
      const j = e & PENDING_MASK;
      lengthSum += pendingLengths[j]!;
      if (pendingGoal[j]) {
        goals++;
        goalLengthSum += pendingLengths[j]!;
      }
    }
    return {
      successes: r.successes,
      recentSuccessRate: n > 0 ? goals / n : NaN,
      recentMeanLength: n > 0 ? lengthSum / n : NaN,
      recentMeanStepsToGoal: goals > 0 ? goalLengthSum / goals : NaN,
      window: n,
      stepsPerSecond: stepsPerSecond(now),
    };
  }

  /**
   * The exact evaluation of the greedy policy. It depends on the greedy policy only, so it is
   * recomputed only when that changed — and while running at most every
   * `EVALUATION_INTERVAL_MS` (longer if it is slow).
   */
  function greedyEvaluation(r: Run, now: number): GreedyEvaluation {
    const policy = greedyPolicy(r.agent.q, r.env.nA);
    const changed =
      r.evaluation === null ||
      r.evaluationPolicy === null ||
      !sameArray(policy, r.evaluationPolicy);
    // While running: every EVALUATION_INTERVAL_MS, or sooner once EVALUATION_INTERVAL_EPISODES
    // episodes went by (at full speed a whole run takes less than a second), but never more than
    // 1 / EVALUATION_COST_FACTOR of the time.
    const elapsed = now - r.evaluationTime;
    const due =
      elapsed >= EVALUATION_INTERVAL_MS ||
      (r.evaluation !== null &&
        r.agent.episode - r.evaluation.episode >= EVALUATION_INTERVAL_EPISODES);
    const affordable = elapsed >= EVALUATION_COST_FACTOR * r.evaluationCostMs;
    if (r.evaluation === null || (changed && (!running || (due && affordable)))) {
      const before = endpoint.now();
      const e = evaluateGreedy(r.env, r.agent.q, r.env.maxSteps);
      const after = endpoint.now();
      r.evaluation = {
        successProbability: e.successProbability,
        expectedLength: e.expectedLength,
        expectedStepsToGoal: e.expectedStepsToGoal,
        episode: r.agent.episode,
      };
      r.evaluationPolicy = policy;
      r.evaluationCostMs = Math.max(0, after - before);
      r.evaluationTime = after;
    }
    return { ...r.evaluation };
  }

  function lastUpdate(r: Run): UpdateData | null {
    const { agent } = r;
    if (!agent.last.valid) return null;
    // The record carries the α, γ and ε this update used, even if set-params changed them since.
    return { ...lastStepRecord(agent), totalSteps: agent.totalSteps };
  }

  function buildSnapshot(r: Run, now: number, transfer: Transferable[]): Snapshot {
    const { agent, env } = r;
    // Copy the live table once; everything else derives from the copy.
    const q = agent.q.slice();
    const v = stateValues(q, env.nA);
    const advantage = advantages(q, env.nA);
    const greedyMask = greedyMasks(q, env.nA);
    const visits = agent.visits.slice();
    const tdErrors = agent.tdErrors.slice();
    transfer.push(
      q.buffer,
      v.buffer,
      advantage.buffer,
      greedyMask.buffer,
      visits.buffer,
      tdErrors.buffer,
    );
    const current = copyTrajectory(env, agent.current, transfer);
    const previous = agent.episode > 0 ? copyTrajectory(env, agent.previous, transfer) : null;
    seq++;
    return {
      seq,
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
      q,
      v,
      advantage,
      greedyMask,
      visits,
      tdErrors,
      current,
      previous,
      last: lastUpdate(r),
      episodes: episodeBatch(r, transfer),
      stats: runStats(r, now),
      evaluation: greedyEvaluation(r, now),
      frames: takeFrames(r, transfer),
      convergence: r.convergence.report(
        q,
        agent.episode,
        agent.greedyStableSince,
        r.optimalQ,
        finished,
      ),
    };
  }

  /** The frames since the last snapshot; their buffers join the snapshot's transfer list. */
  function takeFrames(r: Run, transfer: Transferable[]): Frame[] {
    const frames = r.pendingFrames.map((p) => {
      transfer.push(...p.transfer);
      return p.frame;
    });
    r.pendingFrames = [];
    return frames;
  }

  // ---------------------------------------------------------------- commands

  /** Stops the loop and reports an unexpected failure; the trainer stays usable. */
  function fail(e: unknown): void {
    try {
      stopLoop();
    } finally {
      postError(`Training stopped: ${errorMessage(e)}`);
    }
  }

  function needRun(type: TrainerCommand['type']): Run | null {
    if (!run) postError(`"${type}" needs a run: send "init" first.`);
    return run;
  }

  function play(r: Run): void {
    if (running) return;
    const budget = r.settings.episodes;
    targetEpisode = (Math.floor(r.agent.episode / budget) + 1) * budget;
    running = true;
    finished = false;
    dirty = true;
    const now = endpoint.now();
    resetCredit(now);
    rateTimes = [now];
    rateSteps = [r.agent.totalSteps];
    scheduleSlice(speed === 'max' ? 0 : nextDelay());
    flush();
  }

  function setParamsCommand(r: Run, change: ParamChange): void {
    const errors = paramErrors({ ...change });
    if (errors.length > 0) {
      postError(errors.join(' '));
      return;
    }
    const { agent } = r;
    const gammaChanged = change.gamma !== undefined && change.gamma !== agent.params.gamma;
    // ε in the lesson's sense: the exploration rate from now on, not only the starting one.
    applyParamChange(agent, change);
    r.settings = { ...r.settings, params: { ...agent.params } };
    const record: ParamChangeRecord = { atStep: agent.totalSteps, params: { ...change } };
    r.changes.push(record);
    post({ type: 'params-applied', runId: r.id, change: record });
    dirty = true;
    if (gammaChanged) {
      const optimum = optimumFor(r.env, agent.params.gamma, r.bestWithinLimit);
      r.optimalQ = optimum.q.slice();
      post({ type: 'optimum', optimum }, optimumTransfer(optimum));
    }
    flush();
  }

  function setSpeed(next: Speed): void {
    if (next !== 'max') {
      const e = checkLimit(SPEED_LIMIT, next);
      if (e) {
        postError(e);
        return;
      }
    }
    speed = next;
    dirty = true;
    if (running) {
      resetCredit(endpoint.now());
      scheduleSlice(speed === 'max' ? 0 : nextDelay());
    }
    flush();
  }

  function requestSnapshot(): void {
    pageReady = true;
    if (!run || !dirty) return;
    if (!running) {
      flush();
      return;
    }
    const now = endpoint.now();
    const wait = SNAPSHOT_INTERVAL_MS - (now - lastSnapshotTime);
    if (wait <= 0) flush();
    // A slow speed may have the next slice far off: wake up when the frame interval is over.
    else if (!sliceHandle || sliceHandle.due > now + wait) scheduleSlice(Math.ceil(wait));
  }

  function dispatch(command: TrainerCommand): void {
    switch (command.type) {
      case 'init': {
        const next = buildRun(command.settings);
        if (typeof next === 'string') postError(next);
        else startRun(next);
        return;
      }
      case 'reset': {
        const r = needRun(command.type);
        if (!r) return;
        const next = buildRun(r.settings);
        if (typeof next === 'string') postError(next);
        else startRun(next);
        return;
      }
      case 'play': {
        const r = needRun(command.type);
        if (r) play(r);
        return;
      }
      case 'pause':
        stopLoop();
        dirty = true;
        flush();
        return;
      case 'step':
      case 'step-episode': {
        const r = needRun(command.type);
        if (!r) return;
        stopLoop();
        finished = false;
        if (command.type === 'step') advance(r, 1, Infinity);
        else advance(r, Infinity, 1);
        dirty = true;
        flush();
        return;
      }
      case 'set-params': {
        const r = needRun(command.type);
        if (r) setParamsCommand(r, command.params);
        return;
      }
      case 'set-speed':
        setSpeed(command.speed);
        return;
      case 'request-snapshot':
        requestSnapshot();
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
        if (typeof next === 'string') postError(next);
        else {
          replayInto(next, parsed.record);
          startRun(next);
        }
        return;
      }
      case 'ping':
        post({ type: 'pong', id: command.id });
        return;
      case 'run-greedy-episode': {
        const r = needRun(command.type);
        if (r) greedyEpisode(r);
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
      stopLoop();
      run = null;
    },
  });
}
