/**
 * Sets the lab up for a chapter: its run (fresh, or trained through the lesson's budget), its
 * hyperparameters, view, speed, dock tab and cell, asking first before replacing a run with
 * steps that the lesson did not start.
 */
import { useEffect, useRef, useState } from 'react';
import type { LabStore } from '../../store/lab-store';
import type { Chapter } from './chapters';
import { inspectCell } from './lesson-marks';
import { chapterRun, chapterTab, planSetup, sameRun } from './setup';

/**
 * The run the lesson started or adopted, shared by the chapters of one opening of the lesson:
 * replacing it loses nothing of the user's, so the next chapter does not ask.
 */
export interface LessonRunRef {
  /** The run's id, or `null` while the lesson has none (it is forgotten when the lesson closes). */
  id: number | null;
}

/**
 * Where the chapter's run stands. `ask`: it needs a new run and the one on screen has the user's
 * steps; `kept`: the user kept it; `same`: the run on screen was the chapter's, untouched;
 * `fresh`: a new run was started; `training`: a new run is being trained through the budget at
 * full speed; `trained`: that training is over.
 */
export type RunChoice = 'ask' | 'kept' | 'same' | 'fresh' | 'training' | 'trained';

/** Sets the chapter's view, dock tab, speed and live hyperparameters on the run on screen. */
function applyDisplay(store: LabStore, chapter: Chapter, speed: boolean): void {
  const lab = store.getState();
  lab.setView(chapter.setup.view);
  const tab = chapterTab(chapter);
  if (tab !== null && lab.display.tab !== tab) lab.setDisplay({ tab });
  if (speed) lab.setSpeed(chapter.setup.speed);
}

/**
 * Sets the chapter up once when it opens (StrictMode runs effects twice; a second set-up would
 * start a second run) and returns where its run stands with `choose(fresh)`, the answer to the
 * question asked when the set-up would replace the user's run.
 */
export function useChapterRun(
  store: LabStore,
  chapter: Chapter,
  lessonRun: LessonRunRef,
): { choice: RunChoice; choose: (fresh: boolean) => void } {
  const [choice, setChoice] = useState<RunChoice>('same');
  const applied = useRef(false);
  /** The chapter asked for a new run and waits for its `ready`. */
  const awaiting = useRef(false);
  /** The chapter's run is being trained through its budget at full speed. */
  const training = useRef(false);
  /** The run on screen when the chapter asked for its own (its snapshots are not the new run's). */
  const startedFrom = useRef<number | null>(null);

  /** Starts the chapter's run, or keeps the one on screen and changes only what the chapter sets. */
  const start = (fresh: boolean, kept: boolean) => {
    const lab = store.getState();
    const plan = planSetup(chapter, lab, lessonRun.id);
    const trained = fresh && chapter.setup.start === 'trained';
    applyDisplay(store, chapter, !trained);
    if (fresh) {
      awaiting.current = true;
      startedFrom.current = lab.runId;
      lab.applySettings(chapterRun(chapter), chapter.setup.map);
      if (trained) {
        // Commands reach the worker in order: the new run plays its whole budget at full speed.
        training.current = true;
        lab.setSpeed('max');
        lab.play();
      }
      setChoice(trained ? 'training' : 'fresh');
      return;
    }
    if (Object.keys(plan.paramChange).length > 0) lab.setParams(plan.paramChange);
    // The run on screen is the chapter's, untouched: the lesson adopts it (or, before the
    // worker's first answer, the run that answer brings).
    if (!kept && lab.env) lessonRun.id = lab.runId;
    else if (!kept) awaiting.current = true;
    inspectCell(store, chapter);
    setChoice(kept ? 'kept' : 'same');
  };

  useEffect(
    () =>
      store.subscribe((s, prev) => {
        // The new run is the lesson's: the one asked for, or one that replaced the lesson's run
        // with the chapter's settings (a Reset, or the page's first run answered after ours).
        if (
          s.runId !== prev.runId &&
          (awaiting.current ||
            (prev.runId === lessonRun.id && sameRun(s.settings, chapterRun(chapter))))
        ) {
          awaiting.current = false;
          lessonRun.id = s.runId;
        }
        // The training run stopped (its budget reached, or paused): the chapter's pace from now.
        if (
          training.current &&
          s.runId !== startedFrom.current &&
          (s.finished || (prev.running && !s.running))
        ) {
          // Flipped first: setting the speed notifies this listener again.
          training.current = false;
          setChoice('trained');
          s.setSpeed(chapter.setup.speed);
        }
      }),
    [store, chapter, lessonRun],
  );

  useEffect(() => {
    if (applied.current) return;
    applied.current = true;
    const plan = planSetup(chapter, store.getState(), lessonRun.id);
    if (plan.losesRun) setChoice('ask');
    else start(plan.fresh, false);
    // Once per chapter shown: `start` is the chapter's own set-up, not a dependency to follow.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, chapter, lessonRun]);

  return { choice, choose: (fresh) => start(fresh, !fresh) };
}
