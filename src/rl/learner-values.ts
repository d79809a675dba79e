/**
 * The learner's options as values: their types, the lesson's defaults, the number options'
 * limits and the word options' words. Plain constants with nothing to run, apart from the checks
 * and helpers of `learner-options.ts`, so the page's first download can read a link's options
 * (`shared/url/learner-link.ts`) without taking in the code only workers and imports run.
 */
import type { Limit } from './params';

/** How the behaviour policy picks an action (see `exploration.ts`). */
export type Exploration = 'epsilon-greedy' | 'softmax' | 'ucb';
/** α constant, or 1/N(s, a) with N(s, a) the visits of the pair, this one included (`step-size.ts`). */
export type AlphaSchedule = 'constant' | 'visits';
/** e(s, a) ← 1 (replacing) or e(s, a) ← e(s, a) + 1 (accumulating) on a visit. */
export type TraceKind = 'replacing' | 'accumulating';

/** The learner's options beyond `QParams`. */
export interface LearnerOptions {
  /** The behaviour policy's rule (ε comes from `QParams` and decays as the lesson's). */
  exploration: Exploration;
  /** Softmax temperature τ: π(a | s) ∝ exp(Q(s, a) / τ). */
  temperature: number;
  /** UCB's constant c: a = argmax_a Q(s, a) + c·√(ln N(s) / N(s, a)). */
  ucbC: number;
  /** Q₀ of every pair of a non-terminal state (holes and goals stay 0: nothing follows them). */
  initialQ: number;
  /** α constant or 1/N(s, a). */
  alphaSchedule: AlphaSchedule;
  /** λ of SARSA(λ) and Q(λ): traces decay by γλ per step. */
  lambda: number;
  /** Replacing or accumulating traces. */
  traces: TraceKind;
  /** Dyna-Q's planning updates per real step, n. */
  planningSteps: number;
  /** Monte Carlo: update a pair at its first visit of an episode only (else every visit). */
  firstVisit: boolean;
}

/** The lesson's choices, and the usual textbook values for the rest. */
export const DEFAULT_LEARNER_OPTIONS: Readonly<LearnerOptions> = Object.freeze({
  exploration: 'epsilon-greedy',
  temperature: 0.1,
  ucbC: 0.5,
  initialQ: 0,
  alphaSchedule: 'constant',
  lambda: 0.9,
  traces: 'replacing',
  planningSteps: 5,
  firstVisit: false,
});

/** The number options' ranges, read by the command line and the page with `parseNumber`. */
export const LEARNER_LIMITS = {
  temperature: { label: 'Temperature τ', min: 0, max: 100, minExclusive: true },
  ucbC: { label: 'UCB constant c', min: 0, max: 100 },
  initialQ: { label: 'Initial Q', min: -100, max: 100 },
  lambda: { label: 'Trace decay λ', min: 0, max: 1 },
  planningSteps: { label: 'Planning steps n', min: 0, max: 1000, integer: true },
} as const satisfies Record<string, Limit>;

/** The exploration rules, in menu order. */
export const EXPLORATIONS: readonly Exploration[] = ['epsilon-greedy', 'softmax', 'ucb'];
/** The step-size schedules. */
export const ALPHA_SCHEDULES: readonly AlphaSchedule[] = ['constant', 'visits'];
/** The trace kinds. */
export const TRACE_KINDS: readonly TraceKind[] = ['replacing', 'accumulating'];
