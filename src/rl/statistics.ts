/**
 * Order statistics over plain lists of numbers, as numpy computes them: used by the sweep's
 * summaries, the presets' table and the benchmark.
 */

/**
 * The p-quantile of ascending `sorted` by linear interpolation between order statistics
 * (numpy's default, "type 7"): h = (n − 1)·p, q = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋+1 − x⌊h⌋).
 * At p = ½ it is the median (the mean of the two middle values when n is even). NaN when empty.
 */
export function quantile(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The median of any list (`quantile` at ½ of its sorted copy). */
export function median(values: readonly number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}
