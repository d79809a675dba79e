/**
 * The learner's hyperparameters, the lesson's values of them, and the one place numeric limits
 * live: every hyperparameter and run setting is checked here, by the command line, the worker,
 * the URL parser and the sliders alike.
 */
import { DEFAULT_REWARD_SCHEDULE, MAX_TIME_LIMIT, type RewardSchedule } from './env-basics';

/** How the greedy action is chosen when several actions share the maximum. */
export type TieBreak = 'first' | 'random';

/** Hyperparameters of the learner. `epsilon` is the value at the start of a run. */
export interface QParams {
  /** Learning rate α ∈ (0, 1]. */
  alpha: number;
  /** Discount γ ∈ [0, 1]. */
  gamma: number;
  /** Exploration rate ε ∈ [0, 1] at the start. */
  epsilon: number;
  /** Subtracted from ε after every step (linear decay), ≥ 0. */
  epsilonDecay: number;
  /** Floor of ε, in [0, 1]. */
  minEpsilon: number;
  /** Tie rule of the greedy action. */
  tieBreak: TieBreak;
}

/** The lesson's hyperparameters. */
export const LESSON_PARAMS: Readonly<QParams> = Object.freeze({
  alpha: 0.1,
  gamma: 0.99,
  epsilon: 1.0,
  epsilonDecay: 0.0001,
  minEpsilon: 0.01,
  tieBreak: 'first',
});

/** The lesson's number of episodes. */
export const LESSON_EPISODES = 10_000;

/** The lesson's `save_interval`: a frame every this many episodes. */
export const LESSON_FRAME_INTERVAL = 1_000;

/** Inclusive/exclusive bounds of a numeric setting and how to describe it to a person. */
export interface Limit {
  /** Label as the UI writes it. */
  label: string;
  min: number;
  max: number;
  /** When true the minimum itself is not allowed (α must be above 0). */
  minExclusive?: boolean;
  /** Whole numbers only. */
  integer?: boolean;
}

/** Limits of the learner's hyperparameters. */
export const PARAM_LIMITS = {
  alpha: { label: 'Learning rate α', min: 0, max: 1, minExclusive: true },
  gamma: { label: 'Discount γ', min: 0, max: 1 },
  epsilon: { label: 'Exploration ε', min: 0, max: 1 },
  epsilonDecay: { label: 'ε decay', min: 0, max: 1 },
  minEpsilon: { label: 'Minimum ε', min: 0, max: 1 },
} as const satisfies Record<Exclude<keyof QParams, 'tieBreak'>, Limit>;

/** Limits of run settings. */
export const RUN_LIMITS = {
  episodes: { label: 'Episodes', min: 1, max: 100_000_000, integer: true },
  seed: { label: 'Seed', min: 0, max: 2 ** 32 - 1, integer: true },
  maxSteps: { label: 'Time limit', min: 1, max: MAX_TIME_LIMIT, integer: true },
  speed: { label: 'Speed (steps per second)', min: 1, max: 1_000_000 },
  successRate: { label: 'Success rate of a move', min: 0, max: 1 },
  frameInterval: { label: 'Frame interval', min: 1, max: 100_000_000, integer: true },
} as const satisfies Record<string, Limit>;

/**
 * Limits of each reward of a schedule (Gymnasium's `reward_schedule` takes any numbers). ±100 holds
 * every schedule a class tries (the goal's 1, a hole's −1, a step's −0.01) with room to spare, and
 * keeps returns and Q-values far from where doubles lose the small rewards beside the large ones.
 */
export const REWARD_LIMITS = {
  goal: { label: 'Reward for the goal', min: -100, max: 100 },
  hole: { label: 'Reward for a hole', min: -100, max: 100 },
  frozen: { label: 'Reward for a frozen tile', min: -100, max: 100 },
} as const satisfies Record<string, Limit>;

