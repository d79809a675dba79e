import { lazy, Suspense } from 'react';

/**
 * The panel, one more lazy step away: the dock's entry for this tab imports only this file, so the
 * page's first download names one chunk for it instead of every chunk the puzzles use (the
 * training loop, exact evaluation, the lesson's checkpoints, the export helper, their styles).
 */
const PuzzlesPanel = lazy(async () => {
  const { PuzzlesPanel } = await import('./PuzzlesPanel');
  return { default: () => <PuzzlesPanel /> };
});

/** The puzzles tab: the puzzles and the worksheet, loaded when the tab is first opened. */
export default function PuzzlesTab() {
  return (
    <Suspense fallback={<p className="hint">Loading the puzzles…</p>}>
      <PuzzlesPanel />
    </Suspense>
  );
}
