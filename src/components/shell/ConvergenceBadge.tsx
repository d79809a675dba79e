import { memo } from 'react';
import { ConvergenceNotice, selectConvergenceText } from '../board/ConvergenceNotice';
import { useLab } from './lab-context';

/**
 * The convergence notice as a one-line badge over the grid. Before there is something to say the
 * badge takes no room (`data-empty`: visually hidden, yet the notice's polite live region stays
 * mounted, so its first sentence is announced); then it shows the sentence on one line, the whole
 * of it on hover or focus.
 */
export const ConvergenceBadge = memo(function ConvergenceBadge() {
  const empty = useLab((s) => selectConvergenceText(s) === '');
  return (
    <div className="convergence-badge" data-empty={empty || undefined} tabIndex={empty ? -1 : 0}>
      <ConvergenceNotice />
    </div>
  );
});
