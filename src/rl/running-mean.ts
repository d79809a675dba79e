/**
 * A running mean of the TD error per (state, action), for a layer that shows where the agent is
 * still learning. The latest |δ| cannot: on slippery ice one step's δ carries the ice's
 * randomness, so it stays large even with the exact Q* (only its expectation over the ice's
 * outcomes is 0, the Bellman equation). The mean of the signed δ over a pair's recent updates
 * goes to 0 when Q(s, a) has settled and stays away from 0 while the estimate is still biased.
 *
 *   m ← m + w · (δ − m),   w = max(β, 1/n),   n = the pair's updates so far, this one included
 *
 * For the first 1/β updates w = 1/n, the plain average of all δ so far (no bias toward the 0 it
 * starts from); after that an exponential mean over roughly the last 1/β updates, so old
 * errors from before Q moved are forgotten.
 */

/** β: the mean forgets at this rate, so it covers roughly the last 1/β = 100 updates of a pair. */
export const TD_MEAN_RATE = 0.01;

/** One step of the running mean: m + w·(x − m) with w = max(rate, 1/count), count ≥ 1. */
export function runningMean(mean: number, x: number, count: number, rate = TD_MEAN_RATE): number {
  const w = Math.max(rate, 1 / count);
  return mean + w * (x - mean);
}

/**
 * Folds one update's TD error into the per-pair means, in place: `means[i]` for pair
 * i = s·nA + a, whose update count (this update included) is `counts[i]`, e.g. the visit counts
 * N(s, a) after the update.
 */
export function addTdError(
  means: Float64Array,
  counts: ArrayLike<number>,
  i: number,
  tdError: number,
  rate = TD_MEAN_RATE,
): void {
  means[i] = runningMean(means[i]!, tdError, counts[i]!, rate);
}
