/**
 * Classroom experiments, one click each. Every preset is the lesson's run with one change, on the
 * map on screen and with the run's seed, so what differs from the lesson is that one change.
 * Plain data, and the one function that turns a preset into a run's settings.
 */
import { defaultMaxSteps } from '../../../rl/env';
import { MAPS } from '../../../rl/maps';
import { TUNED_PRESETS, type TunedPreset } from '../../../rl/tuned-presets';
import {
  LESSON_EPISODES,
  LESSON_FRAME_INTERVAL,
  LESSON_PARAMS,
  type QParams,
} from '../../../rl/params';
import { rewardWorth, teachingFigures } from '../../../rl/teaching-figures';
import type { RunSettings } from '../../../worker/protocol';
import { LESSON_ENV, LESSON_FIGURES } from '../glossary/lesson-figures';
import { formatPercent, formatSigned } from '../../../viz/format';

/** What a preset changes in the lesson's run. */
export interface PresetChange {
  isSlippery?: boolean;
  params?: Partial<QParams>;
}

/** One experiment. */
export interface Preset {
  id: 'lesson' | 'no-exploration' | 'short-sighted' | 'impatient' | 'deterministic';
  /** The button's text. */
  name: string;
  /** The change, in a few words (the button's description). */
  summary: string;
  change: PresetChange;
  /** What to watch for once it runs. */
  watch: string;
}

const L = LESSON_PARAMS;

/** The presets' one changes, named once: the sentences quote them. */
const NO_EXPLORATION = { epsilon: 0, minEpsilon: 0 } as const;
const SHORT_GAMMA = 0.5;
const IMPATIENT_ALPHA = 0.9;

/** Fewest steps from the start to the prize on the 4x4 map (what the sentences call k). */
const K = LESSON_FIGURES.shortestPath;
/** The γ-optimal policy for the short-sighted γ on the 4x4 map, evaluated exactly. */
const SHORT_SIGHTED = teachingFigures(LESSON_ENV, SHORT_GAMMA);

/** The experiments, in the order the buttons show them. */
export const PRESETS: readonly Preset[] = [
  {
    id: 'lesson',
    name: 'Lesson defaults',
    summary: `α ${L.alpha}, γ ${L.gamma}, ε from ${L.epsilon} down to ${L.minEpsilon}, slippery ice`,
    change: {},
    watch:
      `The lesson's run: ε falls by ${L.epsilonDecay} a step, so the agent explores at first and ` +
      'exploits later. Watch the values spread back from the goal and the arrows settle, while the ' +
      'success rate climbs toward what the γ-optimal policy reaches.',
  },
  {
    id: 'no-exploration',
    name: 'No exploration',
    summary: `ε ${NO_EXPLORATION.epsilon} and minimum ε ${NO_EXPLORATION.minEpsilon}: always the greedy action`,
    change: { params: { ...NO_EXPLORATION } },
    watch:
      'Watch it get stuck: while Q is all zeros the four actions tie, and ties go Left (the lowest action). ' +
      'Left never moves right, even when the ice slips, so the agent never reaches a goal to its ' +
      'right, no reward ever arrives, and every Q stays 0.',
  },
  {
    id: 'short-sighted',
    name: 'Short-sighted',
    summary: `γ ${SHORT_GAMMA}: a reward on the k-th step from now is worth ${SHORT_GAMMA}^(k−1)`,
    change: { params: { gamma: SHORT_GAMMA } },
    watch:
      `The prize is at least ${K} steps from the start on the 4x4 map, so it is worth at most ` +
      `${SHORT_GAMMA}^${K - 1} ≈ ${formatSigned(rewardWorth(SHORT_GAMMA, K), 3)} there now (${L.gamma}^${K - 1} ≈ ` +
      `${formatSigned(rewardWorth(L.gamma, K), 3)} at γ ${L.gamma}), so values fade to almost nothing a few ` +
      `steps from the goal. Even the best policy for γ ${SHORT_GAMMA} trades safety for speed: on the 4x4 ` +
      `map it reaches the goal ${formatPercent(SHORT_SIGHTED.optimalPolicy.successProbability, 0)} of the time, ` +
      `against ${formatPercent(LESSON_FIGURES.optimalPolicy.successProbability, 0)} at γ ${L.gamma}.`,
  },
  {
    id: 'impatient',
    name: 'Impatient learner',
    summary: `α ${IMPATIENT_ALPHA}: each update moves Q ${formatPercent(IMPATIENT_ALPHA, 0)} of the way to its target`,
    change: { params: { alpha: IMPATIENT_ALPHA } },
    watch:
      'Each update nearly overwrites Q(s,a) with the latest TD target, so one lucky or unlucky ' +
      'slip rewrites it. Watch the colours and arrows flicker instead of settling.',
  },
  {
    id: 'deterministic',
    name: 'Deterministic ice',
    summary: 'Not slippery: every move goes where it is aimed',
    change: { isSlippery: false },
    watch:
      'Every move goes where it is aimed, so a first success is repeated, not luck. Watch the ' +
      `arrows trace one shortest path to the goal (${K} steps on the 4x4 map), far sooner than on ` +
      'slippery ice.',
  },
];

