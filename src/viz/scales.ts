/**
 * Colour scales for the Q-grid and its legend, as small closures (no classes, no d3 scale state):
 *
 *   sequential  t = (x − lo) / (hi − lo), clamped to [0, 1]      (V and Q)
 *   diverging   t = ½ + ½ · x / max(|lo|, |hi|), clamped         (A, neutral at x = 0)
 *   log         t = ln(1 + x) / ln(1 + hi), x clamped to [0, hi]  (visit counts N)
 *
 * A zero-width domain is the normal case at initialisation (every Q is 0): the sequential scale
 * then maps every value to t = 0 (the "nothing learned" colour) and the diverging scale to the
 * neutral t = ½. Non-finite values map to `UNKNOWN_COLOR`. No path can produce `NaN`.
 */
import { interpolateLab, piecewise } from 'd3-interpolate';
import {
  interpolateCividis,
  interpolatePuOr,
  interpolatePurples,
  interpolateRdBu,
  interpolateViridis,
} from 'd3-scale-chromatic';
import { TILE_COLORS } from './theme';

/** `'default'`: ice → ember for values, white → red for advantages; `'colorblind'`: viridis and PuOr. */
export type Palette = 'default' | 'colorblind';

/**
 * Sequential (one hue ramp from low to high), diverging (two ramps around a neutral 0) or log
 * (the sequential ramp over ln(1 + x), for counts from 0).
 */
export type ScaleKind = 'sequential' | 'diverging' | 'log';

/** Maps t ∈ [0, 1] to a CSS colour string. */
export type Interpolator = (t: number) => string;

/** Fill for a value that is `NaN` or infinite. */
export const UNKNOWN_COLOR = '#adb5bd';

/** Dark text, for light fills. */
export const DARK_TEXT = '#000000';

/** Light text, for dark fills. */
export const LIGHT_TEXT = '#ffffff';

/** A colour scale: call it with a value to get a fill. */
export interface ColorScale {
  (value: number): string;
  readonly kind: ScaleKind;
  /** The data range the scale spans, `[lo, hi]`; `lo === hi` is allowed. */
  readonly domain: readonly [number, number];
  readonly palette: Palette;
  /** t ∈ [0, 1] → colour. */
  readonly interpolator: Interpolator;
  /** Value → t ∈ [0, 1] (`NaN` for non-finite values). */
  readonly normalize: (value: number) => number;
}

/** Ice → pale gold → amber → ember: at 0 a tile looks like plain ice, warmth grows toward the goal's reward. */
const ICE_TO_EMBER: Interpolator = piecewise(interpolateLab, [
  TILE_COLORS.ice,
  '#fff0b3',
  '#fcc44f',
  '#f3862d',
  '#c8420d',
]);

/** The sequential ramp of a palette (t = 0 low, t = 1 high). */
export function sequentialInterpolator(palette: Palette = 'default'): Interpolator {
  return palette === 'colorblind' ? interpolateViridis : ICE_TO_EMBER;
}

/**
 * The diverging ramp of a palette: t = 0 most negative, t = ½ neutral, t = 1 most positive.
 * Default: RdBu, so an action worse than the greedy one is red and the greedy one near white
 * (blue would read as water next to the holes). Colour-blind: PuOr turned round (negative
 * brown-orange, positive purple), safe for all common colour-vision deficiencies.
 */
export function divergingInterpolator(palette: Palette = 'default'): Interpolator {
  return palette === 'colorblind' ? (t: number) => interpolatePuOr(1 - t) : interpolateRdBu;
}

