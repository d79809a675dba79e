/**
 * The learner in a link: `algorithm=dyna-q` and the options that differ from the lesson's in one
 * key, `learner=planningSteps:10,exploration:softmax,temperature:0.05` (each `name:value`, the
 * names of `LearnerOptions`). Numbers are read with `LEARNER_LIMITS` and `rl/parse-values`, words
 * from the core's lists, first visit as on/off, so a link refuses what an import and the command
 * line refuse, with the same reason. Names only: the algorithms' code is not loaded to read a link
 * (`rl/algorithm-names.ts`), and the reader is one loop, small enough for the first download.
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
} from '../../rl/learner-values';
import { parseNumber, parseSwitch } from '../../rl/parse-values';

/** The link's learner keys, in the order a serialized link writes them. */
export const LEARNER_URL_KEYS = ['algorithm', 'learner'] as const;

/** A learner key of a link. */
export type LearnerUrlKey = (typeof LEARNER_URL_KEYS)[number];

/** What a link's learner keys set: the algorithm and the options it names. */
export interface LinkLearner {
  algorithm?: Algorithm;
  learner?: Partial<LearnerOptions>;
}

/** The words each word option takes. */
const WORDS: Partial<Record<keyof LearnerOptions, readonly string[]>> = {
  exploration: EXPLORATIONS,
  alphaSchedule: ALPHA_SCHEDULES,
  traces: TRACE_KINDS,
};

/** One `name:value` of `learner=`, read by the type of the option's default; or why not. */
function readOption(pair: string, into: Record<string, unknown>): string | null {
  const [name = '', text = '', ...rest] = pair.split(':');
  const key = name.trim() as keyof LearnerOptions;
  if (rest.length > 0 || !(key in DEFAULT_LEARNER_OPTIONS))
    return `"${pair}" is not name:value with a name of ${Object.keys(DEFAULT_LEARNER_OPTIONS).join(', ')}.`;
  const words = WORDS[key];
  const read =
    typeof DEFAULT_LEARNER_OPTIONS[key] === 'boolean'
      ? parseSwitch(key, text)
      : words
        ? words.includes(text.trim())
          ? { ok: true as const, value: text.trim() }
          : { ok: false as const, error: `${key} must be ${words.join(', ')}.` }
        : parseNumber(LEARNER_LIMITS[key as keyof typeof LEARNER_LIMITS], text);
  if (!read.ok) return read.error;
  into[key] = read.value;
  return null;
}

/**
 * Reads one learner key's value into `target`, or returns the reason it was refused, and then
 * `target` is unchanged (a bad option refuses the whole `learner=`).
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
  const options: Record<string, unknown> = {};
  for (const pair of raw.split(',')) {
    const why = readOption(pair, options);
    if (why !== null) return why;
  }
  target.learner = options as Partial<LearnerOptions>;
  return null;
}

/** The learner's part of a link: the algorithm unless Q-learning, the options not the lesson's. */
export function learnerEntries(state: LinkLearner): Array<[LearnerUrlKey, string]> {
  const entries: Array<[LearnerUrlKey, string]> = [];
  if (state.algorithm !== undefined && state.algorithm !== DEFAULT_ALGORITHM)
    entries.push(['algorithm', state.algorithm]);
  const options = Object.entries(state.learner ?? {})
    .filter(([key, value]) => value !== DEFAULT_LEARNER_OPTIONS[key as keyof LearnerOptions])
    .map(([key, value]) => `${key}:${typeof value === 'boolean' ? Number(value) : value}`);
  if (options.length > 0) entries.push(['learner', options.join(',')]);
  return entries;
}
