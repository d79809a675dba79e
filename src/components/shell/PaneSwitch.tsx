import { memo } from 'react';
import { useLab } from './lab-context';

/** What the one column shows under the grid on a tablet or a phone. */
export type NarrowPane = 'update' | 'objectives' | 'curves';

/**
 * The segmented switch of a narrow screen: Update, Objectives or Curves under the grid. Curves is
 * the dock's Curves tab (so it is in the link); the others close the dock. Hidden on wide screens
 * (CSS), where the three columns stand side by side.
 */
export const PaneSwitch = memo(function PaneSwitch({
  pane,
  onPane,
}: {
  /** The pane shown, or null while another dock tab takes the place under the grid. */
  pane: NarrowPane | null;
  onPane: (pane: NarrowPane) => void;
}) {
  const setDisplay = useLab((s) => s.setDisplay);
  const choose = (next: NarrowPane) => {
    onPane(next);
    setDisplay({ tab: next === 'curves' ? 'curves' : null });
  };
  const options: readonly [NarrowPane, string][] = [
    ['update', 'Update'],
    ['objectives', 'Objectives'],
    ['curves', 'Curves'],
  ];
  return (
    <div className="pane-switch" role="group" aria-label="Show under the grid">
      {options.map(([id, label]) => (
        <button key={id} type="button" aria-pressed={pane === id} onClick={() => choose(id)}>
          {label}
        </button>
      ))}
    </div>
  );
});
