/**
 * Eligibility traces (Sutton & Barto §7, backward view), the update SARSA(λ) and Watkins's Q(λ)
 * share. With δ the step's TD error,
 *
 *   e(s, a) ← 1 (replacing) or e(s, a) + 1 (accumulating)
 *   for every pair p with e(p) ≠ 0:   Q(p) ← Q(p) + α(p)·δ·e(p)
 *   e(p) ← γλ·e(p), or 0 when the episode ends or Q(λ) cuts after an exploratory a′
 *
 * so one reward reaches back along the whole path, each earlier pair's share shrinking by γλ per
 * step. λ = 0 is one-step TD exactly (only e(s, a) = 1 is nonzero when Q moves).
 */
import { writeQ } from './agent';
import type { LearnStep } from './algorithms/definition';
import { stepSize } from './step-size';
import { tdRule } from './td-rule';

/**
 * One step of the trace update for `step` (its bootstrap already the algorithm's); `cut` clears
 * every trace after the update (Watkins). The record shows (s, a)'s own change, α·e(s, a)·δ, as
 * `recordAlpha` = α·e(s, a).
 */
export function traceUpdate(step: LearnStep, cut: boolean): void {
  const { agent, td } = step;
  const { q, visits, memory, options } = agent;
  const e = memory.traces;
  const sa = step.state * 4 + step.action;
  e[sa] = options.traces === 'replacing' ? 1 : e[sa]! + 1;
  memory.lastTrace = e[sa]!;
  step.recordAlpha = step.alpha * e[sa]!;
  tdRule(td, q[sa]!, step.reward, step.gamma, step.bootstrap, step.recordAlpha);
  const delta = td.tdError;
  const decay = step.ended || cut ? 0 : step.gamma * options.lambda;
  const alpha = agent.params.alpha;
  for (let p = 0; p < e.length; p++) {
    if (e[p] === 0) continue;
    // α of p: the step's own for (s, a) (its visit not counted in N yet), else by p's visits.
    const alphaP = p === sa ? step.alpha : stepSize(options.alphaSchedule, alpha, visits[p]!);
    writeQ(agent, p >> 2, p & 3, q[p]! + alphaP * delta * e[p]!);
    e[p]! *= decay;
  }
}
