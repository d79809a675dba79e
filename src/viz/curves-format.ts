/** Number formats the curves' legends, table and summary share. */
import { format } from 'd3-format';

/** One decimal (episode lengths). */
export const f1 = format('.1f');
/** Two decimals (success rates). */
export const f2 = format('.2f');
/** Three decimals (probabilities, ε). */
export const f3 = format('.3f');
/** A whole number with thousands separators. */
export const count = format(',d');

/** Rounded to 2 decimals, for short path data. */
export const round2 = (n: number) => Math.round(n * 100) / 100;

/** A number with `fmt`, or an en dash when it is not finite. */
export const show = (fmt: (x: number) => string, x: number) => (Number.isFinite(x) ? fmt(x) : '–');
