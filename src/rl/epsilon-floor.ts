/**
 * When does ε reach its floor? The one count every text quotes (the ε-decay question, the why-8x8
 * panel, the tuned presets, the README), counted with the learner's own floating-point
 * subtractions:
 *
 *   ε₀ = epsilon,  ε_{k+1} = ε_k − decay  if that is > min ε,  else min ε   (`runSteps`)
 *
 * so the count is the smallest k with ε_k = min ε. It is not ⌈(ε₀ − min ε) / decay⌉: each
 * subtraction rounds, and with the lesson's 1.0, 0.0001 and 0.01 the rounded ε is still a hair
 * above 0.01 after 9,900 steps, so the learner reaches the floor on step 9,901.
 *
 * Stepping one subtraction at a time would take ~10⁹ iterations for a tiny decay, so the count
 * skips ahead exactly: on the doubles of one binade [2ᵉ, 2ᵉ⁺¹) the spacing u is constant, so
 * while ε − decay stays in the binade, fl(ε − decay) = ε − D with D the multiple of u nearest to
 * the decay (a tie, decay/u = j + ½, rounds to the even neighbour; after one such step ε is even
 * in units of u and D is constant again). Two consecutive equal decrements therefore fix D, and
 * the steps up to the binade's edge or the floor are counted in one division.
 */
import type { QParams } from './params';

/** The bottom of x's binade: the largest power of two ≤ x (x > 0). */
function binadeBottom(x: number): number {
  let lo = 2 ** Math.floor(Math.log2(x));
  // Math.log2 may round across a power of two: settle on lo ≤ x < 2·lo.
  if (lo > x) lo /= 2;
  else if (2 * lo <= x) lo *= 2;
  return lo;
}

/**
 * Steps until ε is at its floor, as the learner counts them: the smallest k with ε_k = min ε.
 * 0 when ε starts at or below the floor; Infinity when it never gets there (a decay of 0, or one
 * below half the spacing of the doubles near ε, which leaves ε unchanged by every subtraction).
 */
export function stepsToFloor(
  params: Pick<QParams, 'epsilon' | 'epsilonDecay' | 'minEpsilon'>,
): number {
  const { epsilon, epsilonDecay: decay, minEpsilon: floor } = params;
  if (!(epsilon > floor)) return 0;
  if (!(decay > 0)) return Infinity;
  let e = epsilon;
  let k = 0;
  // Bounded: every pass returns or lowers e to a smaller double (next < e), and inside a binade,
  // where every subtraction takes off the same D, one pass skips to within two steps of the
  // binade's bottom or the floor; so a few passes per binade between ε and the floor.
  for (;;) {
    // One step, exactly as `runSteps` writes it.
    const next = e - decay;
    k++;
    if (!(next > floor)) return k;
    if (next === e) return Infinity;
    e = next;
    // Skip ahead while every step subtracts the same D (see the module comment).
    const lo = binadeBottom(e);
    const a = e - decay;
    const b = a - decay;
    const d = e - a;
    if (b >= lo && b > floor && a - b === d) {
      // Step i (1-based) from e subtracts D while its exact value e − (i − 1)·D − decay ≥ lo, and
      // is not the last while its result e − i·D > floor; one step of margin for the divisions.
      const n = Math.floor(Math.min((e - decay - lo) / d, (e - floor) / d - 1)) - 1;
      if (n > 0) {
        // n·D and e − n·D are multiples of u inside the binade: both exact.
        e -= n * d;
        k += n;
      }
    }
  }
}