function clamp01(t: number): number {
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/** A domain with non-finite ends replaced by 0 and the ends in order. */
function safeDomain(domain: readonly [number, number]): [number, number] {
  const lo = Number.isFinite(domain[0]) ? domain[0] : 0;
  const hi = Number.isFinite(domain[1]) ? domain[1] : 0;
  return lo <= hi ? [lo, hi] : [hi, lo];
}

function makeScale(
  kind: ScaleKind,
  domain: readonly [number, number],
  palette: Palette,
  interpolator: Interpolator,
  normalize: (value: number) => number,
): ColorScale {
  const scale = (value: number): string => {
    const t = normalize(value);
    return Number.isNaN(t) ? UNKNOWN_COLOR : interpolator(t);
  };
  return Object.assign(scale, { kind, domain, palette, interpolator, normalize });
}

/** t = (x − lo) / (hi − lo), clamped to [0, 1]; 0 for every finite x when hi = lo, NaN otherwise. */
function linear(lo: number, hi: number): (x: number) => number {
  const span = hi - lo;
  return (x) => (!Number.isFinite(x) ? NaN : span > 0 ? clamp01((x - lo) / span) : 0);
}

/**
 * A sequential scale over `[lo, hi]`: t = (x − lo) / (hi − lo), clamped to [0, 1].
 * When hi = lo every finite value maps to t = 0.
 */
export function sequentialScale(
  domain: readonly [number, number],
  palette: Palette = 'default',
): ColorScale {
  const [lo, hi] = safeDomain(domain);
  return makeScale(
    'sequential',
    [lo, hi],
    palette,
    sequentialInterpolator(palette),
    linear(lo, hi),
  );
}

/**
 * A diverging scale, neutral at 0 and symmetric: t = ½ + ½ · x / m with m = max(|lo|, |hi|),
 * clamped to [0, 1]. So for advantages (domain [min A, 0]) the greedy actions (A = 0) get the
 * neutral colour and the worst action the full negative colour. When m = 0 every value is neutral.
 */
export function divergingScale(
  domain: readonly [number, number],
  palette: Palette = 'default',
): ColorScale {
  const [lo, hi] = safeDomain(domain);
  const m = Math.max(Math.abs(lo), Math.abs(hi));
  const normalize = (x: number): number =>
    !Number.isFinite(x) ? NaN : m > 0 ? clamp01(0.5 + (0.5 * x) / m) : 0.5;
  return makeScale('diverging', [lo, hi], palette, divergingInterpolator(palette), normalize);
}

/**
 * A sequential scale for a distance from the truth such as |Q − Q*| over [0, hi]: near white at 0
 * (learned), deep purple at the largest gap; colour-blind: cividis. t = x / hi, clamped; every
 * value maps to t = 0 when hi = 0. Purple, not the value ramp, so a gap never reads as a value.
 */
export function gapScale(
  domain: readonly [number, number],
  palette: Palette = 'default',
): ColorScale {
  const [lo, hi] = safeDomain(domain);
  const ramp: Interpolator =
    palette === 'colorblind'
      ? (t) => interpolateCividis(1 - t)
      : (t) => interpolatePurples(0.05 + 0.9 * t);
  return makeScale('sequential', [lo, hi], palette, ramp, linear(lo, hi));
}

/**
 * A sequential scale over counts on a log scale: t = ln(1 + x) / ln(1 + hi) for x in [0, hi]
 * (the domain's low end is always 0). ln(1 + x) rather than ln x so that 0 is defined and maps to
 * t = 0, and a single visit already differs from none. Why a log scale at all: visits span orders
 * of magnitude — the start state is updated in every episode, tiles near the goal a few hundred
 * times in 10,000 episodes — and on a linear scale everything but the start would look unvisited.
 * When hi = 0 (nothing visited yet) every value maps to t = 0.
 */
export function logCountScale(
  domain: readonly [number, number],
  palette: Palette = 'default',
): ColorScale {
  const hi = Math.max(0, safeDomain(domain)[1]);
  const denom = Math.log1p(hi);
  const normalize = (x: number): number =>
    !Number.isFinite(x) ? NaN : denom > 0 ? clamp01(Math.log1p(Math.max(0, x)) / denom) : 0;
  return makeScale('log', [0, hi], palette, sequentialInterpolator(palette), normalize);
}

/** The scale of a kind over a domain (what a legend redraws from a spec). */
export function colorScale(
  kind: ScaleKind,
  domain: readonly [number, number],
  palette: Palette = 'default',
): ColorScale {
  if (kind === 'log') return logCountScale(domain, palette);
  return kind === 'diverging' ? divergingScale(domain, palette) : sequentialScale(domain, palette);
}

/**
 * The extent of the finite values, widened to contain 0: [min(0, min x), max(0, max x)].
 * `include(i)` picks which entries count (e.g. skip terminal states, whose values are always 0).
 * With no finite values it is [0, 0].
 */
export function extentWithZero(
  values: ArrayLike<number>,
  include?: (index: number) => boolean,
): [number, number] {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < values.length; i++) {
    if (include && !include(i)) continue;
    const x = values[i]!;
    if (!Number.isFinite(x)) continue;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

/** Sequential scale for V(s) = max_a Q(s, a) over [min(0, min V), max(0, max V)]. */
export function valueScale(
  v: ArrayLike<number>,
  palette: Palette = 'default',
  include?: (state: number) => boolean,
): ColorScale {
  return sequentialScale(extentWithZero(v, include), palette);
}

/** Sequential scale for Q(s, a) (flat, q[s·4 + a]) over [min(0, min Q), max(0, max Q)]. */
export function qScale(
  q: ArrayLike<number>,
  palette: Palette = 'default',
  include?: (index: number) => boolean,
): ColorScale {
  return sequentialScale(extentWithZero(q, include), palette);
}

/**
 * Diverging scale for A(s, a) = Q(s, a) − V(s) ≤ 0 over [min A, 0]: 0 (a greedy action) is
 * neutral, the most negative advantage the strongest colour.
 */
export function advantageScale(
  advantage: ArrayLike<number>,
  palette: Palette = 'default',
  include?: (index: number) => boolean,
): ColorScale {
  return divergingScale(extentWithZero(advantage, include), palette);
}

/** Log scale for visit counts N(s, a) (flat like q) over [0, max N]. */
export function visitScale(
  visits: ArrayLike<number>,
  palette: Palette = 'default',
  include?: (index: number) => boolean,
): ColorScale {
  return logCountScale(extentWithZero(visits, include), palette);
}

/**
 * Sequential scale for magnitudes |x| (e.g. the latest TD errors |δ(s, a)|, flat like q) over
 * [0, max |x|]: linear, since the layer is there to make the few large errors stand out.
 */
export function magnitudeScale(
  values: ArrayLike<number>,
  palette: Palette = 'default',
  include?: (index: number) => boolean,
): ColorScale {
  let hi = 0;
  for (let i = 0; i < values.length; i++) {
    if (include && !include(i)) continue;
    const x = Math.abs(values[i]!);
    if (Number.isFinite(x) && x > hi) hi = x;
  }
  return sequentialScale([0, hi], palette);
}

/**
 * Parses `#rgb`, `#rrggbb`, `rgb(r, g, b)` and `rgba(r, g, b, a)` (what d3 interpolators return)
 * into 0–255 channels; `null` for anything else.
 */
export function parseColor(color: string): [number, number, number] | null {
  const s = color.trim().toLowerCase();
  let m = /^#([0-9a-f]{3})$/.exec(s);
  if (m) {
    const h = m[1]!;
    return [0, 1, 2].map((i) => parseInt(h[i]! + h[i]!, 16)) as [number, number, number];
  }
  m = /^#([0-9a-f]{6})$/.exec(s);
  if (m) {
    const h = m[1]!;
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
  }
  m = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*[\d.]+\s*)?\)$/.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  return null;
}

/**
 * WCAG 2 relative luminance: L = 0.2126·R + 0.7152·G + 0.0722·B over linearised sRGB channels
 * (c ≤ 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055)^2.4). `NaN` for an unparsable colour.
 */
export function relativeLuminance(color: string): number {
  const rgb = parseColor(color);
  if (!rgb) return NaN;
  const [r, g, b] = rgb.map((c) => {
    const x = c / 255;
    return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio (L₁ + 0.05) / (L₂ + 0.05) of two luminances, the lighter on top; 1 to 21. */
export function contrastRatio(l1: number, l2: number): number {
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

/**
 * Text colour for a fill: `DARK_TEXT` or `LIGHT_TEXT`, whichever has the higher contrast ratio
 * against it (dark for an unparsable fill).
 */
export function contrastingText(fill: string): string {
  const l = relativeLuminance(fill);
  if (Number.isNaN(l)) return DARK_TEXT;
  const dark = contrastRatio(l, relativeLuminance(DARK_TEXT));
  const light = contrastRatio(l, 1);
  return light > dark ? LIGHT_TEXT : DARK_TEXT;
}
