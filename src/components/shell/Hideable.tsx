import { memo, type ReactNode } from 'react';
import type { HideableId } from '../../shared/hideable';
import type { LabActions, LabState } from '../../store/lab-store';
import { useLab } from './lab-context';

/** True when `id` is on the page: not hidden by a teacher's link, or the teacher shows everything. */
export function isShown(s: Pick<LabState, 'hidden' | 'showHidden'>, id: HideableId): boolean {
  return s.showHidden || !s.hidden.includes(id);
}

/** Whether `id` is on the page (a boolean, so a component re-renders only when it flips). */
export function useShown(id: HideableId): boolean {
  return useLab((s: LabState & LabActions) => isShown(s, id));
}

/**
 * Renders its children unless a teacher's link hides `id`. Hidden means not rendered at all, so
 * the control is absent from the accessibility tree and the tab order, not just invisible.
 */
export function Hideable({ id, children }: { id: HideableId; children: ReactNode }) {
  return useShown(id) ? children : null;
}

/**
 * "Some controls are hidden by your teacher": shown on a page opened from a teacher's link, with a
 * button that shows everything (for the teacher presenting) and hides it again.
 */
export const HiddenNote = memo(function HiddenNote() {
  const count = useLab((s) => s.hidden.length);
  const showHidden = useLab((s) => s.showHidden);
  const setShowHidden = useLab((s) => s.setShowHidden);
  if (count === 0) return null;
  return (
    <p className="hidden-note">
      <span>
        {showHidden
          ? 'Showing everything, including what your teacher hid.'
          : 'Some controls are hidden by your teacher.'}
      </span>
      <button type="button" aria-pressed={showHidden} onClick={() => setShowHidden(!showHidden)}>
        Show everything
      </button>
    </p>
  );
});
