/**
 * The learner's flags every training script shares (`train`, `compare`, the algorithm table):
 * exploration, step size, Q₀ and the algorithms' own knobs, read into `LearnerOptions` with the
 * core's limits and parsers, so a bad value is refused with the same reason as elsewhere.
 */
import { isAlphaSchedule, isExploration, isTraceKind } from '../src/rl/learner-options';
import {
  ALPHA_SCHEDULES,
  DEFAULT_LEARNER_OPTIONS,
  EXPLORATIONS,
  LEARNER_LIMITS,
  TRACE_KINDS,
  type LearnerOptions,
} from '../src/rl/learner-values';
import { booleanFlag, numberFlag, UsageError } from './cli';

/** The learner's flags. */
export const LEARNER_FLAGS = [
  'exploration',
  'temperature',
  'ucb-c',
  'initial-q',
  'alpha-schedule',
  'lambda',
  'traces',
  'planning-steps',
  'first-visit',
] as const;

/** A word flag that must be one of `words`, or the fallback when absent. */
function wordFlag<T extends string>(
  flags: Map<string, string>,
  name: string,
  words: readonly T[],
  is: (x: unknown) => x is T,
  fallback: T,
): T {
  const raw = flags.get(name) ?? fallback;
  if (!is(raw)) throw new UsageError(`--${name} must be ${words.join(' or ')}; got "${raw}".`);
  return raw;
}

/** Reads the learner's flags (absent ones take `DEFAULT_LEARNER_OPTIONS`). */
export function learnerOptionsFromFlags(flags: Map<string, string>): LearnerOptions {
  const d = DEFAULT_LEARNER_OPTIONS;
  return {
    exploration: wordFlag(flags, 'exploration', EXPLORATIONS, isExploration, d.exploration),
    temperature: numberFlag(flags, 'temperature', LEARNER_LIMITS.temperature, d.temperature),
    ucbC: numberFlag(flags, 'ucb-c', LEARNER_LIMITS.ucbC, d.ucbC),
    initialQ: numberFlag(flags, 'initial-q', LEARNER_LIMITS.initialQ, d.initialQ),
    alphaSchedule: wordFlag(
      flags,
      'alpha-schedule',
      ALPHA_SCHEDULES,
      isAlphaSchedule,
      d.alphaSchedule,
    ),
    lambda: numberFlag(flags, 'lambda', LEARNER_LIMITS.lambda, d.lambda),
    traces: wordFlag(flags, 'traces', TRACE_KINDS, isTraceKind, d.traces),
    planningSteps: numberFlag(
      flags,
      'planning-steps',
      LEARNER_LIMITS.planningSteps,
      d.planningSteps,
    ),
    firstVisit: booleanFlag(flags, 'first-visit', 'First visit', d.firstVisit),
  };
}
