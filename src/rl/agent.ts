/**
 * A learner and its environment, with all the mutable state of a run: Q, the generator, ε, where
 * it stands, the episode under way and the last one, the counts the page draws, and the last
 * update. Every loop (`readable-loop.ts`, `fast-loop.ts`) moves the same agent, so a run can be
 * cut between them at any step and still give the same numbers.
 *
 * Q starts at Q₀ (`LearnerOptions.initialQ`, 0 by default) on every state that is not a hole or
 * the goal. Like the lesson, Q-learning's target bootstraps from Q(s′) even when s′ is a
 * hole or the goal: those rows are never updated, so they stay 0.
 */
import type { IceMazeEnv } from './env';
import { createLearnerMemory, type LearnerMemory } from './learner-memory';
import { learnerOptions } from './learner-options';
import { type LearnerOptions } from './learner-values';
import { LESSON_PARAMS, type QParams } from './params';
import { createChosenAction, type ChosenAction } from './policy';
import { createRngState, type RngState } from './rng';
import { greedySetChanged } from './tables';
import { createTdUpdate, type TdUpdate } from './td-rule';
import { createTrajectory, type Trajectory } from './trajectory';

/**
 * The last update made, in the lesson's terms (`TdUpdate`'s numbers plus the step's). Mutated in
 * place by every loop call, once per call (`recordLast`).
 */
export interface LastUpdate extends TdUpdate {
  /** False until the first step. */
  valid: boolean;
  state: number;
  action: number;
  explored: boolean;
  /** Direction actually moved. */
  direction: number;
  nextState: number;
  reward: number;
  /** ε used to choose the action (before this step's decay). */
  epsilon: number;
  /** ε after this step's decay. */
  epsilonAfter: number;
  /** α and γ this update used. */
  alpha: number;
  gamma: number;
  terminated: boolean;
  truncated: boolean;
  /** Episode (0-based) and step within it (1-based) of this update. */
  episode: number;
  t: number;
}

/**
 * The most recent finished episodes, a ring buffer: episode e (0-based) sits at index
 * `e & (EPISODE_LOG_CAPACITY - 1)` until episode e + capacity overwrites it. A reader keeps its
 * own position and runs at most `EPISODE_LOG_CAPACITY` episodes between reads (the loops'
 * `maxEpisodes`) to see every one.
 */
export interface EpisodeLog {
  returns: Float64Array;
  lengths: Int32Array;
  /** 1 when the episode reached a goal. */
  reachedGoal: Uint8Array;
}

/** Episodes the ring buffer holds (a power of two). */
export const EPISODE_LOG_CAPACITY = 4096;

/** A learner and its environment, with all the mutable state of a run. */
export interface QAgent {
  /**
   * The environment. Replaced between steps by a live change of rewards or success rate
   * (`replay.ts` `applyEnvChange`, which also drops `fastTables`); the map and time limit never change.
   */
  env: IceMazeEnv;
  /** Live hyperparameters: changes act from the next step; `epsilon` here is the starting ε. */
  params: QParams;
  /** Exploration rule, step-size schedule, Q₀ and the other algorithms' knobs (live, like `params`). */
  options: LearnerOptions;
  /** What algorithms beyond one-step TD keep (two tables, traces, a model, the episode). */
  readonly memory: LearnerMemory;
  /** Q(s, a) = q[s * 4 + a]. */
  readonly q: Float64Array;
  /** Generator state (xoshiro128**). */
  readonly rng: RngState;
  /** Current ε (decays every step; settable). */
  epsilon: number;
  /** Current state. */
  state: number;
  /** Steps taken in the current episode. */
  t: number;
  /** Episodes finished. */
  episode: number;
  /** Steps (updates) taken in all. */
  totalSteps: number;
  /** Visits N(s, a): how often each pair was updated. */
  readonly visits: Float64Array;
  /** The latest TD error of each pair (0 before its first update). */
  readonly tdErrors: Float64Array;
  /**
   * Episodes finished when the greedy policy was last seen to change: an update changed some greedy
   * set G(s) (`greedySetChanged`) during episode `greedyStableSince − 1` (0-based), and in none
   * since. 0 while no update has changed one. Checked after every update, so exact.
   */
  greedyStableSince: number;
  /** The episode under way. */
  current: Trajectory;
  /** The last finished episode (length 0 before the first one ends). */
  previous: Trajectory;
  readonly last: LastUpdate;
  readonly log: EpisodeLog;
  /**
   * The action chosen ahead for the current state by an algorithm that carries it (SARSA's a′;
   * see `ChosenAction.atStep`). Code that moves the agent by hand (sets `state` without a step)
   * sets `nextAction.atStep = -1`.
   */
  readonly nextAction: ChosenAction;
  /** The a′ the last update's bootstrap drew (SARSA); −1 for the other algorithms or a terminal s′. */
  bootstrapAction: number;
  /** The fast loop's working copy of the tables (`fast-loop.ts`); null until its first call. */
  fastTables: FastTables | null;
}

