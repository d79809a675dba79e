import { useLabStore } from './lab-context';
import { useShortcuts } from './useShortcuts';

/** Props of `ShortcutKeys`. */
export interface ShortcutKeysProps {
  onHelp: () => void;
  onPresenter: () => void;
  /** False when a teacher's link hid the shortcuts. */
  enabled: boolean;
}

/**
 * The lab's keyboard shortcuts as a component that draws nothing, so the page can load the key
 * map after its first draw (the keys work a moment after the page appears).
 */
export function ShortcutKeys({ onHelp, onPresenter, enabled }: ShortcutKeysProps) {
  useShortcuts(useLabStore(), onHelp, onPresenter, enabled);
  return null;
}
