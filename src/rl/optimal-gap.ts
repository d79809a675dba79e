/**
 * How far a learner's Q is from the truth Q* (value iteration), per pair and per state:
 *
 *   gap(s, a) = |Q(s, a) − Q*(s, a)|
 *   gap(s)    = max_a gap(s, a)
 *   max gap   = max_s gap(s) = ‖Q − Q*‖_∞
 *
 * Q-learning's Q converges to Q* (for a suitable α and enough exploration), so the max gap falling
 * toward 0 is learning converging toward the truth. Terminal rows are 0 in both, so their gap is 0.
 */

/** The gaps of Q from Q*. */
export interface QGap {
  /** |Q(s, a) − Q*(s, a)|, flat like Q. */
  pairs: Float64Array;
  /** max_a |Q(s, a) − Q*(s, a)| per state. */
  states: Float64Array;
  /** ‖Q − Q*‖_∞, the largest gap over all pairs (0 for equal tables). */
  max: number;
  /** The state holding the largest gap (the first one on a tie). */
  maxState: number;
}

/** Gaps of `q` from `qStar` (same length, `nA` actions per state). */
export function qGap(q: ArrayLike<number>, qStar: ArrayLike<number>, nA = 4): QGap {
  if (q.length !== qStar.length)
    throw new RangeError(`Q has ${q.length} entries and Q* ${qStar.length}: not the same map.`);
  const nS = q.length / nA;
  const pairs = new Float64Array(q.length);
  const states = new Float64Array(nS);
  let max = 0;
  let maxState = 0;
  for (let s = 0; s < nS; s++) {
    let m = 0;
    for (let a = 0; a < nA; a++) {
      const g = Math.abs(q[s * nA + a]! - qStar[s * nA + a]!);
      pairs[s * nA + a] = g;
      if (g > m) m = g;
    }
    states[s] = m;
    if (m > max) {
      max = m;
      maxState = s;
    }
  }
  return { pairs, states, max, maxState };
}
