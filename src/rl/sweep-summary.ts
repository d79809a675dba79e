/**
 * A sweep's results per setting: quantiles of the exact success probability over the seeds, the
 * median exact return, the median steps trained and the mean time per agent.
 */
import { median, quantile } from './statistics';
import type { SweepJobResult, SweepPlan, SweepSetting } from './sweep';

/** One setting's results over its seeds. */
export interface SweepSummary {
  settingIndex: number;
  setting: SweepSetting;
  /** Results in (fewer than the seeds while the sweep runs). */
  n: number;
  /** Quantiles of the exact success probability over the seeds (NaN while n = 0). */
  median: number;
  min: number;
  max: number;
  /** First and third quartiles (`quantile` at 0.25 and 0.75). */
  q1: number;
  q3: number;
  /**
   * Median over the seeds of the greedy policy's exact expected return under the setting's rewards
   * (NaN while none is in, or when the results carry none: `SweepJobResult.expectedReturn`).
   */
  medianReturn: number;
  /** Median steps trained. */
  medianSteps: number;
  /** Mean ms per agent. */
  meanMs: number;
}

/**
 * Per setting: median, min, max and quartiles of the exact success probability over the results
 * that are in (missing ones, of a sweep still running or cancelled, are skipped), the median
 * return, the median steps and the mean time per agent.
 */
export function summarizeSweep(
  plan: Pick<SweepPlan, 'settings'>,
  results: Iterable<SweepJobResult | undefined>,
): SweepSummary[] {
  const success: number[][] = plan.settings.map(() => []);
  const steps: number[][] = plan.settings.map(() => []);
  const returns: number[][] = plan.settings.map(() => []);
  const ms: number[] = plan.settings.map(() => 0);
  for (const r of results) {
    if (!r) continue;
    success[r.settingIndex]!.push(r.successProbability);
    steps[r.settingIndex]!.push(r.steps);
    if (r.expectedReturn !== undefined) returns[r.settingIndex]!.push(r.expectedReturn);
    ms[r.settingIndex]! += r.ms;
  }
  return plan.settings.map((setting, settingIndex) => {
    const xs = success[settingIndex]!.sort((a, b) => a - b);
    const n = xs.length;
    return {
      settingIndex,
      setting,
      n,
      median: quantile(xs, 0.5),
      min: n > 0 ? xs[0]! : NaN,
      max: n > 0 ? xs[n - 1]! : NaN,
      q1: quantile(xs, 0.25),
      q3: quantile(xs, 0.75),
      medianReturn: median(returns[settingIndex]!),
      medianSteps: median(steps[settingIndex]!),
      meanMs: n > 0 ? ms[settingIndex]! / n : NaN,
    };
  });
}
