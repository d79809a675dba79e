import { memo } from 'react';
import { useLab } from './lab-context';

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
