import { useEffect, useRef } from 'react';
import { useLab, useLabStore } from '../shell/lab-context';
import { CHAPTERS } from './chapters';
import { ChapterPanel } from './ChapterPanel';
import { chapterAt, rememberedChapter } from './setup';
import type { LessonTarget } from './targets';
import type { LessonRunRef } from './useChapterRun';

/** The id of the header's "Guided lesson" button (focus returns to it when the lesson closes). */
export const LESSON_BUTTON_ID = 'guided-lesson-button';

/** The browser's local storage, or `null` where it is unavailable (some private windows). */
function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The header button that opens the guided lesson where it was left (or closes it). */
export function GuidedLessonButton() {
  const open = useLab((s) => s.lessonChapter !== null);
  const setChapter = useLab((s) => s.setLessonChapter);
  return (
    <button
      type="button"
      id={LESSON_BUTTON_ID}
      aria-expanded={open}
      onClick={() => setChapter(open ? null : rememberedChapter(localStore()))}
    >
      Guided lesson
    </button>
  );
}

/**
 * The guided lesson, a drawer in the update column's place: one chapter at a time in the seed
 * lesson's order, each setting the lab up for what it asks (its own run, speed, dock tab and
 * highlighted control), with Back / Next, the progress, and a question answered from the live
 * run. Open while the store's `lessonChapter` is set (the link's `?chapter=N`); the chapter is
 * remembered, so the lesson resumes where it was left. Escape closes it; closing changes
 * nothing in the run.
 */
export function GuidedLesson({
  onHighlight,
}: {
  /** Told the control the open chapter highlights (the presenter's bar keeps only that one). */
  onHighlight?: (target: LessonTarget) => void;
}) {
  const store = useLabStore();
  const number = useLab((s) => s.lessonChapter);
  const highlight = chapterAt(number ?? 1)?.setup.highlight ?? CHAPTERS[0]!.setup.highlight;
  useEffect(() => onHighlight?.(highlight), [onHighlight, highlight]);
  // The run the lesson started or adopted, for as long as the lesson stays open.
  const lessonRun = useRef<LessonRunRef>({ id: null });
  useEffect(() => {
    if (number === null) lessonRun.current.id = null;
  }, [number]);
  if (number === null) return null;
  // The link's chapter is checked when it is read; anything else out of range opens chapter 1.
  const n = chapterAt(number) ? number : 1;
  const chapter = CHAPTERS[n - 1]!;
  const close = () => {
    store.getState().setLessonChapter(null);
    document.getElementById(LESSON_BUTTON_ID)?.focus();
  };
  // Remount per chapter: its question, verdict and set-up state start afresh.
  return (
    <ChapterPanel
      key={chapter.id}
      store={store}
      chapter={chapter}
      number={n}
      lessonRun={lessonRun.current}
      storage={localStore()}
      onClose={close}
    />
  );
}
