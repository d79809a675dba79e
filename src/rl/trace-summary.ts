/**
 * The eligibility traces e(s, a) of SARSA(λ) and Q(λ) in a few numbers (`traces.ts` keeps them):
 *
 *   total   = Σ_{s,a} e(s, a)          how much credit the next TD error δ will hand out: every
 *                                      pair moves by α·δ·e(s, a), so Q moves by α·δ·total in all
 *   largest = argmax_{s,a} e(s, a)      the pair the next δ moves most (the latest visited, with
 *                                      replacing traces)
 *   active  = #{(s, a) : e(s, a) > 0}
 *
 * Traces decay by γλ per step and are all 0 after an episode ends (or Q(λ)'s cut).
 */

/** The traces' summary. */
export interface TraceSummary {
  /** Σ e(s, a). */
  total: number;
  /** Pairs with e(s, a) > 0. */
  active: number;
  /** The pair s·4 + a of the largest trace (the lowest index on a tie); −1 when every e is 0. */
  largestPair: number;
  /** Its trace, 0 when none is active. */
  largest: number;
}

/** Sums the traces and finds the largest (see the module). */
export function traceSummary(traces: ArrayLike<number>): TraceSummary {
  let total = 0;
  let active = 0;
  let largestPair = -1;
  let largest = 0;
  for (let p = 0; p < traces.length; p++) {
    const e = traces[p]!;
    if (e <= 0) continue;
    total += e;
    active++;
    if (e > largest) {
      largest = e;
      largestPair = p;
    }
  }
  return { total, active, largestPair, largest };
}
