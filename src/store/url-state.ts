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
import { defaultMaxSteps } from '../rl/env';
import {
  generateRandomMap,
  isMapName,
  MapError,
  MAPS,
  parseMap,
  splitMapRows,
  type MapName,
} from '../rl/maps';
import {
  checkLimit,
  isTieBreak,
  LESSON_EPISODES,
  LESSON_FRAME_INTERVAL,
  LESSON_PARAMS,
  lessonChapterLimit,
  type Limit,
  PARAM_LIMITS,
  type QParams,
  RANDOM_MAP_LIMITS,
  RUN_LIMITS,
} from '../rl/params';
import type { RunSettings, Speed } from '../worker/protocol';
import { orderedHideables, parseHideList, HIDEABLE_IDS, type HideableId } from './hideable';
import type { DisplaySettings, GridView, LabState } from './lab-store';
import { DEFAULT_DISPLAY, DEFAULT_SPEED } from './lab-store';

/** Where the map comes from: one of Gymnasium's, a seeded random one, or rows given in full. */
export type MapSpec =
  | { kind: 'named'; name: MapName }
  | {
      kind: 'random';
      /** Side of the square map. */
      size: number;
      /** Probability that a tile is frozen (else a hole). */
      p: number;
      /** Seed of the map's generator (not the run's). */
      seed: number;
    }
  | { kind: 'custom'; rows: string[] };

/** Everything a link can set. */
export interface UrlState {
  map: MapSpec;
  isSlippery: boolean;
  /** Probability that a slippery move goes the intended way. */
  successRate: number;
  /** Time limit per episode. */
  maxSteps: number;
  seed: number;
  episodes: number;
  frameInterval: number;
  params: QParams;
  view: GridView;
  speed: Speed;
  /** How the page looks (presenter mode, theme, palette); absent: the defaults. */
  display?: Partial<DisplaySettings>;
  /** The guided lesson's chapter to open (1-based); absent: the lesson is closed. */
  chapter?: number;
  /** What a teacher's link hides from students (`hide=alpha,map`); absent or empty: nothing. */
  hide?: HideableId[];
}

/** The fields of the store a link describes. */
export type LabLinkFields = Pick<LabState, 'settings' | 'mapName' | 'speed' | 'view'> & {
  display?: DisplaySettings;
  lessonChapter?: number | null;
  /** What the page hides (a teacher's link). */
  hidden?: readonly HideableId[];
};

/** The random map's defaults: Gymnasium's `generate_random_map()` (size 8, p 0.8), seed 0. */
export const DEFAULT_RANDOM_MAP = { kind: 'random', size: 8, p: 0.8, seed: 0 } as const;

/** The lesson's run: what a link without parameters opens. */
export const DEFAULT_URL_STATE: Readonly<UrlState> = Object.freeze<UrlState>({
  map: { kind: 'named', name: '4x4' },
  isSlippery: true,
  successRate: 1 / 3,
  maxSteps: defaultMaxSteps(4, 4),
  seed: 0,
  episodes: LESSON_EPISODES,
  frameInterval: LESSON_FRAME_INTERVAL,
  params: { ...LESSON_PARAMS },
  view: 'v',
  speed: DEFAULT_SPEED,
});

