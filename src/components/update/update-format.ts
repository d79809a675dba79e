/**
 * How the update column writes its numbers: three decimals (Q-values of the lesson's 4x4 run
 * live in [0, 1], and a TD error of 0.0004 must not read as 0), −0 as 0 (the page's formatter).
 */
import { formatFixed } from '../../viz/format';

/** `x` to three decimals, −0 written as 0. */
export function fixed3(x: number): string {
  return formatFixed(x, 3);
}

/** `x` as a term added to a sum: "+ 0.030" or "− 0.030" (typographic minus). */
export function signedTerm(x: number): string {
  return x < 0 ? `− ${fixed3(-x)}` : `+ ${fixed3(x)}`;
}
