/**
 * How an agent explores and how big its steps are, beside the lesson's α, γ and ε (`QParams`), and
 * the knobs of the algorithms that keep more than Q (traces, a model, whole episodes). Plain data:
 * the readable loop reads them once per call, so a change acts from the next call, like `QParams`.
 *
 * The defaults are the lesson's: ε-greedy behaviour, a constant α and Q₀ = 0, under which every
 * algorithm makes exactly the draws and the updates it made before these options existed.
 */
import { describeValue } from './params';
import { checkNumber, checkSwitch } from './parse-values';

import {
  ALPHA_SCHEDULES,
  DEFAULT_LEARNER_OPTIONS,
  EXPLORATIONS,
  LEARNER_LIMITS,
  TRACE_KINDS,
  type AlphaSchedule,
  type Exploration,
  type LearnerOptions,
  type TraceKind,
} from './learner-values';

// The values live in `learner-values.ts` (the page's first download reads them); the core and
// the scripts import them from here, beside the checks.
export {
  ALPHA_SCHEDULES,
  DEFAULT_LEARNER_OPTIONS,
  EXPLORATIONS,
  LEARNER_LIMITS,
  TRACE_KINDS,
  type AlphaSchedule,
  type Exploration,
  type LearnerOptions,
  type TraceKind,
};

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
