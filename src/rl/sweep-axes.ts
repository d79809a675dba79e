/**
 * The axes of a sweep: how each sweepable setting is named and checked, its lists read from text
 * ("0.05,0.1,0.2"; schedules "1,0,0; 1,-1,0") and its values written for a person ("2e-7",
 * "step cost −0.01"). Pure.
 */
import type { RewardSchedule } from './env';
import {
  checkLimit,
  describeValue,
  isTieBreak,
  PARAM_LIMITS,
  RUN_LIMITS,
  type Limit,
} from './params';
import {
  checkRewardSchedule,
  formatRewardSchedule,
  parseNumber,
  REWARDS_LABEL,
} from './parse-values';
import { parseSchedules, scheduleLabel, successRateLabel, scheduleWords } from './sweep-env';
import { SWEEP_AXES, type SweepAxis, type SweepAxisValue, type SweepValues } from './sweep';

/** How each sweepable setting is named and checked. */
export const AXIS_INFO: Readonly<
  Record<SweepAxis, { label: string; flag: string; limit: Limit | null }>
> = {
  rewardSchedule: { label: REWARDS_LABEL, flag: 'reward-schedule', limit: null },
  successRate: {
    label: RUN_LIMITS.successRate.label,
    flag: 'success-rate',
    limit: RUN_LIMITS.successRate,
  },
  alpha: { label: PARAM_LIMITS.alpha.label, flag: 'alpha', limit: PARAM_LIMITS.alpha },
  gamma: { label: PARAM_LIMITS.gamma.label, flag: 'gamma', limit: PARAM_LIMITS.gamma },
  epsilonDecay: {
    label: PARAM_LIMITS.epsilonDecay.label,
    flag: 'epsilon-decay',
    limit: PARAM_LIMITS.epsilonDecay,
  },
  episodes: { label: RUN_LIMITS.episodes.label, flag: 'episodes', limit: RUN_LIMITS.episodes },
  tieBreak: { label: 'Tie rule', flag: 'tie-break', limit: null },
};

/** A parsed list, or the reason it could not be read. */
export type Parsed<T> = { ok: true; values: T[] } | { ok: false; error: string };

/** Splits "0.1, 0.2 0.5" into its words (commas and/or spaces between them). */
export function words(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((w) => w.trim())
    .filter((w) => w !== '');
}

/** The words of an axis's list: schedules are separated by semicolons, other values by commas. */
export function axisWords(axis: SweepAxis, text: string): string[] {
  return axis === 'rewardSchedule' ? scheduleWords(text) : words(text);
}

/**
 * Reads a list of values of one setting: numbers separated by commas or spaces ("0.05,0.1,0.2",
 * "1e-4 2e-7"), for the tie rule the words "first" and "random", for the rewards schedules
 * "g,h,f" separated by semicolons. Every value is checked against the setting's limit; the first
 * bad one is named.
 */
export function parseAxisValues<K extends SweepAxis>(
  axis: K,
  text: string,
): Parsed<SweepAxisValue<K>> {
  if (axis === 'rewardSchedule') return parseSchedules(text) as Parsed<SweepAxisValue<K>>;
  const info = AXIS_INFO[axis];
  const list = words(text);
  if (list.length === 0) return { ok: false, error: `${info.label}: give at least one value.` };
  const values: SweepAxisValue<K>[] = [];
  for (const w of list) {
    if (info.limit === null) {
      if (!isTieBreak(w))
        return {
          ok: false,
          error: `Tie rule must be "first" or "random"; got ${describeValue(w)}.`,
        };
      values.push(w as SweepAxisValue<K>);
      continue;
    }
    // Read as a link and the command line read numbers (rl/parse-values).
    const x = parseNumber(info.limit, w);
    if (!x.ok)
      return { ok: false, error: x.error.replace(/got .*\.$/, `got ${describeValue(w)}.`) };
    values.push(x.value as SweepAxisValue<K>);
  }
  return { ok: true, values };
}

/**
 * The values a sweep lists for `axis`; `undefined` for an environment's setting it does not vary
 * (the sweep's `env` holds its one value).
 */
export function axisValues(values: SweepValues, axis: SweepAxis): readonly unknown[] | undefined {
  return values[axis];
}

/** A value as a refusal names it: a schedule as "1,-1,0", anything else as `describeValue`. */
export function describeAxisValue(axis: SweepAxis, value: unknown): string {
  return axis === 'rewardSchedule' && Array.isArray(value)
    ? formatRewardSchedule(value as unknown as RewardSchedule)
    : describeValue(value);
}

/** `null` if `value` is allowed on `axis`, else a message naming the setting and its range. */
export function axisValueError(axis: SweepAxis, value: unknown): string | null {
  if (axis === 'rewardSchedule') {
    const read = checkRewardSchedule(value);
    return read.ok ? null : read.error;
  }
  const { limit } = AXIS_INFO[axis];
  if (limit) return checkLimit(limit, value);
  return isTieBreak(value)
    ? null
    : `Tie rule must be "first" or "random"; got ${describeValue(value)}.`;
}

/** The axes whose value lists hold more than one value. */
export function variedAxes(values: SweepValues): SweepAxis[] {
  return SWEEP_AXES.filter((axis) => (axisValues(values, axis)?.length ?? 0) > 1);
}

/**
 * A value of a setting as text ("0.1", "2e-7", "100,000", "first"; a schedule as "step cost
 * −0.01", a success rate as "1/3" or "0.8").
 */
export function formatAxisValue(axis: SweepAxis, value: number | string | RewardSchedule): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'number') return scheduleLabel(value);
  if (axis === 'successRate') return successRateLabel(value);
  if (axis === 'episodes') return value.toLocaleString('en-US');
  return value !== 0 && Math.abs(value) < 1e-3 ? value.toExponential() : String(value);
}
