/**
 * What the Sweep panel's form means: its text fields → a sweep spec on the lab's current run, and
 * a chosen setting → the run settings that load it into the lab. Pure, no React.
 */
import type { RewardSchedule } from '../../../rl/env';
import { settingsRewards } from '../../../rl/params';
import { formatRewardSchedule } from '../../../rl/parse-values';
import { GYMNASIUM_REWARD_ICE, REWARD_EXPERIMENTS } from '../../../rl/reward-experiments';
import {
  jobParams,
  parseSeeds,
  SWEEP_AXES,
  type SweepAxis,
  type SweepParamAxis,
  type SweepPlan,
  type SweepSpec,
  type SweepValues,
} from '../../../rl/sweep';
import { AXIS_INFO, parseAxisValues } from '../../../rl/sweep-axes';
import { settingEnvSpec } from '../../../rl/sweep-env';
import type { RunSettings } from '../../../worker/protocol';

/** The form's fields, as typed. */
export interface SweepForm {
  x: SweepAxis;
  y: SweepAxis;
  /** Values of the x and y settings, separated by commas. */
  xValues: string;
  yValues: string;
  /** Seeds and ranges, e.g. "0-3". */
  seeds: string;
  /** Episodes each agent trains, when episodes are not on an axis. */
  episodes: string;
}

/**
 * Values offered when a learner's setting is put on an axis: four each, around the lesson's, so
 * the default sweep (α × γ, seeds 0–3) trains 4 · 4 · 4 = 64 agents.
 */
export const DEFAULT_AXIS_VALUES: Readonly<Record<SweepParamAxis, string>> = {
  alpha: '0.05, 0.1, 0.2, 0.5',
  gamma: '0.9, 0.95, 0.99, 0.999',
  epsilonDecay: '1e-3, 1e-4, 1e-5, 1e-6',
  episodes: '1000, 3000, 10000, 30000',
  tieBreak: 'first, random',
};

/** Success rates offered beside the lab's: sure-footed ice (0.8), deterministic ice (1), between. */
const OFFERED_SUCCESS_RATES = [0.6, 0.8, 1];

/** A schedule the form offers, by name. */
export interface NamedSchedule {
  /** "A cost per step". */
  name: string;
  schedule: RewardSchedule;
}

/**
 * The schedules the rewards axis offers: Gymnasium's, the experiments' that change the rewards
 * ("A cost per step", "Holes hurt"), and the lab's current one when it is none of these.
 */
export function namedSchedules(current: Pick<RunSettings, 'rewardSchedule'>): NamedSchedule[] {
  const list: NamedSchedule[] = [
    { name: 'Gymnasium\u2019s', schedule: GYMNASIUM_REWARD_ICE.rewardSchedule },
    ...REWARD_EXPERIMENTS.filter(
      (e) => !sameSchedule(e.rewardSchedule, GYMNASIUM_REWARD_ICE.rewardSchedule),
    ).map((e) => ({ name: e.title, schedule: e.rewardSchedule })),
  ];
  const lab = settingsRewards(current);
  if (!list.some((n) => sameSchedule(n.schedule, lab)))
    list.push({ name: 'The lab\u2019s', schedule: lab });
  return list;
}

/** True when two schedules pay the same rewards. */
function sameSchedule(a: RewardSchedule, b: RewardSchedule): boolean {
  return formatRewardSchedule(a) === formatRewardSchedule(b);
}

/** A list of schedules as the rewards axis's text holds it: "1,0,0; 1,0,-0.01". */
export function schedulesText(schedules: readonly RewardSchedule[]): string {
  return schedules.map(formatRewardSchedule).join('; ');
}

/**
 * The values first offered when a setting is put on an axis: the learner's four around the
 * lesson's; every named schedule; the lab's success rate with 0.6, 0.8 and 1, in order.
 */
