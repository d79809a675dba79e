import { lazy, memo, Suspense } from 'react';
import { Disclosure } from './Disclosure';

/** What the menu holds loads after the first draw (the panel is closed at first anyway). */
const MenuItems = lazy(async () => ({ default: (await import('./MenuItems')).MenuItems }));

/**
 * The top bar's one menu: theme and palette, the shortcuts, the links (copy link, teacher's link)
 * and the way to the dock's Export and Import tab. Each part keeps its teacher's-link id.
 */
export const AppMenu = memo(function AppMenu({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  return (
    <Disclosure label="Menu" className="app-menu" title="Theme, palette, shortcuts, links, export">
      <Suspense fallback={<p role="status">Loading the menu…</p>}>
        <MenuItems onShowShortcuts={onShowShortcuts} />
      </Suspense>
    </Disclosure>
  );
});