/**
 * The run a preset starts: the lesson's settings (slippery, success rate 1/3, Gymnasium's time
 * limit, 10,000 episodes, the lesson's hyperparameters) on `current`'s map and seed, with the
 * preset's change.
 */
export function presetSettings(preset: Preset, current: RunSettings): RunSettings {
  const map = [...current.map];
  return {
    map,
    isSlippery: preset.change.isSlippery ?? true,
    successRate: 1 / 3,
    maxSteps: defaultMaxSteps(map.length, map[0]?.length ?? 0),
    seed: current.seed,
    episodes: LESSON_EPISODES,
    frameInterval: LESSON_FRAME_INTERVAL,
    params: { ...LESSON_PARAMS, ...preset.change.params },
  };
}

/**
 * True while `settings` still are the preset's run (same ice, success rate and hyperparameters;
 * the map, seed, time limit and frame interval may differ).
 */
export function presetInForce(preset: Preset, settings: RunSettings): boolean {
  const want = presetSettings(preset, settings);
  const keys = Object.keys(want.params) as Array<keyof QParams>;
  return (
    want.isSlippery === settings.isSlippery &&
    (!want.isSlippery || want.successRate === settings.successRate) &&
    keys.every((k) => want.params[k] === settings.params[k])
  );
}

/** The presets that pass Gymnasium's bar (`rl/tuned-presets.ts`), in the order the buttons show them. */
export const TUNED_LAB_PRESETS: readonly TunedPreset[] = TUNED_PRESETS;

/**
 * The run a tuned preset starts: its map (with Gymnasium's time limit), episodes and
 * hyperparameters on slippery ice, with `current`'s seed and frame interval.
 */
export function tunedPresetSettings(preset: TunedPreset, current: RunSettings): RunSettings {
  const map = [...MAPS[preset.map]];
  return {
    map,
    isSlippery: true,
    successRate: 1 / 3,
    maxSteps: defaultMaxSteps(map.length, map[0]!.length),
    seed: current.seed,
    episodes: preset.episodes,
    frameInterval: current.frameInterval,
    params: { ...preset.params },
  };
}

/** True while `settings` still are the tuned preset's run (map, ice, episodes, hyperparameters). */
export function tunedPresetInForce(preset: TunedPreset, settings: RunSettings): boolean {
  const want = tunedPresetSettings(preset, settings);
  const keys = Object.keys(want.params) as Array<keyof QParams>;
  return (
    want.map.join() === settings.map.join() &&
    settings.isSlippery &&
    want.successRate === settings.successRate &&
    want.maxSteps === settings.maxSteps &&
    want.episodes === settings.episodes &&
    keys.every((k) => want.params[k] === settings.params[k])
  );
}
