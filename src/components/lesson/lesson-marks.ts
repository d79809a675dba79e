/**
 * What the open chapter marks on the page, as hooks with symmetric effects (added on mount,
 * removed on cleanup, so StrictMode's double mount leaves nothing behind): the highlighted
 * control, brought on screen; the chapter's cell on the grid; the inspector kept on that cell.
 */
import { useEffect } from 'react';
import type { LabStore } from '../../store/lab-store';
import type { Chapter } from './chapters';
import { LESSON_TARGET_ATTR, type LessonTarget } from './targets';

/** The class that outlines the chapter's highlighted control. */
export const HIGHLIGHT_CLASS = 'lesson-highlight';

/** The class that outlines the chapter's cell on the grid. */
export const CELL_CLASS = 'lesson-cell';

/**
 * Outlines the chapter's control while the chapter is open and scrolls it into view once (the
 * nearest scrolling box: a column or the dock's panel). The control may appear after the chapter
 * opens (a dock tab's code loads when the tab first opens) or mount again (its tab closed and
 * reopened), so until it is found, and again whenever the open tab changes, the elements added
 * to the page are watched; once it is marked the watch stops (while training at speed the grid
 * adds and removes nodes every frame, and each would wake the watcher).
 */
export function useHighlight(store: LabStore, target: LessonTarget): void {
  useEffect(() => {
    const selector = `[${LESSON_TARGET_ATTR}="${target}"]`;
    let shown = false;
    let observer: MutationObserver | null = null;
    const mark = (): boolean => {
      const found = document.querySelectorAll<HTMLElement>(selector);
      found.forEach((el) => el.classList.add(HIGHLIGHT_CLASS));
      const first = found[0];
      if (!shown && first) {
        shown = true;
        // jsdom has no layout and no scrollIntoView.
        if (typeof first.scrollIntoView === 'function')
          first.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      }
      return first !== undefined;
    };
    const watch = () => {
      if (observer !== null || mark()) return;
      observer = new MutationObserver(() => {
        if (!mark()) return;
        observer?.disconnect();
        observer = null;
      });
      observer.observe(document.body, { childList: true, subtree: true });
    };
    watch();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.display.tab !== prev.display.tab) watch();
    });
    return () => {
      unsubscribe();
      observer?.disconnect();
      document
        .querySelectorAll<HTMLElement>(selector)
        .forEach((el) => el.classList.remove(HIGHLIGHT_CLASS));
    };
  }, [store, target]);
}

/**
 * The cells a chapter outlines: its own cell (the one the inspector follows) and the cell its
 * prediction asks about, if that is another one.
 */
export function chapterCells(chapter: Chapter, prediction?: { cell?: number }): number[] {
  const cells = chapter.setup.cell === null ? [] : [chapter.setup.cell];
  const asked = prediction?.cell;
  return asked === undefined || cells.includes(asked) ? cells : [...cells, asked];
}

/**
 * Outlines `cells` on the grid with `CELL_CLASS`. The grid is drawn after the panel mounts (the
 * worker's first answer) and enters new cell elements when the map changes, so the mark follows
 * the elements added under the grid's host (attribute updates are not watched).
 */
export function useCellMark(cells: readonly number[]): void {
  const key = cells.join(',');
  useEffect(() => {
    const layer = document.querySelector('.grid-host');
    if (key === '' || !layer) return;
    const mark = () => {
      for (const cell of key.split(','))
        layer.querySelector(`.qgrid-cell[data-state="${cell}"]`)?.classList.add(CELL_CLASS);
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(layer, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      layer.querySelectorAll(`.${CELL_CLASS}`).forEach((el) => el.classList.remove(CELL_CLASS));
    };
  }, [key]);
}

/** Points the step inspector at the chapter's cell when the map on screen has it. */
export function inspectCell(store: LabStore, chapter: Chapter): void {
  const { env, inspectedState, inspect } = store.getState();
  const cell = chapter.setup.cell;
  if (!env || inspectedState === cell) return;
  if (cell === null || cell < env.nS) inspect(cell);
}

/** Keeps the chapter's cell in the inspector when a run (re)starts under the open chapter. */
export function useChapterCell(store: LabStore, chapter: Chapter): void {
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.env !== prev.env || s.runId !== prev.runId) inspectCell(store, chapter);
      }),
    [store, chapter],
  );
}
