/**
 * The comparison loop behind the comparison worker: two learners (Q-learning, SARSA or Expected
 * SARSA, either side) trained side by side on one environment, each from the same seed and the
 * same ε schedule. Commands in, events out, time and timers injected (a `TrainerEndpoint`, as
 * `trainer.ts` takes), so the tests drive it in Node with a fake port.
 *
 * Determinism. Each agent has its own generator, seeded with the run's seed, and only its own
 * loop draws from it; `runAlgorithmSteps` (and `runSteps` for Q-learning, bit-identical to it)
 * give the same numbers however a run is cut into calls. So after N episodes each agent's Q is
 * exactly `trainAlgorithm(env, algorithm, params, seed, N).q`, at any speed and cadence.
 *
 * Lockstep. The loop always advances the agent that has finished fewer episodes (the left one on
 * a tie), never past the next curve point (every `curveInterval` episodes), so the two stay within
 * one interval of each other and their curves fill together.
 *
 * Loop. `play` runs time slices of `SLICE_MS`, each made of calls of at most `chunkSteps` steps,
 * then yields (`schedule`), so `pause` acts before the next call. At a finite speed (episodes per
 * second) the agents may go as far as the pace allows: pace += elapsed · speed / 1000, capped at
 * `MAX_BACKLOG_MS` worth of episodes ahead of the slower agent.
 *
 * Snapshots go out only when the page asked for one since the last (`request-snapshot`),
 * something changed, and — while running — `SNAPSHOT_INTERVAL_MS` have passed.
 */
import type { IceMazeEnv } from '../rl/env';
import { bestSuccessWithin, evaluateGreedy } from '../rl/evaluation';
import { checkLimit, COMPARE_SPEED_LIMIT, DEFAULT_COMPARE_SPEED } from '../rl/params';
import { createAgent, EPISODE_LOG_CAPACITY, type QAgent } from '../rl/agent';
import { ALGORITHMS, isAlgorithm } from '../rl/algorithms/registry';
import { expectedValue } from '../rl/policy';
import { runAlgorithm } from '../rl/training';
import { greedyMasks, greedyPolicy, stateValue, stateValues } from '../rl/tables';
import { guardedHandler } from './guarded-handler';
import {
  COMPARE_COMMAND_TYPES,
  type AlgorithmPair,
  type CompareAgentSnapshot,
  type CompareCommand,
  type CompareCurvePoint,
  type CompareEvent,
  type CompareSnapshot,
  type CompareSpeed,
  type EnvInfo,
  type RunSettings,
} from './compare-protocol';
import { parseCommand } from './parse-command';
import { assertNever } from './protocol';
import { describeValue as describe, errorMessage, isRecord } from './message-shape';
import {
  checkSettings,
  MAX_BACKLOG_MS,
  MAX_CHUNK_STEPS,
  MAX_SPEED_REST_MS,
  optimumFor,
  SLICE_MS,
  SNAPSHOT_INTERVAL_MS,
  STATS_WINDOW_EPISODES,
  type TrainerEndpoint,
  type TrainerOptions,
} from './trainer';

/** Curve points per Play budget: one every ⌈episodes / this⌉ episodes. */
export const CURVE_POINTS_PER_BUDGET = 200;
/** At a finite speed, ms between slices (about one frame: the page cannot show more). */
export const PACED_SLICE_DELAY_MS = 16;

/** Episodes between two curve points for a Play budget of `episodes`: ⌈episodes / 200⌉, ≥ 1. */
export function curveIntervalFor(episodes: number): number {
  return Math.max(1, Math.ceil(episodes / CURVE_POINTS_PER_BUDGET));
}

/** A running comparison trainer. */
export interface CompareTrainer {
  /** Handles one message from the page; anything malformed is answered with an `error`. */
  handle(message: unknown): void;
  /** Stops the loop and forgets the run; later messages are ignored. */
  dispose(): void;
}

/** One learner of the run. */
interface Learner {
  readonly agent: QAgent;
  readonly algorithm: AlgorithmPair[number];
  /** Next episode to read from `agent.log`. */
  logRead: number;
  /** The last `STATS_WINDOW_EPISODES` outcomes: episode e at e mod window (1 reached the goal). */
  readonly window: Uint8Array;
  /** Goals among the outcomes in `window`. */
  windowGoals: number;
  successes: number;
  /** Exact evaluation of the greedy policy `evaluatedPolicy`. */
  successProbability: number;
  evaluatedPolicy: Int8Array | null;
  /** Curve points not yet sent, and the episode of the last one taken. */
  points: CompareCurvePoint[];
  lastPointEpisode: number;
}

