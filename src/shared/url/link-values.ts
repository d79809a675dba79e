/**
 * How a link's values are read and its refusals worded: numbers and on/off words through
 * `rl/parse-values` (the reading the command line and imports share), and one sentence shape for
 * a value that was ignored.
 */
import type { Limit } from '../../rl/params';
import { parseNumber, readNumber } from '../../rl/parse-values';

/**
 * The number `text` writes, as JSON writes numbers (`rl/parse-values`: no hex, no "Infinity",
 * no `+1` or `.5`), or NaN, so `checkLimit` names the setting and refuses it.
 */
export function parseDecimal(text: string): number {
  return readNumber(text) ?? Number.NaN;
}

/** A number allowed by `limit`, or the reason (from `rl/parse-values`) it is not. */
export function limitedNumber(limit: Limit, text: string): number | string {
  const read = parseNumber(limit, text);
  return read.ok ? read.value : read.error;
}

/** Quotes a value for a notice, cut short so a pasted essay stays readable. */
export function quote(value: string): string {
  return value.length > 40 ? `"${value.slice(0, 37)}…"` : `"${value}"`;
}

/** Names a notice lists before it only counts the rest. */
export const MAX_NAMED = 8;

/** `"a", "b", "c"`, or past `MAX_NAMED` names the first ones and "and N more". */
export function nameList(names: readonly string[]): string {
  const shown = names.slice(0, MAX_NAMED).map(quote).join(', ');
  const rest = names.length - MAX_NAMED;
  return rest > 0 ? `${shown} and ${rest.toLocaleString('en-US')} more` : shown;
}

/** "The link's alpha="7" was ignored: <why>" */
export function ignored(key: string, value: string, why: string): string {
  return `The link's ${key}=${quote(value)} was ignored: ${why}`;
}

/** The sentence with its first letter in upper case. */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
