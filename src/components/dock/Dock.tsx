import { memo, Suspense, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DockTab } from '../../shared/dock-tabs';
import { isShown } from '../shell/Hideable';
import { useLab } from '../shell/lab-context';
import { OWN_KEYS_ATTRIBUTE } from '../shell/own-keys';
import { DOCK_TABS, type DockPanelProps, type DockTabSpec } from './dock-tabs';

const tabId = (id: DockTab) => `dock-tab-${id}`;
const panelId = (id: DockTab) => `dock-panel-${id}`;

/** The dock's state, shared by its tab strip and its panels (which sit apart on the page). */
export interface DockState {
  /** The tabs drawn: those with a panel a teacher's link leaves. */
  tabs: readonly DockTabSpec[];
  /** The open tab, or null while the dock is closed (or its open tab is hidden). */
  active: DockTab | null;
  /** The tabs opened so far: they stay mounted while hidden, so their panels keep their state. */
  visited: readonly DockTab[];
  /** The open panel takes the maze's column too. */
  enlarged: boolean;
  setEnlarged: (enlarged: boolean) => void;
}

/**
 * The dock's state: one tab open at a time (the store's `display.tab`, so it is in the link), none
 * while closed. A tab opened by a click, a link or the lesson joins the visited ones.
 */
export function useDockState(): DockState {
  const open = useLab((s) => s.display.tab);
  const shownIds = useLab(
    useShallow((s) =>
      DOCK_TABS.filter((t) => t.hideables.some((h) => isShown(s, h))).map((t) => t.id),
    ),
  );
  const [visited, setVisited] = useState<readonly DockTab[]>([]);
  const [enlarged, setEnlarged] = useState(false);
  const tabs = DOCK_TABS.filter((t) => shownIds.includes(t.id));
  const active = open !== null && shownIds.includes(open) ? open : null;
  // Derived state, set during render as React documents for it.
  if (active !== null && !visited.includes(active)) setVisited([...visited, active]);
  return { tabs, active, visited, enlarged, setEnlarged };
}

/** The index of the tab to focus for a key on the strip, or -1 for a key that is not ours. */
export function nextTabIndex(key: string, at: number, count: number): number {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (at + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (at - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return -1;
  }
}

/**
 * The dock's tab strip under the columns: Curves, Frames, Target policy, Q and A tables, Optimal
 * values, Compare, Sweep, Map editor and Drive, Export and Import, Glossary. A click opens a tab
 * (or closes the open one); the arrow keys, Home and End move along the strip (there → does not
 * step the run). With a tab open: Enlarge and Close panel.
 */
export const DockBar = memo(function DockBar({ dock }: { dock: DockState }) {
  const setDisplay = useLab((s) => s.setDisplay);
  const { tabs, active, visited, enlarged, setEnlarged } = dock;
  if (tabs.length === 0) return null;
  const focusable = active ?? tabs[0]!.id;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const next = nextTabIndex(
      e.key,
      buttons.indexOf(document.activeElement as HTMLButtonElement),
      buttons.length,
    );
    if (next < 0 || !buttons.includes(document.activeElement as HTMLButtonElement)) return;
    e.preventDefault();
    buttons[next]!.focus();
  };
  return (
    <nav className="dock-bar" aria-label="More panels">
      <div
        role="tablist"
        aria-label="More panels"
        className="dock-tabs"
        onKeyDown={onKeyDown}
        {...{ [OWN_KEYS_ATTRIBUTE]: 'arrows' }}
      >
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={tabId(t.id)}
            data-tab={t.id}
            aria-selected={t.id === active}
            aria-controls={visited.includes(t.id) ? panelId(t.id) : undefined}
            tabIndex={t.id === focusable ? 0 : -1}
            aria-label={t.short !== undefined ? t.label : undefined}
            title={t.short !== undefined ? t.label : undefined}
            onClick={() => setDisplay({ tab: t.id === active ? null : t.id })}
          >
            {t.short ?? t.label}
          </button>
        ))}
      </div>
      {active !== null && (
        <div className="dock-actions">
          <button type="button" aria-pressed={enlarged} onClick={() => setEnlarged(!enlarged)}>
            Enlarge
          </button>
          <button type="button" onClick={() => setDisplay({ tab: null })}>
            Close panel
          </button>
        </div>
      )}
    </nav>
  );
});

/**
 * The dock's panels: each visited tab's panels, loaded with `React.lazy` the first time (a
 * visible "Loading…" meanwhile), the open one shown, the others hidden but mounted.
 */
export const DockPanels = memo(function DockPanels({
  dock,
  ...props
}: DockPanelProps & { dock: DockState }) {
  const { tabs, active, visited } = dock;
  return (
    <div className="dock-panels" hidden={active === null}>
      {tabs
        .filter((t) => visited.includes(t.id))
        .map(({ id, label, Panel }) => (
          <div
            key={id}
            role="tabpanel"
            id={panelId(id)}
            aria-labelledby={tabId(id)}
            className="dock-panel"
            hidden={id !== active}
            // The panel scrolls: focusable, so the keyboard can scroll a tab without controls.
            tabIndex={0}
          >
            <Suspense
              fallback={
                <p className="dock-loading" role="status">
                  Loading {label}…
                </p>
              }
            >
              <Panel {...props} />
            </Suspense>
          </div>
        ))}
    </div>
  );
});