/** The link's keys, in the order a serialized link writes them. */
export const URL_KEYS = [
  'map',
  'slippery',
  'success',
  'max_steps',
  'seed',
  'episodes',
  'frame_every',
  'alpha',
  'gamma',
  'eps',
  'decay',
  'min_eps',
  'ties',
  'view',
  'speed',
  'presenter',
  'theme',
  'palette',
  'chapter',
  'hide',
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

const VIEWS: readonly GridView[] = ['v', 'q', 'a', 'n', 'td'];
const TRUE_WORDS = ['1', 'true', 'yes', 'on'];
const FALSE_WORDS = ['0', 'false', 'no', 'off'];

/** A decimal number as people write it: no hex, no blanks, no "Infinity". */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The decimal number written in `text`, or NaN (so `checkLimit` names the setting and refuses it). */
export function parseDecimal(text: string): number {
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}

/** Quotes a value for a notice, cut short so a pasted essay stays readable. */
function quote(value: string): string {
  return value.length > 40 ? `"${value.slice(0, 37)}…"` : `"${value}"`;
}

/** "The link's alpha="7" was ignored: <why>" */
function ignored(key: string, value: string, why: string): string {
  return `The link's ${key}=${quote(value)} was ignored: ${why}`;
}

/** A number allowed by `limit`, or the reason (from `checkLimit`) it is not. */
function limitedNumber(limit: Limit, text: string): number | string {
  const value = parseDecimal(text.trim());
  return checkLimit(limit, value) ?? value;
}

/** The rows of a map spec. Throws `MapError` for bad custom rows (a parsed spec never has them). */
export function mapRows(spec: MapSpec): string[] {
  switch (spec.kind) {
    case 'named':
      return [...MAPS[spec.name]];
    case 'random':
      return generateRandomMap(spec.size, spec.p, spec.seed);
    case 'custom':
      return parseMap(spec.rows);
  }
}

/** Gymnasium's time limit for the map a spec describes. */
function defaultMaxStepsOf(spec: MapSpec): number {
  if (spec.kind === 'random') return defaultMaxSteps(spec.size, spec.size);
  const rows = spec.kind === 'named' ? MAPS[spec.name] : spec.rows;
  return defaultMaxSteps(rows.length, rows[0]?.length ?? 0);
}

/** How a map spec is written in a link: `8x8`, `random:8:0.8:3` or `SFFF,FHFH,FFFH,HFFG`. */
export function mapSpecText(spec: MapSpec): string {
  switch (spec.kind) {
    case 'named':
      return spec.name;
    case 'random':
      return `random:${spec.size}:${spec.p}:${spec.seed}`;
    case 'custom':
      return spec.rows.join(',');
  }
}

/**
 * Reads a map as a link writes it. `random` alone, or with fewer parts, takes the rest from
 * `DEFAULT_RANDOM_MAP`. Returns the spec, or a sentence on why the text is not a map (for custom
 * rows, the core's `MapError` message).
 */
export function parseMapSpec(text: string): MapSpec | string {
  const trimmed = text.trim();
  if (isMapName(trimmed)) return { kind: 'named', name: trimmed };
  if (/^random(:|$)/i.test(trimmed)) {
    const [, size, p, seed, ...extra] = trimmed.split(':');
    if (extra.length > 0) return 'a random map is written random:SIZE:P:SEED.';
    const parts = [
      [RANDOM_MAP_LIMITS.size, size, DEFAULT_RANDOM_MAP.size],
      [RANDOM_MAP_LIMITS.p, p, DEFAULT_RANDOM_MAP.p],
      [RANDOM_MAP_LIMITS.seed, seed, DEFAULT_RANDOM_MAP.seed],
    ] as const;
    const values: number[] = [];
    for (const [limit, part, fallback] of parts) {
      const value = part === undefined || part === '' ? fallback : limitedNumber(limit, part);
      if (typeof value === 'string') return value;
      values.push(value);
    }
    return { kind: 'random', size: values[0]!, p: values[1]!, seed: values[2]! };
  }
  if (/^\d+x\d+$/i.test(trimmed))
    return `there is no named map ${trimmed}: use 4x4, 8x8, random:SIZE:P:SEED or rows such as SFFF,FHFH,FFFH,HFFG.`;
  try {
    return { kind: 'custom', rows: parseMap(splitMapRows(trimmed)) };
  } catch (e) {
    if (e instanceof MapError) return e.message;
    throw e;
  }
}

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
  for (const key of repeated)
    notices.push(`The link sets ${key} more than once; the last value was used.`);

  let maxSteps: number | null = null;
  for (const [key, raw] of values) {
    const value = raw.trim();
    if (!(URL_KEYS as readonly string[]).includes(key)) {
      notices.push(
        `The link's parameter ${quote(key)} is not one the lab knows and was ignored (known: ${URL_KEYS.join(', ')}).`,
      );
      continue;
    }
    const k = key as UrlKey;
    if (value === '') {
      notices.push(`The link's ${k} has no value and was ignored.`);
      continue;
    }
    if (k === 'map') {
      const spec = parseMapSpec(value);
      if (typeof spec === 'string') notices.push(ignored(k, raw, upperFirst(spec)));
      else state.map = spec;
    } else if (k === 'slippery') {
      const word = value.toLowerCase();
      if (TRUE_WORDS.includes(word)) state.isSlippery = true;
      else if (FALSE_WORDS.includes(word)) state.isSlippery = false;
      else notices.push(ignored(k, raw, 'Slippery ice must be 1 (on) or 0 (off).'));
    } else if (k === 'ties') {
      if (isTieBreak(value)) state.params.tieBreak = value;
      else notices.push(ignored(k, raw, 'Tie rule must be "first" or "random".'));
    } else if (k === 'view') {
      if ((VIEWS as readonly string[]).includes(value)) state.view = value as GridView;
      else
        notices.push(
          ignored(
            k,
            raw,
            'View must be v (state values), q (Q-values), a (advantages), n (visit counts) or td (TD errors).',
          ),
        );
    } else if (k === 'presenter') {
      const word = value.toLowerCase();
      if (TRUE_WORDS.includes(word)) state.display = { ...state.display, presenter: true };
      else if (FALSE_WORDS.includes(word)) state.display = { ...state.display, presenter: false };
      else notices.push(ignored(k, raw, 'Presenter mode must be 1 (on) or 0 (off).'));
    } else if (k === 'theme') {
      if (value === 'system' || value === 'light' || value === 'dark')
        state.display = { ...state.display, theme: value };
      else notices.push(ignored(k, raw, 'Theme must be system, light or dark.'));
    } else if (k === 'palette') {
      if (value === 'default' || value === 'colorblind')
        state.display = { ...state.display, palette: value };
      else notices.push(ignored(k, raw, 'Palette must be default or colorblind.'));
    } else if (k === 'chapter') {
      const chapter = limitedNumber(lessonChapterLimit(options.chapters), value);
      if (typeof chapter === 'string') notices.push(ignored(k, raw, chapter));
      else state.chapter = chapter;
    } else if (k === 'hide') {
      // The names the lab knows apply; each unknown one is named and ignored.
      const { ids, unknown } = parseHideList(value);
      if (unknown.length > 0)
        notices.push(
          `The link's hide=${quote(raw)} names ${unknown.map(quote).join(', ')}, which the lab cannot hide; ${
            unknown.length > 1 ? 'they were' : 'it was'
          } ignored (it can hide: ${HIDEABLE_IDS.join(', ')}).`,
        );
      if (ids.length > 0) state.hide = ids;
    } else if (k === 'speed') {
      const speed = value === 'max' ? value : limitedNumber(RUN_LIMITS.speed, value);
      if (typeof speed === 'number' || speed === 'max') state.speed = speed;
      else notices.push(ignored(k, raw, `${speed} Or write max for full speed.`));
    } else if (k in PARAM_KEYS) {
      const name = PARAM_KEYS[k as keyof typeof PARAM_KEYS];
      const v = limitedNumber(PARAM_LIMITS[name], value);
      if (typeof v === 'string') notices.push(ignored(k, raw, v));
      else state.params[name] = v;
    } else {
      const name = RUN_KEYS[k as keyof typeof RUN_KEYS];
      const v = limitedNumber(RUN_LIMITS[name], value);
      if (typeof v === 'string') notices.push(ignored(k, raw, v));
      else if (name === 'maxSteps') maxSteps = v;
      else state[name] = v;
    }
  }
  // The time limit's default depends on the map, so it is settled once the map is.
  state.maxSteps = maxSteps ?? defaultMaxStepsOf(state.map);
  return { state, notices };
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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
  put('max_steps', state.maxSteps, defaultMaxStepsOf(state.map));
  put('seed', state.seed, d.seed);
  put('episodes', state.episodes, d.episodes);
  put('frame_every', state.frameInterval, d.frameInterval);
  for (const [key, name] of Object.entries(PARAM_KEYS) as Array<
    [keyof typeof PARAM_KEYS, keyof typeof PARAM_LIMITS]
  >)
    put(key, state.params[name], d.params[name]);
  put('ties', state.params.tieBreak, d.params.tieBreak);
  put('view', state.view, d.view);
  put('speed', state.speed, d.speed);
  const display = { ...DEFAULT_DISPLAY, ...state.display };
  if (display.presenter) entries.push(['presenter', '1']);
  put('theme', display.theme, DEFAULT_DISPLAY.theme);
  put('palette', display.palette, DEFAULT_DISPLAY.palette);
  if (state.chapter !== undefined) entries.push(['chapter', String(state.chapter)]);
  const hide = orderedHideables(state.hide ?? []);
  if (hide.length > 0) entries.push(['hide', hide.join(',')]);
  return entries.map(([k, v]) => `${k}=${encode(v)}`).join('&');
}

