/**
 * The panel's one-line status: where the run stands, in words a class reads aloud. Pure.
 */
import type { DpRun } from '../../../rl/dp/dp-run';
import { vAt } from '../../../viz/dp-format';

/** ‖ΔV‖∞ as the panel writes it: 3 significant digits in scientific notation ("3.70e-2"). */
export function formatDelta(x: number): string {
  return x.toExponential(2);
}

/** "12 states: 1, 4, 5, …" — the first few states of a list. */
function stateList(states: readonly number[]): string {
  const shown = states.slice(0, 8).join(', ');
  const word = states.length === 1 ? 'state' : 'states';
  return `${states.length} ${word} (${shown}${states.length > 8 ? ', …' : ''})`;
}

/** The status line of a run. */
export function dpStatus(run: DpRun): string {
  const k = run.sweeps;
  const tol = run.tolerance.toExponential();
  if (run.last === null)
    return run.method === 'value'
      ? 'V₀ = 0 everywhere. Each sweep backs every state up once from the last V.'
      : 'π₀ = Left everywhere, V₀ = 0. Each sweep evaluates π once more; then π is improved.';
  const delta = `‖${vAt(k)} − ${vAt(k - 1)}‖∞ = ${formatDelta(run.deltas[k - 1]!)}`;
  if (run.method === 'value')
    return run.phase === 'done'
      ? `Sweep ${k}: ${delta}, below ${tol}: value iteration has converged.`
      : `Sweep ${k}: ${delta}.`;
  if (run.last === 'improvement')
    return run.changed.length === 0
      ? `Improvement ${run.improvements} changed nothing: π is optimal (${k} evaluation sweeps in all).`
      : `Improvement ${run.improvements} changed ${stateList(run.changed)}, ringed on the grid. Evaluate the new π next.`;
  return run.phase === 'improve'
    ? `Sweep ${k}: ${delta}, below ${tol}: π is evaluated. Improve it next.`
    : `Sweep ${k} (evaluating π, ${run.improvements} improvements so far): ${delta}.`;
}
