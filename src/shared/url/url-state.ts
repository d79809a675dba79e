/**
 * The lab's settings as a link: `?map=8x8&seed=7&alpha=0.5&view=q`. Pure functions over strings
 * (no `location`, no `history`), so the parser is tested in Node on any input.
 *
 * Invariants:
 * - `parseUrlState` never throws; every field of the state it returns is allowed by the limits in
 *   `rl/params` (`RANDOM_MAP_LIMITS` for a random map), its map is valid, and a parameter it could
 *   not use is named in a notice that says why. The other parameters still apply.
 * - `serializeUrlState` omits every field equal to its default, so a link says only what differs
 *   from the lesson, and `serialize(parse(serialize(x)).state) === serialize(x)` for a valid x.
 */
import {
  isTieBreak,
  lessonChapterLimit,
  PARAM_LIMITS,
  RUN_LIMITS,
  settingsRewards,
} from '../../rl/params';
import type { RunSettings, Speed } from '../../worker/protocol';
import { DEFAULT_DISPLAY, type DisplaySettings } from '../display';
import { DOCK_TAB_IDS, isDockTab } from '../dock-tabs';
import { isGridView, type GridView } from '../grid-view';
import { HIDEABLE_IDS, orderedHideables, parseHideList, type HideableId } from '../hideable';
import { LAB_START_SPEED, lessonSettings } from '../lesson-run';
import {
  formatRewardSchedule,
  parseRewardSchedule,
  parseSwitch,
  SLIPPERY_LABEL,
} from '../../rl/parse-values';
import { BAND_SEED_LIMIT } from '../../rl/band-limit';
import { PUZZLE_LIMIT } from '../../rl/puzzle-count';
import { LEARNER_URL_KEYS, learnerEntries, readLearnerKey } from './learner-link';
import { ignored, limitedNumber, nameList, quote, upperFirst } from './link-values';
import { defaultMaxStepsOf, mapSpecText, parseMapSpec, type MapSpec } from './map-spec';

/** Everything a link can set: a run's settings with the map as the link names it, and the page's look. */
export interface UrlState extends Omit<RunSettings, 'map'> {
  map: MapSpec;
  view: GridView;
  speed: Speed;
  /** How the page looks (presenter mode, theme, palette); absent: the defaults. */
  display?: Partial<DisplaySettings>;
  /** The guided lesson's chapter to open (1-based); absent: the lesson is closed. */
  chapter?: number;
  /** What a teacher's link hides from students (`hide=alpha,map`); absent or empty: nothing. */
  hide?: HideableId[];
  /** Seeds in the seed band (`seeds=8`, 2 to 64); absent: the band's default. */
  seeds?: number;
  /** The puzzle the puzzles tab opens at (`puzzle=2`), or `'key'`: the teacher's key. */
  puzzle?: PuzzleLink;
}

/** A link's `puzzle=`: a puzzle's number, or `key` for the teacher's key of the worksheet. */
export type PuzzleLink = number | 'key';

/** The lesson's run: what a link without parameters opens. */
export const DEFAULT_URL_STATE: Readonly<UrlState> = Object.freeze<UrlState>({
  ...lessonSettings('4x4'),
  map: { kind: 'named', name: '4x4' },
  view: 'v',
  speed: LAB_START_SPEED,
});

/**
 * The link's keys of the hyperparameters, in the order a link writes them: also the ids a
 * teacher's link hides their controls by (`hide=alpha`).
 */
export const PARAM_URL_KEYS = [
  'alpha',
  'gamma',
  'eps',
  'decay',
  'min_eps',
  'ties',
] as const satisfies readonly HideableId[];

/** The link's keys, in the order a serialized link writes them. */
export const URL_KEYS = [
  'map',
  'slippery',
  'success',
  'rewards',
  'max_steps',
  'seed',
  'episodes',
  'frame_every',
  ...PARAM_URL_KEYS,
  ...LEARNER_URL_KEYS,
  'view',
  'speed',
  'presenter',
  'theme',
  'palette',
  'chapter',
  'hide',
  'tab',
  'seeds',
  'puzzle',
] as const;

type UrlKey = (typeof URL_KEYS)[number];

/** Link keys of the numeric hyperparameters. */
const PARAM_KEYS = {
  alpha: 'alpha',
  gamma: 'gamma',
  eps: 'epsilon',
  decay: 'epsilonDecay',
  min_eps: 'minEpsilon',
} as const satisfies Partial<Record<UrlKey, keyof typeof PARAM_LIMITS>>;

/** Link keys of the numeric run settings. */
const RUN_KEYS = {
  success: 'successRate',
  max_steps: 'maxSteps',
  seed: 'seed',
  episodes: 'episodes',
  frame_every: 'frameInterval',
} as const satisfies Partial<Record<UrlKey, keyof typeof RUN_LIMITS>>;