/**
 * The reward schedule of a run's settings (or anything that may carry one): its own, or
 * Gymnasium's (1, 0, 0) when it has none, as in records made before schedules could be set.
 */
export function settingsRewards(settings: { rewardSchedule?: RewardSchedule }): RewardSchedule {
  return settings.rewardSchedule ?? DEFAULT_REWARD_SCHEDULE;
}

/** The rewards of a schedule in Gymnasium's order (goal, hole, frozen), with their limits. */
export const REWARD_ORDER = ['goal', 'hole', 'frozen'] as const;

/**
 * Limits of a random map (Gymnasium's `generate_random_map(size, p)`). p stops at 0.5: below it a
 * 12x12 map whose goal is reachable takes thousands of draws (p 0.4: 35 ms on average, 0.3:
 * minutes), and the generator draws until one is.
 */
export const RANDOM_MAP_LIMITS = {
  size: { label: 'Random map size', min: 2, max: 12, integer: true },
  p: { label: 'Frozen probability p', min: 0.5, max: 1 },
  seed: { ...RUN_LIMITS.seed, label: 'Map seed' },
} as const satisfies Record<string, Limit>;

/** Describes the allowed range, e.g. "from 0 to 1" or "above 0 and at most 1". */
export function describeLimit(limit: Limit): string {
  const lo = limit.minExclusive ? `above ${limit.min}` : `from ${limit.min}`;
  const hi = limit.minExclusive ? `at most ${limit.max}` : `to ${limit.max}`;
  return `${limit.integer ? 'a whole number ' : ''}${lo}${limit.minExclusive ? ' and' : ''} ${hi}`;
}

/** `null` if `value` is allowed, else a message naming the setting and its range. */
export function checkLimit(limit: Limit, value: unknown): string | null {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (limit.minExclusive ? value > limit.min : value >= limit.min) &&
    value <= limit.max &&
    (!limit.integer || Number.isInteger(value));
  return ok ? null : `${limit.label} must be ${describeLimit(limit)}; got ${describeValue(value)}.`;
}

/**
 * A value as a message shows it. Never throws: an object from untrusted JSON may have a
 * `toString` that is not a function (`{"toString": 0}`), so objects are only named.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value.toString()}n`;
  return String(value);
}

/** Every run setting outside its limits (episodes, seed, time limit, success rate, frame interval). */
export function runSettingErrors(
  settings: Partial<Record<keyof typeof RUN_LIMITS, unknown>>,
): string[] {
  const errors: string[] = [];
  for (const key of ['episodes', 'seed', 'maxSteps', 'successRate', 'frameInterval'] as const) {
    const e = checkLimit(RUN_LIMITS[key], settings[key]);
    if (e) errors.push(e);
  }
  return errors;
}

/** True for a tie rule name. */
export function isTieBreak(x: unknown): x is TieBreak {
  return x === 'first' || x === 'random';
}

/**
 * Checks a partial set of hyperparameters. Returns the messages for every bad field (empty when
 * all are allowed); unknown fields are reported too, so nothing typed is silently dropped.
 */
export function paramErrors(params: object): string[] {
  const errors: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (key === 'tieBreak') {
      if (!isTieBreak(value))
        errors.push(`Tie rule must be "first" or "random"; got ${describeValue(value)}.`);
    } else if (Object.prototype.hasOwnProperty.call(PARAM_LIMITS, key)) {
      const e = checkLimit(PARAM_LIMITS[key as keyof typeof PARAM_LIMITS], value);
      if (e) errors.push(e);
    } else errors.push(`Unknown setting "${key}".`);
  }
  return errors;
}

/**
 * The limit of a guided-lesson chapter number in a link: a whole number from 1 to the number of
 * chapters (`count`, which the lesson's data knows; without it, any whole number from 1).
 */
export function lessonChapterLimit(count = Number.MAX_SAFE_INTEGER): Limit {
  return { label: 'Lesson chapter', min: 1, max: count, integer: true };
}
