/**
 * How an agent explores and how big its steps are, beside the lesson's α, γ and ε (`QParams`), and
 * the knobs of the algorithms that keep more than Q (traces, a model, whole episodes). Plain data:
 * the readable loop reads them once per call, so a change acts from the next call, like `QParams`.
 *
 * The defaults are the lesson's: ε-greedy behaviour, a constant α and Q₀ = 0, under which every
 * algorithm makes exactly the draws and the updates it made before these options existed.
 */
import { describeValue, type Limit } from './params';
import { checkNumber, checkSwitch } from './parse-values';

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

/** True for an exploration rule's name. */
export function isExploration(x: unknown): x is Exploration {
  return EXPLORATIONS.includes(x as Exploration);
}

/** True for a step-size schedule's name. */
export function isAlphaSchedule(x: unknown): x is AlphaSchedule {
  return ALPHA_SCHEDULES.includes(x as AlphaSchedule);
}

/** True for a trace kind's name. */
export function isTraceKind(x: unknown): x is TraceKind {
  return TRACE_KINDS.includes(x as TraceKind);
}

/** The defaults with `options` over them. */
export function learnerOptions(options: Partial<LearnerOptions> = {}): LearnerOptions {
  return { ...DEFAULT_LEARNER_OPTIONS, ...options };
}

/**
 * True when the options act as the lesson's loop does (ε-greedy, constant α); Q₀ and the other
 * algorithms' knobs change nothing there, so the fast Q-learning loop may run such an agent.
 */
export function actsAsLesson(options: LearnerOptions): boolean {
  return options.exploration === 'epsilon-greedy' && options.alphaSchedule === 'constant';
}

/**
 * The options a run may change while it trains, acting from the next step like a slider's α:
 * each is read afresh by every loop call. Q₀ acts only when Q is built and first-visit only at an
 * episode's end over the whole episode, so those two start a fresh run instead.
 */
export const LIVE_LEARNER_KEYS = [
  'exploration',
  'temperature',
  'ucbC',
  'alphaSchedule',
  'lambda',
  'traces',
  'planningSteps',
] as const satisfies readonly (keyof LearnerOptions)[];

/** A key of `LIVE_LEARNER_KEYS`. */
export type LiveLearnerKey = (typeof LIVE_LEARNER_KEYS)[number];

/** A live change of the learner's options (a run's record keeps it with its step). */
export type LiveLearnerChange = Partial<Pick<LearnerOptions, LiveLearnerKey>>;

/** True for an option a run may change while it trains. */
export function isLiveLearnerKey(key: string): key is LiveLearnerKey {
  return (LIVE_LEARNER_KEYS as readonly string[]).includes(key);
}

/** The words of each word option, for the refusal's list. */
const WORD_OPTIONS = {
  exploration: { label: 'Exploration', words: EXPLORATIONS },
  alphaSchedule: { label: 'Step size α', words: ALPHA_SCHEDULES },
  traces: { label: 'Traces', words: TRACE_KINDS },
} as const;

/**
 * Checks a partial set of learner options (from a record, a link or a message) with the core's
 * limits and readers (`LEARNER_LIMITS`, `checkNumber`, `checkSwitch`): the messages for every bad
 * field, empty when all are allowed. Unknown fields are named, so nothing typed is dropped; with
 * `liveOnly`, an option that only a fresh run can take (Q₀, first visit) is refused too.
 */
export function learnerOptionErrors(options: object, liveOnly = false): string[] {
  const errors: string[] = [];
  for (const [key, value] of Object.entries(options)) {
    if (liveOnly && !isLiveLearnerKey(key)) {
      errors.push(
        Object.prototype.hasOwnProperty.call(DEFAULT_LEARNER_OPTIONS, key)
          ? `"${key}" cannot change during a run; it takes a new run.`
          : `Unknown learner option "${key}".`,
      );
    } else if (Object.prototype.hasOwnProperty.call(LEARNER_LIMITS, key)) {
      const read = checkNumber(LEARNER_LIMITS[key as keyof typeof LEARNER_LIMITS], value);
      if (!read.ok) errors.push(read.error);
    } else if (Object.prototype.hasOwnProperty.call(WORD_OPTIONS, key)) {
      const { label, words } = WORD_OPTIONS[key as keyof typeof WORD_OPTIONS];
      if (!(words as readonly unknown[]).includes(value))
        errors.push(`${label} must be ${words.join(' or ')}; got ${describeValue(value)}.`);
    } else if (key === 'firstVisit') {
      const read = checkSwitch('First visit', value);
      if (!read.ok) errors.push(read.error);
    } else errors.push(`Unknown learner option "${key}".`);
  }
  return errors;
}