/** Options of `parseUrlState`. */
export interface ParseUrlOptions {
  /** The guided lesson's number of chapters: a `chapter` above it is refused. */
  chapters?: number;
}

/** Reads `?key=value&…` (with or without the `?`). Never throws; see the module's invariants. */
export function parseUrlState(
  search: string,
  options: ParseUrlOptions = {},
): { state: UrlState; notices: string[] } {
  const notices: string[] = [];
  const state: UrlState = { ...DEFAULT_URL_STATE, params: { ...DEFAULT_URL_STATE.params } };
  // The last of repeated keys wins, as a later edit of a link would.
  const values = new Map<string, string>();
  const repeated = new Set<string>();
  for (const [key, value] of new URLSearchParams(search)) {
    if (values.has(key)) repeated.add(key);
    values.set(key, value);
  }
  const isKnown = (key: string): key is UrlKey => (URL_KEYS as readonly string[]).includes(key);
  // Each notice names a thing once: the repeated keys together, the unknown ones together.
  const repeatedKnown = [...repeated].filter(isKnown);
  if (repeatedKnown.length > 0)
    notices.push(
      `The link sets ${repeatedKnown.join(', ')} more than once; the last ${
        repeatedKnown.length > 1 ? 'values were' : 'value was'
      } used.`,
    );
  const unknownKeys = [...values.keys()].filter((key) => !isKnown(key));

  let maxSteps: number | null = null;
  for (const [key, raw] of values) {
    const value = raw.trim();
    if (!isKnown(key)) continue;
    const k = key;
    if (value === '') {
      notices.push(`The link's ${k} has no value and was ignored.`);
      continue;
    }
    if (k === 'map') {
      const spec = parseMapSpec(value);
      if (typeof spec === 'string') notices.push(ignored(k, raw, upperFirst(spec)));
      else state.map = spec;
    } else if (k === 'slippery') {
      const on = parseSwitch(SLIPPERY_LABEL, raw);
      if (!on.ok) notices.push(ignored(k, raw, on.error));
      else state.isSlippery = on.value;
    } else if (k === 'rewards') {
      const rewards = parseRewardSchedule(raw);
      if (!rewards.ok) notices.push(ignored(k, raw, rewards.error));
      else state.rewardSchedule = rewards.value;
    } else if (k === 'algorithm' || k === 'learner') {
      const why = readLearnerKey(k, raw, state);
      if (why !== null) notices.push(ignored(k, raw, why));
    } else if (k === 'ties') {
      if (isTieBreak(value)) state.params.tieBreak = value;
      else notices.push(ignored(k, raw, 'Tie rule must be "first" or "random".'));
    } else if (k === 'view') {
      if (isGridView(value)) state.view = value;
      else
        notices.push(
          ignored(
            k,
            raw,
            'View must be v (state values), q (Q-values), a (advantages), n (visit counts) or td (TD errors).',
          ),
        );
    } else if (k === 'presenter') {
      const on = parseSwitch('Presenter mode', raw);
      if (!on.ok) notices.push(ignored(k, raw, on.error));
      else state.display = { ...state.display, presenter: on.value };
    } else if (k === 'theme') {
      if (value === 'system' || value === 'light' || value === 'dark')
        state.display = { ...state.display, theme: value };
      else notices.push(ignored(k, raw, 'Theme must be system, light or dark.'));
    } else if (k === 'palette') {
      if (value === 'default' || value === 'colorblind')
        state.display = { ...state.display, palette: value };
      else notices.push(ignored(k, raw, 'Palette must be default or colorblind.'));
    } else if (k === 'puzzle') {
      // A puzzle's number, or `key` for the teacher's key.
      const puzzle = value === 'key' ? value : limitedNumber(PUZZLE_LIMIT, raw);
      if (puzzle === 'key' || typeof puzzle === 'number') state.puzzle = puzzle;
      else notices.push(ignored(k, raw, puzzle));
    } else if (k === 'tab') {
      if (isDockTab(value)) state.display = { ...state.display, tab: value };
      else notices.push(ignored(k, raw, `The dock's tab must be ${DOCK_TAB_IDS.join(', ')}.`));
    } else if (k === 'chapter') {
      const chapter = limitedNumber(lessonChapterLimit(options.chapters), raw);
      if (typeof chapter === 'string') notices.push(ignored(k, raw, chapter));
      else state.chapter = chapter;
    } else if (k === 'hide') {
      // The names the lab knows apply; each unknown one is named (once) and ignored.
      const { ids, unknown } = parseHideList(value);
      const names = [...new Set(unknown)];
      if (names.length > 0)
        notices.push(
          `The link's hide=${quote(raw)} names ${nameList(names)}, which the lab cannot hide; ${
            names.length > 1 ? 'they were' : 'it was'
          } ignored (it can hide: ${HIDEABLE_IDS.join(', ')}).`,
        );
      if (ids.length > 0) state.hide = ids;
    } else if (k === 'seeds') {
      const seeds = limitedNumber(BAND_SEED_LIMIT, raw);
      if (typeof seeds === 'string') notices.push(ignored(k, raw, seeds));
      else state.seeds = seeds;
    } else if (k === 'speed') {
      const speed = value === 'max' ? value : limitedNumber(RUN_LIMITS.speed, raw);
      if (typeof speed === 'number' || speed === 'max') state.speed = speed;
      else notices.push(ignored(k, raw, `${speed} Or write max for full speed.`));
    } else if (k in PARAM_KEYS) {
      const name = PARAM_KEYS[k as keyof typeof PARAM_KEYS];
      const v = limitedNumber(PARAM_LIMITS[name], raw);
      if (typeof v === 'string') notices.push(ignored(k, raw, v));
      else state.params[name] = v;
    } else {
      const name = RUN_KEYS[k as keyof typeof RUN_KEYS];
      const v = limitedNumber(RUN_LIMITS[name], raw);
      if (typeof v === 'string') notices.push(ignored(k, raw, v));
      else if (name === 'maxSteps') maxSteps = v;
      else state[name] = v;
    }
  }
  if (unknownKeys.length > 0)
    notices.push(
      unknownKeys.length === 1
        ? `The link's parameter ${nameList(unknownKeys)} is not one the lab knows and was ignored (known: ${URL_KEYS.join(', ')}).`
        : `The link's parameters ${nameList(unknownKeys)} are not ones the lab knows and were ignored (known: ${URL_KEYS.join(', ')}).`,
    );
  // The time limit's default depends on the map, so it is settled once the map is.
  state.maxSteps = maxSteps ?? defaultMaxStepsOf(state.map);
  // A puzzle link opens the puzzles tab, unless it names another tab.
  if (state.puzzle !== undefined && state.display?.tab === undefined)
    state.display = { ...state.display, tab: 'puzzles' };
  return { state, notices };
}

