/**
 * The step size α of one update. 'constant': the lesson's α, so Q keeps tracking recent targets
 * (an exponential recency-weighted average, weight α·(1 − α)^k on the target k updates back).
 * 'visits': α = 1/N(s, a), N(s, a) counting this update, so Q(s, a) is the plain average of every
 * target the pair has received (the first update replaces Q₀ entirely, α = 1/1): the
 * sample-average rule of Sutton & Barto §2.4, which converges under the Robbins–Monro conditions
 * (Σ α = ∞, Σ α² < ∞) where a constant α keeps moving.
 */
import type { AlphaSchedule } from './learner-values';

/** α for an update that is the pair's `visits`-th (≥ 1): `alpha`, or 1/visits. */
export function stepSize(schedule: AlphaSchedule, alpha: number, visits: number): number {
  return schedule === 'constant' ? alpha : 1 / visits;
}
