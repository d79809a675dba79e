import { memo } from 'react';
import { Disclosure } from './Disclosure';
import { ThemeControls } from './DisplayControls';
import { Hideable, useShown } from './Hideable';
import { useLab } from './lab-context';
import { TeacherLink } from './TeacherLink';
import { CopyLinkButton } from './UrlSync';

/**
 * The top bar's one menu: theme and palette, the shortcuts, the links (copy link, teacher's link)
 * and the way to the dock's Export and Import tab. Each part keeps its teacher's-link id.
 */
export const AppMenu = memo(function AppMenu({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  const setDisplay = useLab((s) => s.setDisplay);
  const exportsShown = useShown('exports');
  const importShown = useShown('import');
  return (
    <Disclosure label="Menu" className="app-menu" title="Theme, palette, shortcuts, links, export">
      <Hideable id="display">
        <ThemeControls />
      </Hideable>
      <Hideable id="shortcuts">
        <button type="button" onClick={onShowShortcuts} aria-keyshortcuts="?">
          Shortcuts
        </button>
      </Hideable>
      <Hideable id="link">
        <div className="link-tools">
          <CopyLinkButton />
          <TeacherLink />
        </div>
      </Hideable>
      {(exportsShown || importShown) && (
        <button type="button" onClick={() => setDisplay({ tab: 'io' })}>
          Export and import…
        </button>
      )}
    </Disclosure>
  );
});
