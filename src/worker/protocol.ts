/**
 * The typed messages between the page and the training worker. Types only: both sides switch on
 * `type` exhaustively (`assertNever` in the default branch).
 */
import type { DecodedTrajectory } from '../rl/trajectory';
import type { RewardSchedule } from '../rl/env';
import type { QParams } from '../rl/params';
import type { StepRecord } from '../rl/step-record';
import type { EnvChange, ParamChangeRecord, RunRecord, RunSettings } from '../rl/replay';
import type { ConvergenceReport } from '../rl/convergence';
import type { Algorithm } from '../rl/algorithms/registry';
import type { LiveLearnerChange } from '../rl/learner-options';
import type { LearnerOptions } from '../rl/learner-values';

export type { EnvChange, LiveLearnerChange, ParamChangeRecord, RunRecord, RunSettings };

/** Live hyperparameter changes; `epsilon` sets the current ε (not only the starting one). */
export type ParamChange = Partial<QParams>;

/** Steps per second, or `'max'` for as fast as the worker can go. */
export type Speed = number | 'max';

/** Page → worker. */
export type TrainerCommand =
  /** Build the environment and a fresh agent (Q = 0); the worker answers `ready` or `error`. */
  | { type: 'init'; settings: RunSettings }
  | { type: 'play' }
  | { type: 'pause' }
  /** Exactly one environment step and one Q update. */
  | { type: 'step' }
  /** Run until the current episode ends. */
  | { type: 'step-episode' }
  /** Same settings, Q back to 0, ε back to its start, same seed. */
  | { type: 'reset' }
  | { type: 'set-params'; params: ParamChange }
  /**
   * The learner's live options (λ, traces, n, exploration, τ, c, α schedule) from the next step,
   * Q kept, recorded like a slider's change and answered by `params-applied`. A new algorithm,
   * Q₀ or first visit takes a new run (`init`).
   */
  | { type: 'set-learner'; options: LiveLearnerChange }
  /**
   * New rewards and/or success rate from the next step, Q kept (the map, ice switch and time
   * limit stay); answered by `params-applied` with the change's `env` and a new `optimum`.
   */
  | { type: 'set-env'; change: EnvChange }
  | { type: 'set-speed'; speed: Speed }
  /** The page drew the last snapshot and can take the next one (backpressure). */
  | { type: 'request-snapshot' }
  /** Run one episode of the greedy (target) policy without learning; answered by `greedy-episode`. */
  | { type: 'run-greedy-episode' }
  /** Keep a frame every `frameInterval` episodes from now on (the run goes on). */
  | { type: 'set-frame-interval'; frameInterval: number }
  /**
   * Start a run from a record and train it, with its changes, to its `totalSteps`: the state is
   * bit-identical to the recorded run's (an imported run, or a restart after a worker fault).
   */
  | { type: 'replay'; record: RunRecord }
  /** Drop the replay under way (answered by `replay-cancelled`); the run on screen stays as it was. */
  | { type: 'cancel-replay' }
  /** Are you there? Answered by `pong` with the same id. */
  | { type: 'ping'; id: number };

/** A trajectory as plain arrays (copies, never the live buffers): the core's decoded form. */
export type TrajectoryData = DecodedTrajectory;

/** The last update in the lesson's words: the core's `StepRecord`, plus the run's step count. */
export type UpdateData = StepRecord & {
  /** Total steps after this update. */
  totalSteps: number;
  /** What the step did in its algorithm's own terms (absent in a snapshot of an older worker). */
  learner?: LearnerStepFacts;
};

/**
 * The last step in its algorithm's terms, beside the one-step record: what the inspector writes
 * for SARSA's a′, Expected SARSA's expectation, Double Q's two tables, the traces, the planning
 * updates and Monte Carlo's return. Every field is set for every algorithm (numbers, no copies of
 * tables), read where the algorithm uses it.
 */
