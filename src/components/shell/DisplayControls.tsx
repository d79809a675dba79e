import { memo } from 'react';
import { useLab } from './lab-context';

/**
 * Presenter mode on or off (key P): the same three columns at larger type. Its accessible name
 * stays "Presenter mode"; the bar shows the short word.
 */
export const PresenterButton = memo(function PresenterButton() {
  const presenter = useLab((s) => s.display.presenter);
  const setDisplay = useLab((s) => s.setDisplay);
  return (
    <button
      type="button"
      className="presenter-button"
      aria-pressed={presenter}
      onClick={() => setDisplay({ presenter: !presenter })}
      title="Larger type for a projector, only the controls in use (P)"
    >
      Presenter<span className="visually-hidden"> mode</span>
    </button>
  );
});
