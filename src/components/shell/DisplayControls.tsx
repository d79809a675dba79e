import { memo } from 'react';
import { useLab } from './lab-context';
import { Hideable } from './Hideable';

/**
 * How the page looks: presenter mode for a projector, light/dark theme (following the system by
 * default) and a colour-blind-safe palette. `useDocumentTheme` applies the theme to <html>.
 */
export const DisplayControls = memo(function DisplayControls({
  onShowShortcuts,
}: {
  onShowShortcuts: () => void;
}) {
  const display = useLab((s) => s.display);
  const setDisplay = useLab((s) => s.setDisplay);

  return (
    <div className="display-controls" role="group" aria-label="Display">
      <button
        type="button"
        aria-pressed={display.presenter}
        onClick={() => setDisplay({ presenter: !display.presenter })}
        title="Larger type and grid, only the essential controls (P)"
      >
        Presenter mode
      </button>
      <label className="inline-field">
        Theme
        <select
          value={display.theme}
          onChange={(e) => setDisplay({ theme: e.target.value as 'system' | 'light' | 'dark' })}
        >
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      <label className="inline-field">
        <input
          type="checkbox"
          checked={display.palette === 'colorblind'}
          onChange={(e) => setDisplay({ palette: e.target.checked ? 'colorblind' : 'default' })}
        />
        Colour-blind-safe palette
      </label>
      <Hideable id="shortcuts">
        <button type="button" onClick={onShowShortcuts} aria-keyshortcuts="?">
          Shortcuts
        </button>
      </Hideable>
    </div>
  );
});