/** The state of one run (from `init` or `reset` to the next). */
interface Run {
  readonly id: number;
  readonly settings: RunSettings;
  readonly algorithms: AlgorithmPair;
  readonly env: IceMazeEnv;
  readonly learners: readonly [Learner, Learner];
  readonly curveInterval: number;
}

/**
 * Checks the shape of an untrusted message (types only; ranges are checked when it is used).
 * The settings are checked by the training worker's own parser, so both workers accept the same.
 */
export function parseCompareCommand(
  message: unknown,
): { ok: true; command: CompareCommand } | { ok: false; error: string } {
  const fail = (error: string) => ({ ok: false as const, error: `Bad command: ${error}` });
  if (!isRecord(message))
    return fail(`expected an object with a "type"; got ${describe(message)}.`);
  const type = message.type;
  const known = COMPARE_COMMAND_TYPES as readonly unknown[];
  if (!known.includes(type))
    return fail(
      `unknown type ${describe(type)}; expected one of ${COMPARE_COMMAND_TYPES.join(', ')}.`,
    );
  const command = message as { type: CompareCommand['type'] } & Record<string, unknown>;
  switch (command.type) {
    case 'init': {
      const parsed = parseCommand({ type: 'init', settings: command.settings });
      if (!parsed.ok) return { ok: false, error: parsed.error };
      if (parsed.command.type !== 'init') return fail('"init" needs settings.');
      const algorithms = command.algorithms;
      if (!Array.isArray(algorithms) || algorithms.length !== 2 || !algorithms.every(isAlgorithm))
        return fail(
          `"init" needs two algorithms out of ${ALGORITHMS.map((a) => `"${a}"`).join(', ')}; ` +
            `got ${describe(algorithms)}.`,
        );
      return {
        ok: true,
        command: {
          type: 'init',
          settings: parsed.command.settings,
          algorithms: [algorithms[0]!, algorithms[1]!],
        },
      };
    }
    case 'set-speed': {
      const speed = command.speed;
      if (speed !== 'max' && typeof speed !== 'number')
        return fail(
          `"set-speed" needs a number of episodes per second or "max"; got ${describe(speed)}.`,
        );
      return { ok: true, command: { type: 'set-speed', speed } };
    }
    case 'play':
    case 'pause':
    case 'reset':
    case 'request-snapshot':
      return { ok: true, command: { type: command.type } };
    default:
      return assertNever(command.type);
  }
}

/**
 * Creates the comparison trainer over an endpoint. Nothing runs until a message arrives.
 * `options` shortens slices and calls for tests (the defaults are `trainer.ts`'s constants).
 */