export interface LearnerStepFacts {
  algorithm: Algorithm;
  /** Q(s′, a) for a = 0…3 before the update (the values the bootstrap read; Q₁'s for Double Q). */
  nextValues: number[];
  /** ε after the step's decay, the ε of Expected SARSA's policy at s′. */
  epsilonNext: number;
  /** The behaviour rule the step's bootstrap and choice used. */
  exploration: LearnerOptions['exploration'];
  /**
   * Expected SARSA under softmax or UCB: π(a | s′) for a = 0…3, the policy its bootstrap averaged
   * Q(s′, ·) over (UCB's is one action's 1); absent otherwise (ε-greedy's is written from ε′).
   */
  nextPolicy?: number[];
  /** Softmax's temperature τ and UCB's constant c, as the step used them (under that rule). */
  temperature?: number;
  ucbC?: number;
  /** SARSA, SARSA(λ), Q(λ): the a′ the step drew (taken next); −1 when s′ ended the episode. */
  nextAction: number;
  /** Double Q: the table the step updated (0: Q₁, 1: Q₂), and argmax_a′ of that table at s′. */
  table: number;
  tableGreedy: number;
  /** SARSA(λ), Q(λ): e(s, a) at the update, λ, and whether Q(λ) cut every trace after it. */
  trace: number;
  lambda: number;
  cut: boolean;
  /** Dyna-Q: planning updates per real step, and in all so far. */
  planningSteps: number;
  planningUpdates: number;
  /** Monte Carlo, at an episode's end: r₁ … r_T of the episode, G₀, and the pairs updated. */
  episodeRewards: number[];
  episodeReturn: number;
  returnUpdates: number;
}

/** Finished episodes since the previous snapshot (the most recent `EPISODE_LOG_CAPACITY`). */
export interface EpisodeBatch {
  /** Episode index of the first entry. */
  first: number;
  returns: Float64Array;
  lengths: Int32Array;
  reachedGoal: Uint8Array;
  /** Episodes that ended since the previous snapshot but did not fit (0 unless the page lagged far behind). */
  dropped: number;
}

/** Running statistics of the run. */
export interface RunStats {
  /** Episodes that reached the goal, in all. */
  successes: number;
  /** Success rate over the last `window` finished episodes (NaN before the first). */
  recentSuccessRate: number;
  /** Mean episode length over the same window. */
  recentMeanLength: number;
  /** Mean steps of the goal-reaching episodes in the window (NaN if none). */
  recentMeanStepsToGoal: number;
  window: number;
  /**
   * Steps per second the worker ran over the last second of running; 0 whenever the loop is not
   * running (`Snapshot.running` false: paused, stepped, finished), so a speed is never shown
   * after the run that had it.
   */
  stepsPerSecond: number;
}

/** The exact evaluation of the current greedy policy. */
export interface GreedyEvaluation {
  successProbability: number;
  expectedLength: number;
  /** E[steps | the goal is reached within the limit] (NaN if it never is). */
  expectedStepsToGoal: number;
  /**
   * The episode count it is exact at: the current one whenever the greedy policy is the one
   * evaluated, and always when the loop is not running; while running, a changed policy waits
   * for the next affordable evaluation and the previous one keeps its own count.
   */
  episode: number;
}

/** One picture of the learner, sent at most once per frame the page draws. */
export interface Snapshot {
  /** Increases with every snapshot of a run. */
  seq: number;
  /** Increases with every `init` / `reset`; a snapshot of an older run is stale. */
  runId: number;
  running: boolean;
  /** Play stopped because the episode budget was reached. */
  finished: boolean;
  speed: Speed;
  episode: number;
  totalSteps: number;
  /** Current ε. */
  epsilon: number;
  /** The agent's current state and step within the episode. */
  state: number;
  t: number;
  params: QParams;
  /** Q(s, a) = q[s * 4 + a], a copy. */
  q: Float64Array;
  /** V(s) = max_a Q(s, a). */
  v: Float64Array;
  /** A(s, a) = Q(s, a) − V(s). */
  advantage: Float64Array;
  /** Bit a set when a is a greedy action of s (ties all set). */
  greedyMask: Uint8Array;
  /** N(s, a), updates per pair. */
  visits: Float64Array;
  /** Latest TD error per pair. */
  tdErrors: Float64Array;
  current: TrajectoryData;
  previous: TrajectoryData | null;
  last: UpdateData | null;
  episodes: EpisodeBatch;
  stats: RunStats;
  evaluation: GreedyEvaluation;
  /**
   * The same exact evaluation's expected return of an episode under the reward schedule,
   * undiscounted, within the time limit: Σ over tiles entered of their reward, in expectation.
   */
  greedyReturn?: number;
  /** Frames kept since the previous snapshot, oldest first (one per `frameInterval` episodes). */
  frames: Frame[];
  /** Has the greedy policy settled, and is it the optimal one (see `rl/convergence`)? */
  convergence: ConvergenceReport;
  /** The algorithm the run learns with (absent: Q-learning, as before the lab could pick). */
  algorithm?: Algorithm;
  /** What that algorithm keeps besides Q, for the page to draw (absent for one-step TD). */
  memory?: MemoryView;
}

/**
 * Copies of an algorithm's memory beyond Q (`rl/learner-memory.ts`), only the parts its algorithm
 * uses; each array laid out as that file says.
 */
