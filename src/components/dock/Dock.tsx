import { memo, Suspense, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DockTab } from '../../store/dock-tabs';
import { isShown } from '../shell/Hideable';
import { useLab } from '../shell/lab-context';
import { OWN_KEYS_ATTRIBUTE } from '../shell/shortcuts';
import { DOCK_TABS, type DockPanelProps } from './dock-tabs';

const tabId = (id: DockTab) => `dock-tab-${id}`;
const panelId = (id: DockTab) => `dock-panel-${id}`;

/**
 * The dock under the three columns: one tab strip for everything else (curves, frames, target
 * policy, tables, optimal values, compare, sweep, editor and drive, export and import, glossary),
 * one tab open at a time (the store's `display.tab`, so it is in the link), none while closed.
 * A tab's code loads when it is first opened; a tab once opened stays mounted while hidden, so
 * its panels keep what the user typed or ran. Tabs whose panels a teacher's link hides are not
 * drawn, and neither is their panel.
 */
export const Dock = memo(function Dock(props: DockPanelProps) {
  const open = useLab((s) => s.display.tab);
  const setDisplay = useLab((s) => s.setDisplay);
  const shownIds = useLab(
    useShallow((s) =>
      DOCK_TABS.filter((t) => t.hideables.some((h) => isShown(s, h))).map((t) => t.id),
    ),
  );
  const tabs = DOCK_TABS.filter((t) => shownIds.includes(t.id));
  const active = open !== null && shownIds.includes(open) ? open : null;
  const [visited, setVisited] = useState<readonly DockTab[]>([]);
  const [enlarged, setEnlarged] = useState(false);
  // A tab opened (by a click, a link or the lesson) joins the mounted ones: derived state, set
  // during render as React documents for it.
  if (active !== null && !visited.includes(active)) setVisited([...visited, active]);

  const choose = (id: DockTab) => setDisplay({ tab: id === active ? null : id });
  // Arrow keys move along the strip (the shortcuts' → does not step the run here), Home and End
  // to its ends; Enter or Space opens the focused tab.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? (at + 1) % buttons.length
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? (at - 1 + buttons.length) % buttons.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? buttons.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    buttons[next]!.focus();
  };
  if (tabs.length === 0) return null;
  const focusable = active ?? tabs[0]!.id;

  return (
    <section
      className="dock"
      aria-label="More panels"
      data-open={active ?? undefined}
      data-enlarged={(active !== null && enlarged) || undefined}
    >
      <div className="dock-bar">
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
              onClick={() => choose(t.id)}
            >
              {t.label}
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
      </div>
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
    </section>
  );
});
