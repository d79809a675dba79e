/**
 * How dynamic programming's panel writes its symbols: sweep numbers as subscripts (V₃, V₂), the
 * way a textbook prints V_k, so "V₃(14) = 0.5159" reads as maths, not code.
 */

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

/** A whole number as subscript digits: 12 → "₁₂". */
export function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUBSCRIPT_DIGITS[Number(d)]!);
}

/** "V₃": V after `k` sweeps. */
export function vAt(k: number): string {
  return `V${subscript(k)}`;
}
