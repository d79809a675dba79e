import { ThemeControls } from './ThemeControls';
import { Hideable, useShown } from './Hideable';
import { useLab } from './lab-context';
import { TeacherLink } from './TeacherLink';
import { CopyLinkButton } from './UrlSync';

/** The menu's items (see `AppMenu`), each behind its teacher's-link id. */
export function MenuItems({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  const setDisplay = useLab((s) => s.setDisplay);
  const exportsShown = useShown('exports');
  const importShown = useShown('import');
  return (
    <>
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
    </>
  );
}
