import { useEffect } from 'react';
import type { LabStore } from '../../store/lab-store';
import { isShown } from './Hideable';
import {
  belongsToTarget,
  claimedByRegion,
  SHORTCUT_CONTROLS,
  shortcutFor,
  type ShortcutAction,
} from './shortcuts';
import { OWN_KEYS_ATTRIBUTE } from './own-keys';
import { takeEarlyKeys } from './early-keys';

/**
 * Listens for the lab's shortcuts on the document; a key typed into a field stays there.
 * `onHelp` and `onPresenter` handle what is not in the store. `enabled` false (a teacher's link
 * hid the shortcuts) listens for nothing.
 */
export function useShortcuts(
  store: LabStore,
  onHelp: () => void,
  onPresenter: () => void,
  enabled = true,
): void {
  useEffect(() => {
    // Keys pressed before this code arrived: acted on now, in order (none when shortcuts are off).
    const early = takeEarlyKeys();
    if (!enabled) return;
    const run = (action: ShortcutAction) => {
      const s = store.getState();
      switch (action.kind) {
        case 'toggle-play':
          return s.togglePlay();
        case 'step':
          return s.step();
        case 'step-episode':
          return s.stepEpisode();
        case 'reset':
          return s.reset();
        case 'view':
          return s.setView(action.view);
        case 'help':
          return onHelp();
        case 'presenter':
          return onPresenter();
      }
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const target = event.target as
        (Element & { isContentEditable?: boolean; type?: string }) | null;
      if (belongsToTarget(target, event.key)) return;
      // An open dialog (the shortcut list, a glossary popover) keeps its keys.
      if (target?.closest?.('[role="dialog"]')) return;
      // A region that claims keys (the drive panel, the map editor's grid) keeps them.
      const region = target?.closest?.(`[${OWN_KEYS_ATTRIBUTE}]`);
      if (region && claimedByRegion(region.getAttribute(OWN_KEYS_ATTRIBUTE), event.key)) return;
      const action = shortcutFor(event);
      if (!action) return;
      const control = SHORTCUT_CONTROLS[action.kind];
      if (control && !isShown(store.getState(), control)) return;
      event.preventDefault();
      run(action);
    };
    document.addEventListener('keydown', onKey);
    for (const event of early) onKey(event);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, onHelp, onPresenter, enabled]);
}