export function createCompareTrainer<Handle>(
  endpoint: TrainerEndpoint<Handle, CompareEvent>,
  options: Partial<TrainerOptions> = {},
): CompareTrainer {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const chunkSteps = options.chunkSteps ?? MAX_CHUNK_STEPS;

  let run: Run | null = null;
  let runCount = 0;

  let running = false;
  let finished = false;
  let speed: CompareSpeed = DEFAULT_COMPARE_SPEED;
  /** Play stops when both agents reach this episode count. */
  let targetEpisode = 0;
  /** At a finite speed, how far (in episodes) the agents may go, and when it was last raised. */
  let pace = 0;
  let paceTime = 0;
  let sliceHandle: Handle | null = null;

  let seq = 0;
  let pageReady = false;
  let dirty = false;
  let lastSnapshotTime = -Infinity;

  const postError = (message: string): void =>
    endpoint.post({ type: 'error', message, fatal: false }, []);

  // ---------------------------------------------------------------- runs

  function createLearner(
    r: Pick<Run, 'env' | 'settings'>,
    index: 0 | 1,
    algorithms: AlgorithmPair,
  ) {
    const agent = createAgent(r.env, { ...r.settings.params }, r.settings.seed);
    const learner: Learner = {
      agent,
      algorithm: algorithms[index],
      logRead: 0,
      window: new Uint8Array(STATS_WINDOW_EPISODES),
      windowGoals: 0,
      successes: 0,
      successProbability: 0,
      evaluatedPolicy: null,
      points: [],
      lastPointEpisode: 0,
    };
    evaluate(r.env, learner);
    return learner;
  }

  /** Builds a run (both agents at Q = 0), or the messages why it cannot be; changes nothing. */
  function buildRun(settings: RunSettings, algorithms: AlgorithmPair): Run | string {
    const { errors, env } = checkSettings(settings);
    if (!env) return errors.join(' ');
    const base = { env, settings: { ...settings, map: [...env.desc] } };
    return {
      id: runCount + 1,
      ...base,
      algorithms: [algorithms[0], algorithms[1]],
      learners: [createLearner(base, 0, algorithms), createLearner(base, 1, algorithms)],
      curveInterval: curveIntervalFor(settings.episodes),
    };
  }

  function startRun(next: Run): void {
    const { env } = next;
    // The costly part first: if it throws, the previous run is untouched.
    const optimum = optimumFor(env, next.settings.params.gamma, bestSuccessWithin(env));
    stopLoop();
    finished = false;
    targetEpisode = next.settings.episodes;
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
    endpoint.post(
      {
        type: 'ready',
        runId: next.id,
        env: envInfo,
        settings: {
          ...next.settings,
          map: [...next.settings.map],
          params: { ...next.settings.params },
        },
        algorithms: next.algorithms,
        optimum: {
          gamma: optimum.gamma,
          startValue: optimum.v[env.start]!,
          successProbability: optimum.successProbability,
          bestWithinLimit: optimum.bestWithinLimit,
        },
        curveInterval: next.curveInterval,
        window: STATS_WINDOW_EPISODES,
      },
      [],
    );
    pageReady = true;
    dirty = true;
    flush();
  }

  // ---------------------------------------------------------------- learning

  /** Re-evaluates the greedy policy exactly when it changed since the last evaluation. */
  function evaluate(env: IceMazeEnv, l: Learner): void {
    const policy = greedyPolicy(l.agent.q, env.nA);
    if (l.evaluatedPolicy && policy.every((a, s) => a === l.evaluatedPolicy![s])) return;
    l.successProbability = evaluateGreedy(env, l.agent.q, env.maxSteps).successProbability;
    l.evaluatedPolicy = policy;
  }

  /** Copies finished episodes from the agent's log into the moving window. */
  function drainLog(l: Learner): void {
    const { agent } = l;
    const w = l.window.length;
    for (let e = l.logRead; e < agent.episode; e++) {
      const goal = agent.log.reachedGoal[e & (EPISODE_LOG_CAPACITY - 1)]!;
      // The window slot of e held episode e − w, which leaves the window as e enters it.
      if (e >= w) l.windowGoals -= l.window[e % w]!;
      l.window[e % w] = goal;
      l.windowGoals += goal;
      l.successes += goal;
    }
    l.logRead = agent.episode;
  }

  /** Success rate over the last min(window, episodes) episodes; NaN before the first. */
  function movingRate(l: Learner): number {
    const n = Math.min(l.window.length, l.agent.episode);
    return n > 0 ? l.windowGoals / n : NaN;
  }

  /**
   * Advances one learner by at most `chunkSteps` steps, stopping at `goal` episodes or the next
   * curve point, whichever comes first (never more episodes than its log holds).
   */
  function advance(r: Run, l: Learner, goal: number): void {
    const { agent } = l;
    const toPoint = r.curveInterval - (agent.episode % r.curveInterval);
    const episodes = Math.min(goal - agent.episode, toPoint, EPISODE_LOG_CAPACITY);
    // Q-learning on the fast loop: the same numbers as runAlgorithmSteps, bit for bit.
    const steps = runAlgorithm(agent, l.algorithm, chunkSteps, episodes);
    if (steps > 0) dirty = true;
    drainLog(l);
    if (agent.episode % r.curveInterval === 0 && agent.episode > l.lastPointEpisode) {
      l.lastPointEpisode = agent.episode;
      evaluate(r.env, l);
      l.points.push({
        episode: agent.episode,
        movingSuccessRate: movingRate(l),
        successProbability: l.successProbability,
        startValue: stateValue(agent.q, r.env.start),
        epsilon: agent.epsilon,
      });
    }
  }

  /** The learner to advance next toward `goal`: the one behind (left on a tie), or null. */
  function behind(r: Run, goal: number): Learner | null {
    const [a, b] = r.learners;
    const next = b.agent.episode < a.agent.episode ? b : a;
    return next.agent.episode < goal ? next : null;
  }

  function slowest(r: Run): number {
    return Math.min(r.learners[0].agent.episode, r.learners[1].agent.episode);
  }

  // ---------------------------------------------------------------- loop

  function cancelSlice(): void {
    if (sliceHandle !== null) endpoint.cancel(sliceHandle);
    sliceHandle = null;
  }

  function scheduleSlice(delayMs: number): void {
    cancelSlice();
    sliceHandle = endpoint.schedule(slice, delayMs);
  }

  function stopLoop(): void {
    cancelSlice();
    if (running) dirty = true;
    running = false;
  }

  function slice(): void {
    sliceHandle = null;
    const r = run;
    if (!running || !r) return;
    try {
      const start = endpoint.now();
      let goal = targetEpisode;
      if (speed !== 'max') {
        // pace += elapsed · speed / 1000, at most MAX_BACKLOG_MS worth ahead of the slower agent.
        pace += ((start - paceTime) * speed) / 1000;
        pace = Math.min(pace, slowest(r) + Math.max(1, (speed * MAX_BACKLOG_MS) / 1000));
        paceTime = start;
        goal = Math.min(targetEpisode, Math.floor(pace));
      }
      for (let l = behind(r, goal); l; l = behind(r, goal)) {
        advance(r, l, goal);
        if (endpoint.now() - start >= sliceMs) break;
      }
      if (slowest(r) >= targetEpisode) {
        stopLoop();
        finished = true;
        dirty = true;
      }
      flush();
      if (running) scheduleSlice(speed === 'max' ? MAX_SPEED_REST_MS : PACED_SLICE_DELAY_MS);
    } catch (e) {
      fail(e);
    }
  }

  function play(r: Run): void {
    if (running) return;
    const budget = r.settings.episodes;
    targetEpisode = (Math.floor(slowest(r) / budget) + 1) * budget;
    running = true;
    finished = false;
    dirty = true;
    pace = slowest(r);
    paceTime = endpoint.now();
    scheduleSlice(0);
    flush();
  }

  // ---------------------------------------------------------------- snapshots

  function agentSnapshot(r: Run, l: Learner, transfer: Transferable[]): CompareAgentSnapshot {
    const { agent } = l;
    const { env } = r;
    evaluate(env, l);
    // Copy the live table once; everything else derives from the copy.
    const q = agent.q.slice();
    const v = stateValues(q, env.nA);
    const greedyMask = greedyMasks(q, env.nA);
    transfer.push(q.buffer, v.buffer, greedyMask.buffer);
    const points = l.points;
    l.points = [];
    return {
      algorithm: l.algorithm,
      episode: agent.episode,
      totalSteps: agent.totalSteps,
      epsilon: agent.epsilon,
      q,
      v,
      greedyMask,
      startValue: v[env.start]!,
      startBehaviourValue: expectedValue(q, env.start, agent.epsilon),
      recentSuccessRate: movingRate(l),
      window: Math.min(l.window.length, agent.episode),
      successes: l.successes,
      successProbability: l.successProbability,
      points,
    };
  }

  function flush(): void {
    if (!run || !dirty || !pageReady) return;
    const now = endpoint.now();
    if (running && now - lastSnapshotTime < SNAPSHOT_INTERVAL_MS) return;
    const transfer: Transferable[] = [];
    const snapshot: CompareSnapshot = {
      seq: ++seq,
      runId: run.id,
      running,
      finished,
      targetEpisode,
      speed,
      agents: [
        agentSnapshot(run, run.learners[0], transfer),
        agentSnapshot(run, run.learners[1], transfer),
      ],
    };
    dirty = false;
    pageReady = false;
    lastSnapshotTime = now;
    endpoint.post({ type: 'snapshot', snapshot }, transfer);
  }

  // ---------------------------------------------------------------- commands

  function fail(e: unknown): void {
    try {
      stopLoop();
    } finally {
      postError(`The comparison stopped: ${errorMessage(e)}`);
    }
  }

  function needRun(type: CompareCommand['type']): Run | null {
    if (!run) postError(`"${type}" needs a comparison: send "init" first.`);
    return run;
  }

  function dispatch(command: CompareCommand): void {
    switch (command.type) {
      case 'init':
      case 'reset': {
        const base = command.type === 'init' ? command : needRun(command.type);
        if (!base) return;
        const next = buildRun(base.settings, base.algorithms);
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
        flush();
        return;
      case 'set-speed': {
        const next = command.speed;
        const error = next === 'max' ? null : checkLimit(COMPARE_SPEED_LIMIT, next);
        if (error) {
          postError(error);
          return;
        }
        speed = next;
        if (running && run) {
          pace = slowest(run);
          paceTime = endpoint.now();
          scheduleSlice(0);
        }
        dirty = true;
        flush();
        return;
      }
      case 'request-snapshot':
        pageReady = true;
        if (!running) flush();
        return;
      default:
        assertNever(command);
    }
  }

  return guardedHandler({
    parse: parseCompareCommand,
    dispatch,
    postError,
    fail,
    stop() {
      stopLoop();
      run = null;
    },
  });
}