/** The run a state describes, as `createLabStore` and `applySettings` take it. */
export function urlStateToRun(state: UrlState): {
  settings: RunSettings;
  mapName: MapName | 'custom';
} {
  return {
    settings: {
      map: mapRows(state.map),
      isSlippery: state.isSlippery,
      successRate: state.successRate,
      maxSteps: state.maxSteps,
      seed: state.seed,
      episodes: state.episodes,
      frameInterval: state.frameInterval,
      params: { ...state.params },
    },
    mapName: state.map.kind === 'named' ? state.map.name : 'custom',
  };
}

function sameRows(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((row, i) => row === b[i]);
}

/**
 * The state of the lab as a link describes it. The store keeps a map's rows, not where they came
 * from; `hint` (the map of the link the page has now) keeps `random:8:0.8:3` short as long as it
 * still draws the same rows. Otherwise a named map is written by name and any other by its rows.
 */
export function urlStateFromLab(lab: LabLinkFields, hint?: MapSpec): UrlState {
  const rows = lab.settings.map;
  let map: MapSpec = { kind: 'custom', rows: [...rows] };
  if (hint && hint.kind !== 'custom' && sameRows(mapRows(hint), rows)) map = hint;
  else {
    const name = (Object.keys(MAPS) as MapName[]).find((n) => sameRows(MAPS[n], rows));
    if (name) map = { kind: 'named', name };
  }
  const s = lab.settings;
  return {
    map,
    isSlippery: s.isSlippery,
    successRate: s.successRate,
    maxSteps: s.maxSteps,
    seed: s.seed,
    episodes: s.episodes,
    frameInterval: s.frameInterval,
    params: { ...s.params },
    view: lab.view,
    speed: lab.speed,
    ...(lab.display ? { display: { ...lab.display } } : {}),
    ...(lab.lessonChapter != null ? { chapter: lab.lessonChapter } : {}),
    ...(lab.hidden && lab.hidden.length > 0 ? { hide: [...lab.hidden] } : {}),
  };
}

/** The map a link describes, if it names one validly (for `urlStateFromLab`'s hint). */
export function linkMapSpec(search: string): MapSpec | undefined {
  const text = new URLSearchParams(search).getAll('map').at(-1);
  if (text === undefined) return undefined;
  const spec = parseMapSpec(text);
  return typeof spec === 'string' ? undefined : spec;
}

/** The query (without `?`) for the lab's current state, given the page's current query. */
export function labQuery(lab: LabLinkFields, currentSearch: string): string {
  return serializeUrlState(urlStateFromLab(lab, linkMapSpec(currentSearch)));
}
