import { useEffect } from 'react';
import { useLab } from './lab-context';

/**
 * Applies the chosen theme to `<html data-theme>` (none for `'system'`, which follows the
 * operating system). Called by the App, so the theme of a link applies even when a teacher's
 * link hides the display controls.
 */
export function useDocumentTheme(): void {
  const theme = useLab((s) => s.display.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', theme);
  }, [theme]);
}
