/**
 * The one place numbers become text, for the renderers in viz/ and the panels in components/
 * (components may import viz/, never the other way round).
 *
 *   formatValue      a value for a small label: 2 decimals, true minus      0.54, −0.35, 0.00
 *                    (formatSigned with 2 digits)
 *   formatFixed      a value with n decimals (−0 reads 0)                   0.730 (n = 3)
 *   formatSigned     the same with a true minus sign, and no "−0.000"       −0.031
 *   formatCount      a count for a small label: ≤ 4 characters              7, 999, 1.4k, 12k
 *   formatThousands  a count in full, thousands grouped                     12,345
 *   formatPercent    a probability as a percentage                          73.0%
 *
 * Each returns `MISSING` ("–") for a non-finite number, unless told another placeholder.
 */
/** What a missing or non-finite number reads as. */
export const MISSING = '–';

/** SI prefixes by power of 1,000, from 10⁰ up (d3-format's "s" type uses the same). */
const SI_PREFIXES = ['', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
/** en-US grouping, the same text as `toLocaleString('en-US')` without building a formatter each call. */
const grouped = new Intl.NumberFormat('en-US');

/** A value with 2 decimals, a true minus sign, "0.00" for −0 and tiny negatives, "–" for non-finite. */
export function formatValue(x: number): string {
  return formatSigned(x, 2);
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
  return Math.abs(n) < 1000 ? String(Math.round(n)) : siTwoDigits(n);
}

/**
 * `n` (|n| ≥ 1000) to 2 significant digits with an SI prefix, trailing zeros dropped and a true
 * minus: 1384 → "1.4k", 12,345 → "12k", 999,999 → "1M" (the rounding may carry into the next
 * power). The digits come from `toExponential(1)`, which rounds as `toFixed` does, and the
 * decimal point is moved in the string, so no floating-point product can add stray digits.
 */
function siTwoDigits(n: number): string {
  const [mantissa, exponentText] = Math.abs(n).toExponential(1).split('e') as [string, string];
  const exponent = Number(exponentText);
  const power = Math.min(Math.floor(exponent / 3), SI_PREFIXES.length - 1);
  const digits = mantissa.replace('.', '');
  const intLength = 1 + exponent - 3 * power;
  const whole = digits.slice(0, intLength).padEnd(intLength, '0');
  const fraction = digits.slice(intLength).replace(/0+$/, '');
  const text = fraction ? `${whole}.${fraction}` : whole;
  return `${n < 0 ? '−' : ''}${text}${SI_PREFIXES[power]}`;
}

/** A number in full with thousands separators, for titles and sentences: 12,345. */
export function formatThousands(n: number): string {
  return Number.isFinite(n) ? grouped.format(n) : MISSING;
}

/** A probability p as a percentage with `digits` decimals: 0.7298 → "73.0%". */
export function formatPercent(p: number, digits = 1, none: string = MISSING): string {
  return Number.isFinite(p) ? `${(p * 100).toFixed(digits)}%` : none;
}
