import { memo, useCallback, useId, useRef, useState } from 'react';
import { DEFAULT_DISPLAY } from '../../shared/display';
import { orderedHideables, type HideableId } from '../../shared/hideable';
import { HIDEABLE } from '../../shared/hideable-items';
import { labQuery } from '../../shared/url/lab-link';
import { useLabStore } from './lab-context';
import { CopyLinkButton } from './UrlSync';
import { useModalDialog } from './useModalDialog';

const GROUPS = [
  { group: 'controls', legend: 'Controls beside the grid' },
  { group: 'panels', legend: 'Panels' },
] as const;

/**
 * The student link: the lab's own link (map, settings, view, speed, look) with `hide=` for the
 * chosen controls, on the page's address.
 */
export function studentLink(
  lab: Parameters<typeof labQuery>[0],
  hidden: Iterable<HideableId>,
  href: string,
): string {
  const url = new URL(href);
  url.search = labQuery({ ...lab, hidden: orderedHideables(hidden) }, url.search);
  return url.href;
}

/**
 * The key link: this lab opened at the puzzles tab with the teacher's key (`puzzle=key`): every
 * checkpoint's and puzzle's answer, computed when the tab shows it. Nothing is hidden in it.
 */
export function keyLink(lab: Parameters<typeof labQuery>[0], href: string): string {
  const url = new URL(href);
  url.searchParams.set('puzzle', 'key');
  const display = { ...(lab.display ?? DEFAULT_DISPLAY), tab: 'puzzles' as const };
  url.search = labQuery({ ...lab, display, hidden: [] }, url.search);
  return url.href;
}

/**
 * "Teacher's link": a dialog with one checkbox per thing the `HIDEABLE` list names; the link it
 * copies opens this lab with those hidden. Choosing here changes nothing on the teacher's page.
 * Beside it, the key link (`keyLink`) for the teacher's own answers.
 */
export const TeacherLink = memo(function TeacherLink() {
  const store = useLabStore();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<ReadonlySet<HideableId>>(new Set());

  useModalDialog(dialog, open);

  const openDialog = () => {
    // Start from what this page hides, so a teacher's link can be edited.
    setChosen(new Set(store.getState().hidden));
    setOpen(true);
  };
  const toggle = (id: HideableId, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const link = useCallback(
    () => studentLink(store.getState(), chosen, window.location.href),
    [store, chosen],
  );

  return (
    <>
      <button type="button" onClick={openDialog} aria-haspopup="dialog">
        Teacher&apos;s link
      </button>
      <dialog
        ref={dialog}
        className="teacher-link"
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
        onCancel={() => setOpen(false)}
      >
        <h2 id={titleId}>Teacher&apos;s link</h2>
        <p className="hint">
          Tick what students should not see. The link keeps this lab&apos;s map, settings and view;
          a page opened with it leaves the ticked controls out and says that some are hidden. The
          key link opens the puzzles tab with the teacher&apos;s key: every answer, for you alone.
        </p>
        {open &&
          GROUPS.map(({ group, legend }) => (
            <fieldset key={group} className="teacher-link-group">
              <legend>Hide: {legend.toLowerCase()}</legend>
              {HIDEABLE.filter((h) => h.group === group).map((h) => (
                <label key={h.id} className="inline-field">
                  <input
                    type="checkbox"
                    checked={chosen.has(h.id)}
                    onChange={(e) => toggle(h.id, e.target.checked)}
                  />
                  {h.label}
                </label>
              ))}
            </fieldset>
          ))}
        {open && (
          // Kept in view at the dialog's foot while the lists scroll (a phone, a short screen).
          <div className="teacher-link-footer">
            <p className="teacher-link-preview">
              Student link: <code>{link()}</code>
            </p>
            <div className="teacher-link-actions">
              <CopyLinkButton label="Copy student link" link={link} fieldLabel="Student link" />
              <CopyLinkButton
                label="Copy key link"
                link={() => keyLink(store.getState(), window.location.href)}
                fieldLabel="Key link (the answers: keep it to yourself)"
              />
              <button type="button" onClick={() => setOpen(false)}>
                Close
              </button>
            </div>
          </div>
        )}
      </dialog>
    </>
  );
});
