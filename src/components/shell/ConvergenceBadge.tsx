import { memo } from 'react';
import { convergenceHeadline } from '../../rl/convergence';
import type { LabState } from '../../store/lab-store';
import { ConvergenceNotice, selectConvergenceText } from '../board/ConvergenceNotice';
import { useLab } from './lab-context';

/** The notice's few words for the badge, or '' while there is no notice. */
function selectHeadline(s: LabState): string {
  if (!s.snapshot || !s.optimum) return '';
  return convergenceHeadline(s.snapshot.convergence) ?? '';
}

/**
 * The convergence notice as a one-line badge over the grid. Before there is something to say the
 * badge takes no room (`data-empty`: visually hidden, yet the notice's polite live region stays
 * mounted, so its first sentence is announced); then it shows the notice in a few words that fit
 * the line, and the whole notice on hover or focus (and to screen readers, always).
 */
export const ConvergenceBadge = memo(function ConvergenceBadge() {
  const empty = useLab((s) => selectConvergenceText(s) === '');
  const headline = useLab(selectHeadline);
  return (
    <div className="convergence-badge" data-empty={empty || undefined} tabIndex={empty ? -1 : 0}>
      {!empty && (
        <p className="convergence-headline" aria-hidden="true">
          {headline}
        </p>
      )}
      <ConvergenceNotice />
    </div>
  );
});
