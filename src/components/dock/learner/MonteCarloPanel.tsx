import type { LabState } from '../../../store/lab-store';
import { formatSigned, formatThousands } from '../../../viz/format';
import { useThrottledLab } from '../../hosts/useThrottledLab';

/** The last return and the pairs its episode's end updated (NaN, 0 before the first episode ends). */
function lastReturn(state: LabState): { lastReturn: number; updates: number; episode: number } {
  const returns = state.snapshot?.memory?.returns;
  return {
    lastReturn: returns && state.episode > 0 ? returns.lastReturn : NaN,
    updates: returns?.updates ?? 0,
    episode: state.episode,
  };
}

/** Shallow equality of the readout's three numbers. */
const same = (a: ReturnType<typeof lastReturn>, b: ReturnType<typeof lastReturn>): boolean =>
  Object.is(a.lastReturn, b.lastReturn) && a.updates === b.updates && a.episode === b.episode;

/**
 * Monte Carlo's memory: the episode under way (kept whole until it ends), then at its end the
 * return G₀ of the last episode and how many pairs its end updated toward their returns.
 */
export function MonteCarloPanel({ firstVisit }: { firstVisit: boolean }) {
  const readout = useThrottledLab(lastReturn, same);
  return (
    <div className="learner-monte-carlo">
      <p className="learner-explainer">
        Monte Carlo keeps the whole episode under way — every s, a and r — and changes nothing until
        it ends. Then it walks back through it, Gₜ = rₜ₊₁ + γ·Gₜ₊₁, and moves each pair’s Q toward
        the return that followed it ({firstVisit ? 'its first visit only' : 'every visit'}
        ): no bootstrap, the real outcome instead.
      </p>
      <p className="learner-readout">
        {readout.episode === 0
          ? 'No episode has ended yet, so no return has been computed.'
          : `After ${formatThousands(readout.episode)} ${readout.episode === 1 ? 'episode' : 'episodes'}: the last one’s return G₀ = ${formatSigned(readout.lastReturn, 4)}; its end updated ${formatThousands(readout.updates)} state-action ${readout.updates === 1 ? 'pair' : 'pairs'}.`}
      </p>
    </div>
  );
}
