/**
 * How the page looks, apart from the run: read by the store, written in the link.
 */
import type { DockTab } from './dock-tabs';

/** How the page looks: for a projector, a theme, a palette. */
export interface DisplaySettings {
  /** Larger type and grid, only the essential controls. */
  presenter: boolean;
  /** `'system'` follows the operating system's light or dark setting. */
  theme: 'system' | 'light' | 'dark';
  /** `'colorblind'`: viridis and purple–orange scales, safe for colour-vision deficiencies. */
  palette: 'default' | 'colorblind';
  /** The dock's open tab (one at a time), or `null` while the dock is closed. */
  tab: DockTab | null;
}

/** The page's look until the user or the link says otherwise. */
export const DEFAULT_DISPLAY: DisplaySettings = {
  presenter: false,
  theme: 'system',
  palette: 'default',
  tab: null,
};
