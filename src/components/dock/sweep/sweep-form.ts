/**
 * What the Sweep panel's form means: its text fields → a sweep spec on the lab's current run, and
 * a chosen setting → the run settings that load it into the lab. Pure, no React.
 */
import {
  AXIS_INFO,
  jobParams,
  parseAxisValues,
  parseSeeds,
  SWEEP_AXES,
  type SweepAxis,
  type SweepPlan,
  type SweepSpec,
  type SweepValues,
} from '../../../rl/sweep';
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
 * Values offered when a setting is put on an axis: four each, around the lesson's, so the default
 * sweep (α × γ, seeds 0–3) trains 4 · 4 · 4 = 64 agents.
 */
export const DEFAULT_AXIS_VALUES: Readonly<Record<SweepAxis, string>> = {
  alpha: '0.05, 0.1, 0.2, 0.5',
  gamma: '0.9, 0.95, 0.99, 0.999',
  epsilonDecay: '1e-3, 1e-4, 1e-5, 1e-6',
  episodes: '1000, 3000, 10000, 30000',
  tieBreak: 'first, random',
};

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
    if (parsed.ok) (values as Record<SweepAxis, unknown[]>)[axis] = parsed.values;
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
 * setting's hyperparameters and episodes, and the lab's seed and frame interval.
 */
export function settingsForSweepCell(
  plan: SweepPlan,
  settingIndex: number,
  current: RunSettings,
): RunSettings {
  const setting = plan.settings[settingIndex]!;
  const { map, isSlippery, successRate, rewardSchedule, maxSteps } = plan.spec.env;
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
