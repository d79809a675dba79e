/**
 * The typed messages between the page and the comparison worker, which trains two to four learners
 * side by side on one environment, one seed and one ε schedule, and the limits both sides check
 * (agents, speed). Both sides switch on `type` exhaustively (`assertNever` from `protocol.ts` in
 * the default branch).
 */
import type { Limit } from '../rl/params';
import type { Algorithm } from '../rl/algorithms/registry';
import type { EnvInfo, RunSettings } from './protocol';

/** Speed of the algorithm comparison: episodes each agent trains per second (or full speed). */
export const COMPARE_SPEED_LIMIT = {
  label: 'Comparison speed (episodes per second)',
  min: 1,
  max: 1_000_000,
} as const satisfies Limit;

/** Comparison speed until the user picks one: slow enough to watch ε fall, fast enough to finish. */
export const DEFAULT_COMPARE_SPEED = 1000;

export type { Algorithm, EnvInfo, RunSettings };

/** How many agents a comparison trains: at least two, at most four. */
export const COMPARE_AGENTS = { min: 2, max: 4 } as const;

/** The algorithms compared, in order: two to four (the same one more than once is allowed). */
export type CompareAlgorithms = readonly Algorithm[];

/** Episodes per second each agent trains, or `'max'` for as fast as the worker can go. */
export type CompareSpeed = number | 'max';

/** Page → comparison worker. */
export type CompareCommand =
  /**
   * Build the environment and one fresh agent (Q = 0) per algorithm with the same settings and
   * seed; answered by `ready` and a snapshot, or `error` with nothing changed.
   */
  | { type: 'init'; settings: RunSettings; algorithms: CompareAlgorithms }
  /** Train every agent until each reached the next multiple of `settings.episodes`. */
  | { type: 'play' }
  | { type: 'pause' }
  /** Same settings and algorithms, every agent back to Q = 0. */
  | { type: 'reset' }
  | { type: 'set-speed'; speed: CompareSpeed }
  /** The page drew the last snapshot and can take the next one (backpressure). */
  | { type: 'request-snapshot' };

/** One point of a learner's curves, taken every `curveInterval` episodes. */
export interface CompareCurvePoint {
  /** Episodes finished. */
  episode: number;
  /** Share of the last `window` episodes that reached the goal. */
  movingSuccessRate: number;
  /** Exact probability that the greedy policy of Q reaches the goal within the time limit. */
  successProbability: number;
  /** V(start) = max_a Q(start, a). */
  startValue: number;
  /** ε at that moment. */
  epsilon: number;
}

/** One learner's picture in a comparison snapshot. */
export interface CompareAgentSnapshot {
  algorithm: Algorithm;
  episode: number;
  totalSteps: number;
  epsilon: number;
  /** Q(s, a) = q[s * 4 + a], a copy. */
  q: Float64Array;
  /** V(s) = max_a Q(s, a). */
  v: Float64Array;
  /** Bit a set when a is a greedy action of s (ties all set). */
  greedyMask: Uint8Array;
  /** V(start) = max_a Q(start, a): the value of acting greedily from the start. */
  startValue: number;
  /**
   * Σ_a π_ε(a | start) · Q(start, a) = ε/4 · Σ_a Q(start, a) + (1 − ε) · V(start): the value of
   * the start under the ε-greedy policy being followed, as this Q estimates it.
   */
  startBehaviourValue: number;
  /** Success rate over the last `window` finished episodes (NaN before the first). */
  recentSuccessRate: number;
  window: number;
  /** Episodes that reached the goal, in all. */
  successes: number;
  /** Exact success probability of the current greedy policy within the time limit. */
  successProbability: number;
  /** Curve points since the previous snapshot, oldest first. */
  points: CompareCurvePoint[];
}

/** Every learner at one moment. */
export interface CompareSnapshot {
  /** Increases with every snapshot. */
  seq: number;
  /** Increases with every `init` / `reset`; a snapshot of an older run is stale. */
  runId: number;
  running: boolean;
  /** Play stopped because every agent reached the episode budget. */
  finished: boolean;
  /** Where the current Play stops (every agent), in episodes. */
  targetEpisode: number;
  speed: CompareSpeed;
  /** One per algorithm, in the run's order. */
  agents: readonly CompareAgentSnapshot[];
}

/** The truth every learner is measured against (value iteration for the run's γ). */
export interface CompareOptimum {
  gamma: number;
  /** V*(start). */
  startValue: number;
  /** Exact success probability of the γ-optimal policy within the time limit. */
  successProbability: number;
  /** Best success probability within the time limit over all policies. */
  bestWithinLimit: number;
}

/** Comparison worker → page. */
export type CompareEvent =
  | {
      type: 'ready';
      runId: number;
      env: EnvInfo;
      settings: RunSettings;
      algorithms: CompareAlgorithms;
      optimum: CompareOptimum;
      /** A curve point is taken every this many episodes. */
      curveInterval: number;
      /** Episodes the moving success rate averages over. */
      window: number;
    }
  | { type: 'snapshot'; snapshot: CompareSnapshot }
  /** A command was refused or the loop failed; `fatal` means the worker must be restarted. */
  | { type: 'error'; message: string; fatal: boolean; command?: string };

/** The command `type` strings, for validation of untrusted messages. */
export const COMPARE_COMMAND_TYPES = [
  'init',
  'play',
  'pause',
  'reset',
  'set-speed',
  'request-snapshot',
] as const satisfies readonly CompareCommand['type'][];
