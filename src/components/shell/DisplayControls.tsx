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

/**
 * How the page looks: light/dark theme (following the system by default) and a colour-blind-safe
 * palette. `useDocumentTheme` applies the theme to <html>.
 */
export const ThemeControls = memo(function ThemeControls() {
  const theme = useLab((s) => s.display.theme);
  const palette = useLab((s) => s.display.palette);
  const setDisplay = useLab((s) => s.setDisplay);
  return (
    <div className="display-controls" role="group" aria-label="Display">
      <label className="inline-field">
        Theme
        <select
          value={theme}
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
          checked={palette === 'colorblind'}
          onChange={(e) => setDisplay({ palette: e.target.checked ? 'colorblind' : 'default' })}
        />
        Colour-blind-safe palette
      </label>
    </div>
  );
});
