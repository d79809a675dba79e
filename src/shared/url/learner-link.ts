/**
 * The learner in a link: `algorithm=dyna-q&planning=10`, `algorithm=sarsa-lambda&lambda=0.5`,
 * `explore=softmax&tau=0.05`. Each value is read with the core's limits and readers
 * (`LEARNER_LIMITS`, `rl/parse-values` through `link-values`), so a link refuses what an import and
 * the command line refuse, with the same reason; an option equal to the lesson's is not written.
 * Names only: the algorithms' code is not loaded to read a link (`rl/algorithm-names.ts`).
 */
import { algorithmNameError, DEFAULT_ALGORITHM, isAlgorithmName } from '../../rl/algorithm-names';
import type { Algorithm } from '../../rl/algorithms/registry';
import {
  ALPHA_SCHEDULES,
  DEFAULT_LEARNER_OPTIONS,
  EXPLORATIONS,
  LEARNER_LIMITS,
  TRACE_KINDS,
  type LearnerOptions,
} from '../../rl/learner-options';
import type { Limit } from '../../rl/params';
import { parseSwitch, type ValueResult } from '../../rl/parse-values';
import { limitedNumber } from './link-values';

/** The link's key of each learner option, in the order a link writes them. */
const OPTION_KEYS = {
  explore: 'exploration',
  tau: 'temperature',
  ucb_c: 'ucbC',
  q0: 'initialQ',
  alpha_schedule: 'alphaSchedule',
  lambda: 'lambda',
  traces: 'traces',
  planning: 'planningSteps',
  first_visit: 'firstVisit',
} as const satisfies Record<string, keyof LearnerOptions>;

/** A learner option a link can set. */
type OptionName = (typeof OPTION_KEYS)[keyof typeof OPTION_KEYS];

/** The link's learner keys, in the order a serialized link writes them. */
export const LEARNER_URL_KEYS = [
  'algorithm',
  ...(Object.keys(OPTION_KEYS) as (keyof typeof OPTION_KEYS)[]),
] as const;

/** A learner key of a link. */
export type LearnerUrlKey = (typeof LEARNER_URL_KEYS)[number];

/** True for a learner key of a link. */
export function isLearnerUrlKey(key: string): key is LearnerUrlKey {
  return (LEARNER_URL_KEYS as readonly string[]).includes(key);
}

/** What a link's learner keys set: the algorithm and the options it names. */
export interface LinkLearner {
  algorithm?: Algorithm;
  learner?: Partial<LearnerOptions>;
}

/** One word of `words`, or the refusal naming them. */
function word<T extends string>(label: string, words: readonly T[], value: string): ValueResult<T> {
  return (words as readonly string[]).includes(value)
    ? { ok: true, value: value as T }
    : { ok: false, error: `${label} must be ${words.join(', ')}.` };
}

/** A number allowed by `limit`, read as every link number is (`limitedNumber`). */
function number(limit: Limit, raw: string): ValueResult<number> {
  const read = limitedNumber(limit, raw);
  return typeof read === 'number' ? { ok: true, value: read } : { ok: false, error: read };
}

/** The value of one learner option as a link writes it, or the reason it was refused. */
function optionValue(name: OptionName, raw: string): ValueResult<LearnerOptions[OptionName]> {
  const value = raw.trim();
  switch (name) {
    case 'exploration':
      return word('Exploration', EXPLORATIONS, value);
    case 'alphaSchedule':
      return word('Step size α', ALPHA_SCHEDULES, value);
    case 'traces':
      return word('Traces', TRACE_KINDS, value);
    case 'firstVisit':
      return parseSwitch('First visit', raw);
    default:
      return number(LEARNER_LIMITS[name], raw);
  }
}

/**
 * Reads one learner key's value into `target` (its `learner` replaced by a copy with the value),
 * or returns the reason it was refused, and then `target` is unchanged.
 */
export function readLearnerKey(
  key: LearnerUrlKey,
  raw: string,
  target: LinkLearner,
): string | null {
  if (key === 'algorithm') {
    const value = raw.trim();
    if (!isAlgorithmName(value)) return algorithmNameError(value);
    target.algorithm = value;
    return null;
  }
  const name = OPTION_KEYS[key];
  const read = optionValue(name, raw);
  if (!read.ok) return read.error;
  target.learner = { ...target.learner, [name]: read.value };
  return null;
}

/** The learner's part of a link: each key whose value differs from the lesson's, in key order. */
export function learnerEntries(state: LinkLearner): Array<[LearnerUrlKey, string]> {
  const entries: Array<[LearnerUrlKey, string]> = [];
  if (state.algorithm !== undefined && state.algorithm !== DEFAULT_ALGORITHM)
    entries.push(['algorithm', state.algorithm]);
  const options = state.learner ?? {};
  for (const [key, name] of Object.entries(OPTION_KEYS) as Array<
    [keyof typeof OPTION_KEYS, keyof LearnerOptions]
  >) {
    const value = options[name];
    if (value === undefined || value === DEFAULT_LEARNER_OPTIONS[name]) continue;
    entries.push([key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value)]);
  }
  return entries;
}
