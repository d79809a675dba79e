/** The lesson and teacher slice: the guided lesson's chapter and what a teacher's link hides. */
import type { HideableId } from '../../shared/hideable';
import type { LabSliceContext } from './slice';

/** The slice's fields. */
export interface LessonState {
  /** The guided lesson's open chapter (1-based), or `null` while the lesson is closed. */
  lessonChapter: number | null;
  /** Controls and panels a teacher's link hides from students (absent from the page). */
  hidden: readonly HideableId[];
  /** The teacher asked to see everything anyway (for presenting); the link still hides them. */
  showHidden: boolean;
}

/** The slice's actions. */
export interface LessonActions {
  /** Opens the guided lesson at a chapter (1-based; the panel checks the range), or closes it. */
  setLessonChapter(chapter: number | null): void;
  /** Shows the controls a teacher's link hides (true) or hides them again (false). */
  setShowHidden(show: boolean): void;
}

/** Creates the slice, from the chapter and hidden controls a link asked for. */
export function createLessonSlice(
  { set }: LabSliceContext,
  initial: { lessonChapter?: number | null; hidden?: readonly HideableId[] },
): LessonState & LessonActions {
  return {
    lessonChapter: initial.lessonChapter ?? null,
    hidden: [...(initial.hidden ?? [])],
    showHidden: false,
    setLessonChapter: (chapter) => set({ lessonChapter: chapter }),
    setShowHidden: (show) => set({ showHidden: show }),
  };
}