export interface MemoryView {
  /** Double Q-learning: Q₁ and Q₂ (nS·4 each, as Q). */
  tables?: [Float64Array, Float64Array];
  /** SARSA(λ) and Q(λ): the eligibility traces e(s, a) at s·4 + a. */
  traces?: Float64Array;
  /** Dyna-Q's learned model, at outcome index (s·4 + a)·3 + k, and its planning updates so far. */
  model?: {
    counts: Float64Array;
    rewards: Float64Array;
    next: Int32Array;
    planningUpdates: number;
  };
  /** Monte Carlo: G₀ of the last finished episode and the pairs its end updated. */
  returns?: { lastReturn: number; updates: number };
}

/** What the page needs to know about the environment, sent once per `init`. */
export interface EnvInfo {
  desc: string[];
  nrow: number;
  ncol: number;
  nS: number;
  start: number;
  maxSteps: number;
  isSlippery: boolean;
  successRate: number;
  /** Rewards for entering a goal, a hole, a frozen tile. */
  rewardSchedule: RewardSchedule;
}

/** The optimum for the environment and the run's γ (value iteration), and the time-limit ceiling. */
export interface OptimumInfo {
  gamma: number;
  q: Float64Array;
  v: Float64Array;
  policy: Int8Array;
  /** Exact success probability of the γ-optimal policy within the time limit. */
  successProbability: number;
  /** Best success probability within the time limit over all policies. */
  bestWithinLimit: number;
}

/** V, Q, A and the last trajectory after an episode, as the lesson saves every `save_interval`. */
export interface Frame {
  runId: number;
  /** The episode just finished, 0-based as the lesson prints it. */
  episode: number;
  totalSteps: number;
  epsilon: number;
  q: Float64Array;
  v: Float64Array;
  advantage: Float64Array;
  greedyMask: Uint8Array;
  /** That episode's trajectory. */
  trajectory: TrajectoryData;
  /** Exact success probability of the greedy policy at that moment. */
  successProbability: number;
}

/** Worker → page. */
export type TrainerEvent =
  | {
      type: 'ready';
      runId: number;
      env: EnvInfo;
      /** The settings in force (with the live hyperparameters). */
      settings: RunSettings;
      /** How the run started and the changes so far (non-empty after a replay). */
      record: Omit<RunRecord, 'totalSteps'>;
      optimum: OptimumInfo;
    }
  | { type: 'snapshot'; snapshot: Snapshot }
  /** The optimum changed (γ changed). */
  | { type: 'optimum'; optimum: OptimumInfo }
  /** A `set-params` or `set-env` took effect after `change.atStep` steps (the record of the run). */
  | { type: 'params-applied'; runId: number; change: ParamChangeRecord }
  | { type: 'pong'; id: number }
  /** A replay is under way (a long import): `steps` of the record's `totalSteps` so far. */
  | { type: 'replay-progress'; steps: number; totalSteps: number }
  /** The replay under way was dropped at `steps` of `totalSteps`; the run on screen is unchanged. */
  | { type: 'replay-cancelled'; steps: number; totalSteps: number }
  /** An episode of the target policy, counted apart from training. */
  | {
      type: 'greedy-episode';
      runId: number;
      trajectory: TrajectoryData;
      reachedGoal: boolean;
      /** Greedy episodes run and reached the goal in this run so far. */
      episodes: number;
      successes: number;
    }
  /**
   * A command was refused or the loop failed; `fatal` means the worker must be restarted.
   * `command` names the refused command's type when the refusal answers one (absent: a message
   * that could not be read, a command sent before any run, or a failure under way).
   */
  | { type: 'error'; message: string; fatal: boolean; command?: TrainerCommand['type'] };

/**
 * What a trainer needs from its host: a port, a clock and a timer. `Event` is what it posts (the
 * training worker's `TrainerEvent`, the comparison worker's own events). `training.worker.ts`
 * passes the real ones (`worker-host.ts`); tests pass a fake port with a manual clock.
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
  /** Logical processors of the machine (`navigator.hardwareConcurrency`), if known. */
  readonly cores?: number;
}

/** The `type` strings, for validation of untrusted messages. */
export const COMMAND_TYPES = [
  'init',
  'play',
  'pause',
  'step',
  'step-episode',
  'reset',
  'set-params',
  'set-learner',
  'set-env',
  'set-speed',
  'request-snapshot',
  'run-greedy-episode',
  'set-frame-interval',
  'replay',
  'cancel-replay',
  'ping',
] as const satisfies readonly TrainerCommand['type'][];

/** Exhaustiveness guard for `switch (msg.type)`. */
export function assertNever(x: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(x)}`);
}