export function defaultAxisValues(axis: SweepAxis, current: RunSettings): string {
  if (axis === 'rewardSchedule')
    return schedulesText(namedSchedules(current).map((n) => n.schedule));
  if (axis === 'successRate')
    return [...new Set([current.successRate, ...OFFERED_SUCCESS_RATES])]
      .sort((a, b) => a - b)
      .map((x) => JSON.stringify(x))
      .join(', ');
  return DEFAULT_AXIS_VALUES[axis];
}

/** The form as the panel first shows it. */
export const DEFAULT_SWEEP_FORM: SweepForm = {
  x: 'alpha',
  y: 'gamma',
  xValues: DEFAULT_AXIS_VALUES.alpha,
  yValues: DEFAULT_AXIS_VALUES.gamma,
  seeds: '0-3',
  episodes: '10000',
};

/** Names of the settings for the axis pickers. */
export const AXIS_LABELS: Readonly<Record<SweepAxis, string>> = Object.fromEntries(
  SWEEP_AXES.map((axis) => [axis, AXIS_INFO[axis].label]),
) as Record<SweepAxis, string>;

/**
 * The sweep the form asks for on `current`'s run: the two axes take the typed values, episodes
 * (unless on an axis) the typed number, every other setting keeps the run's value. Returns the
 * messages of every field that cannot be read instead.
 */
export function sweepSpecFromForm(
  form: SweepForm,
  current: RunSettings,
): { ok: true; spec: SweepSpec } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (form.x === form.y) errors.push('Choose two different settings for the two axes.');
  const { alpha, gamma, epsilonDecay, tieBreak } = current.params;
  const values: SweepValues = {
    alpha: [alpha],
    gamma: [gamma],
    epsilonDecay: [epsilonDecay],
    episodes: [current.episodes],
    tieBreak: [tieBreak],
  };
  if (form.x !== 'episodes' && form.y !== 'episodes') {
    const parsed = parseAxisValues('episodes', form.episodes);
    if (!parsed.ok) errors.push(parsed.error);
    else if (parsed.values.length !== 1) errors.push('Episodes per agent: give one number.');
    else values.episodes = parsed.values;
  }
  for (const [axis, text] of [
    [form.x, form.xValues],
    [form.y, form.yValues],
  ] as const) {
    const parsed = parseAxisValues(axis, text);
    if (parsed.ok) (values as Partial<Record<SweepAxis, unknown[]>>)[axis] = parsed.values;
    else errors.push(parsed.error);
  }
  const seeds = parseSeeds(form.seeds);
  if (!seeds.ok) errors.push(seeds.error);
  if (errors.length > 0 || !seeds.ok) return { ok: false, errors };
  const { map, isSlippery, successRate, maxSteps } = current;
  return {
    ok: true,
    spec: {
      // The lab's rewards too: a sweep trains what the lab would (absent: Gymnasium's 1,0,0).
      env: {
        map: [...map],
        isSlippery,
        successRate,
        ...(current.rewardSchedule ? { rewardSchedule: current.rewardSchedule } : {}),
        maxSteps,
      },
      base: { ...current.params },
      values,
      seeds: seeds.values,
    },
  };
}

/**
 * The run that loads a sweep's setting into the lab: the sweep's map and fixed settings, the
 * setting's rewards, success rate, hyperparameters and episodes, and the lab's seed and frame
 * interval.
 */
export function settingsForSweepCell(
  plan: SweepPlan,
  settingIndex: number,
  current: RunSettings,
): RunSettings {
  const setting = plan.settings[settingIndex]!;
  const { map, isSlippery, successRate, rewardSchedule, maxSteps } = settingEnvSpec(
    plan.spec.env,
    setting,
  );
  return {
    map: [...map],
    isSlippery,
    successRate,
    ...(rewardSchedule ? { rewardSchedule } : {}),
    maxSteps,
    seed: current.seed,
    episodes: setting.episodes,
    frameInterval: current.frameInterval,
    params: jobParams(plan.spec.base, setting),
  };
}