/** A query component, with `,` and `:` left readable (both are allowed in a query). */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}

/**
 * Writes the state as a query string without the leading `?` (empty for the lesson's defaults).
 * Numbers are written by `String`, the shortest text that reads back as the same double.
 */
export function serializeUrlState(state: UrlState): string {
  const d = DEFAULT_URL_STATE;
  const entries: Array<[UrlKey, string]> = [];
  const put = (key: UrlKey, value: string | number | boolean, fallback: typeof value) => {
    if (value !== fallback) entries.push([key, String(value)]);
  };
  const map = mapSpecText(state.map);
  put('map', map, mapSpecText(d.map));
  if (state.isSlippery !== d.isSlippery) entries.push(['slippery', state.isSlippery ? '1' : '0']);
  put('success', state.successRate, d.successRate);
  put(
    'rewards',
    formatRewardSchedule(settingsRewards(state)),
    formatRewardSchedule(settingsRewards(d)),
  );
  put('max_steps', state.maxSteps, defaultMaxStepsOf(state.map));
  put('seed', state.seed, d.seed);
  put('episodes', state.episodes, d.episodes);
  put('frame_every', state.frameInterval, d.frameInterval);
  for (const [key, name] of Object.entries(PARAM_KEYS) as Array<
    [keyof typeof PARAM_KEYS, keyof typeof PARAM_LIMITS]
  >)
    put(key, state.params[name], d.params[name]);
  put('ties', state.params.tieBreak, d.params.tieBreak);
  entries.push(...learnerEntries(state));
  put('view', state.view, d.view);
  put('speed', state.speed, d.speed);
  const display = { ...DEFAULT_DISPLAY, ...state.display };
  if (display.presenter) entries.push(['presenter', '1']);
  put('theme', display.theme, DEFAULT_DISPLAY.theme);
  put('palette', display.palette, DEFAULT_DISPLAY.palette);
  if (state.chapter !== undefined) entries.push(['chapter', String(state.chapter)]);
  const hide = orderedHideables(state.hide ?? []);
  if (hide.length > 0) entries.push(['hide', hide.join(',')]);
  if (display.tab !== null) entries.push(['tab', display.tab]);
  if (state.seeds !== undefined) entries.push(['seeds', String(state.seeds)]);
  if (state.puzzle !== undefined) entries.push(['puzzle', String(state.puzzle)]);
  return entries.map(([k, v]) => `${k}=${encode(v)}`).join('&');
}

/** The seed band's seed count a link names (`seeds=8`), if it names a valid one. */
export function linkBandSeeds(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('seeds');
  const seeds = raw === null ? '' : limitedNumber(BAND_SEED_LIMIT, raw);
  return typeof seeds === 'number' ? seeds : undefined;
}