/**
 * The fast loop's working copy, laid out so that one index reaches everything a step touches
 * (`fast-loop.ts` writes and reads it; nothing else does). Q, N and δ are copied in at the start of
 * each call and out at its end, so between calls `q`, `visits` and `tdErrors` are the truth.
 */
export interface FastTables {
  /** Per pair (s, a), 8 doubles from `(s << 5) | (a << 3)`. */
  readonly f: Float64Array;
  /** Per pair (s, a), 4 packed outcomes from `(s << 4) | (a << 2)`. */
  readonly g: Int32Array;
}

/**
 * A learner at the start of a run, ready for any algorithm: Q = Q₀ off the terminal states (0 on
 * them: a hole or the goal is worth nothing after it, and the lesson's target reads their rows),
 * ε at its start.
 */
export function createAgent(
  env: IceMazeEnv,
  params: Partial<QParams> = {},
  seed: number | RngState = 0,
  options: Partial<LearnerOptions> = {},
): QAgent {
  const p: QParams = { ...LESSON_PARAMS, ...params };
  const o = learnerOptions(options);
  const n = env.nS * env.nA;
  const q = new Float64Array(n);
  if (o.initialQ !== 0)
    for (let s = 0; s < env.nS; s++) if (!env.terminal[s]) q.fill(o.initialQ, s * 4, s * 4 + 4);
  return {
    env,
    params: p,
    options: o,
    memory: createLearnerMemory(env, q),
    q,
    rng: typeof seed === 'number' ? createRngState(seed) : Uint32Array.from(seed),
    epsilon: p.epsilon,
    state: env.start,
    t: 0,
    episode: 0,
    totalSteps: 0,
    visits: new Float64Array(n),
    tdErrors: new Float64Array(n),
    greedyStableSince: 0,
    current: createTrajectory(env.maxSteps, 0),
    previous: createTrajectory(env.maxSteps, -1),
    last: {
      ...createTdUpdate(),
      valid: false,
      state: env.start,
      action: 0,
      explored: false,
      direction: 0,
      nextState: env.start,
      reward: 0,
      epsilon: p.epsilon,
      epsilonAfter: p.epsilon,
      alpha: p.alpha,
      gamma: p.gamma,
      terminated: false,
      truncated: false,
      episode: 0,
      t: 0,
    },
    log: {
      returns: new Float64Array(EPISODE_LOG_CAPACITY),
      lengths: new Int32Array(EPISODE_LOG_CAPACITY),
      reachedGoal: new Uint8Array(EPISODE_LOG_CAPACITY),
    },
    nextAction: createChosenAction(p.epsilon),
    bootstrapAction: -1,
    fastTables: null,
  };
}

/**
 * Closes the current episode (its `length` and `return` already set): writes its return, length
 * and goal flag into the episode log, swaps `current` and `previous` (no allocation) and returns
 * the fresh current trajectory. Called once per episode by every loop.
 */
export function finishEpisode(agent: QAgent, terminated: boolean, lastState: number): Trajectory {
  const done = agent.current;
  done.terminated = terminated;
  done.truncated = !terminated;
  const slot = done.episode & (EPISODE_LOG_CAPACITY - 1);
  agent.log.returns[slot] = done.return;
  agent.log.lengths[slot] = done.length;
  agent.log.reachedGoal[slot] = agent.env.goal[lastState]!;
  const next = agent.previous;
  agent.previous = done;
  agent.current = next;
  next.episode = done.episode + 1;
  next.length = 0;
  next.return = 0;
  next.terminated = false;
  next.truncated = false;
  return next;
}

/** Sets learner options from the next step on (Q₀ only acts at `createAgent`). */
export function setLearnerOptions(agent: QAgent, options: Partial<LearnerOptions>): void {
  agent.options = { ...agent.options, ...options };
}

/**
 * Q(s, a) ← value, keeping `greedyStableSince` exact: for an update outside the loop's own pair
 * (a trace, a planning update, a Monte Carlo return, Double Q's mean).
 */
export function writeQ(agent: QAgent, s: number, a: number, value: number): void {
  const sa = s * 4 + a;
  const before = agent.q[sa]!;
  agent.q[sa] = value;
  if (greedySetChanged(agent.q, s, a, before)) agent.greedyStableSince = agent.current.episode + 1;
}

/** Sets hyperparameters from the next step on; Q, ε and the episode are kept. */
export function setParams(agent: QAgent, params: Partial<QParams>): void {
  agent.params = { ...agent.params, ...params };
}
