/**
 * The one place numbers become text, for the renderers in viz/ and the panels in components/
 * (components may import viz/, never the other way round).
 *
 *   formatValue      a value for a small label: 2 decimals, true minus      0.54, −0.35, 0.00
 *   formatFixed      a value with n decimals (−0 reads 0)                   0.730 (n = 3)
 *   formatSigned     the same with a true minus sign, and no "−0.000"       −0.031
 *   formatCount      a count for a small label: ≤ 4 characters              7, 999, 1.4k, 12k
 *   formatThousands  a count in full, thousands grouped                     12,345
 *   formatPercent    a probability as a percentage                          73.0%
 *
 * Each returns `MISSING` ("–") for a non-finite number, unless told another placeholder.
 */
import { format } from 'd3-format';

/** What a missing or non-finite number reads as. */
export const MISSING = '–';

const fixed2 = format('.2f');
const compact = format('.2~s');
/** en-US grouping, the same text as `toLocaleString('en-US')` without building a formatter each call. */
const grouped = new Intl.NumberFormat('en-US');

/** A value with 2 decimals, a true minus sign, "0.00" for −0 and tiny negatives, "–" for non-finite. */
export function formatValue(x: number): string {
  return Number.isFinite(x) ? fixed2(x) : MISSING;
}

/**
 * `x` with `digits` decimals as `toFixed` writes them (ASCII minus), except that −0 reads "0";
 * `none` for a non-finite number.
 */
export function formatFixed(x: number, digits: number, none: string = MISSING): string {
  if (!Number.isFinite(x)) return none;
  return (Object.is(x, -0) ? 0 : x).toFixed(digits);
}

/**
 * `x` with `digits` decimals and a true minus sign (U+2212); a value that rounds to zero reads
 * "0.000" whatever its sign (A(s,a) is often −0 at the greedy action).
 */
export function formatSigned(
  x: number | undefined,
  digits: number,
  none: string = MISSING,
): string {
  if (x === undefined || !Number.isFinite(x)) return none;
  const text = x.toFixed(digits);
  if (/^-0\.?0*$/.test(text)) return text.slice(1);
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}

/**
 * A count for a small label: the integer up to 999, then 2 significant digits with an SI
 * suffix (1.4k, 12k, 1.2M): at most 4 characters, so it fits where "0.00" fits.
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return MISSING;
  return Math.abs(n) < 1000 ? String(Math.round(n)) : compact(n);
}

/** A number in full with thousands separators, for titles and sentences: 12,345. */
export function formatThousands(n: number): string {
  return Number.isFinite(n) ? grouped.format(n) : MISSING;
}

/** A probability p as a percentage with `digits` decimals: 0.7298 → "73.0%". */
export function formatPercent(p: number, digits = 1, none: string = MISSING): string {
  return Number.isFinite(p) ? `${(p * 100).toFixed(digits)}%` : none;
}
