/**
 * How a link's values are read and its refusals worded: decimals as people write them, on/off
 * words, and one sentence shape for a value that was ignored.
 */
import { checkLimit, type Limit } from '../../rl/params';

/** A decimal number as people write it: no hex, no blanks, no "Infinity". */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The decimal number written in `text`, or NaN (so `checkLimit` names the setting and refuses it). */
export function parseDecimal(text: string): number {
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}

/** A number allowed by `limit`, or the reason (from `checkLimit`) it is not. */
export function limitedNumber(limit: Limit, text: string): number | string {
  const value = parseDecimal(text.trim());
  return checkLimit(limit, value) ?? value;
}

const TRUE_WORDS = ['1', 'true', 'yes', 'on'];
const FALSE_WORDS = ['0', 'false', 'no', 'off'];

/** An on/off word (1, true, yes, on / 0, false, no, off, any case), or null for anything else. */
export function parseSwitch(text: string): boolean | null {
  const word = text.toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  return null;
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
