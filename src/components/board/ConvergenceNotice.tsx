import { memo } from 'react';
import { convergenceNotice, STABLE_EPISODES } from '../../rl/convergence';
import type { LabActions, LabState } from '../../store/lab-store';
import { useLab } from '../shell/lab-context';
import { formatThousands } from '../../viz/format';

/**
 * The notice's text for the lab's state, or '' while there is none. A string, so the component
 * re-renders only when the words change (not with every snapshot).
 */
export function selectConvergenceText(s: LabState & LabActions): string {
  if (!s.snapshot || !s.optimum) return '';
  return convergenceNotice(s.snapshot.convergence, s.optimum.successProbability) ?? '';
}

/**
 * "Has it converged?": says when the greedy policy has not changed for `STABLE_EPISODES`
 * episodes, or that it still changed when training stopped, and whether it equals the optimal
 * policy of value iteration, with its exact success probability. A polite live region: its text
 * names fixed episodes, so a screen reader announces it once per change of the policy, not with
 * every snapshot.
 */
export const ConvergenceNotice = memo(function ConvergenceNotice() {
  const text = useLab(selectConvergenceText);
  return (
    <section className="convergence" aria-labelledby="convergence-title">
      <h2 id="convergence-title">Convergence</h2>
      <p className="convergence-text" role="status" aria-live="polite" aria-label="Convergence">
        {text}
      </p>
      {text === '' && (
        <p className="hint">
          Said here once the greedy policy has not changed for {formatThousands(STABLE_EPISODES)}{' '}
          episodes, or when training stops: whether it equals the optimal policy (value iteration),
          and its exact success probability.
        </p>
      )}
    </section>
  );
});
