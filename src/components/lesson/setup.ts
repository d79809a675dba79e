/**
 * How a chapter sets the lab up, as pure functions over the store's fields: which run it needs,
 * whether the run on screen already is that run, and what would be lost by starting it. The
 * panel asks before replacing a run that has taken steps (nothing is silently lost).
 */
import { lessonSettings, type LabState } from '../../store/lab-store';
import { CHAPTERS, type Chapter } from './chapters';
import type { RunSettings } from '../../worker/protocol';
import type { QParams } from '../../rl/params';
import type { DockTab } from '../../shared/dock-tabs';
import { targetTab } from './target-names';

/** The run a chapter is set up on: the lesson's settings on its map, with its seed. */
export function chapterRun(chapter: Chapter): RunSettings {
  const settings = lessonSettings(chapter.setup.map, chapter.setup.seed);
  return { ...settings, params: { ...settings.params, ...chapter.setup.params } };
}

/**
 * True when `current` already is the chapter's run: same map, ice, time limit, seed, episode
 * budget, frame interval and learner. Hyperparameters are not compared: a chapter changes them live.
 */
export function sameRun(current: RunSettings, wanted: RunSettings): boolean {
  return (
    current.map.length === wanted.map.length &&
    current.map.every((row, i) => row === wanted.map[i]) &&
    current.isSlippery === wanted.isSlippery &&
    current.successRate === wanted.successRate &&
    current.maxSteps === wanted.maxSteps &&
    current.seed === wanted.seed &&
    current.episodes === wanted.episodes &&
    current.frameInterval === wanted.frameInterval &&
    // The lesson's learner: no algorithm or options named (Q-learning with the lesson's options).
    current.algorithm === wanted.algorithm &&
    current.learner === wanted.learner
  );
}

/** What setting a chapter up would do to the lab. */
export interface SetupPlan {
  /**
   * A new run must be started: the chapter trains its own run, or the run on screen is not the
   * chapter's run at step 0 (a run with steps is never continued: episode numbers would stack).
   */
  fresh: boolean;
  /** Starting it would replace a run with steps that the lesson did not start: ask first. */
  losesRun: boolean;
  /** The hyperparameters the chapter changes that differ from those in force. */
  paramChange: Partial<QParams>;
}

/**
 * Plans a chapter's setup against the lab's current fields. `lessonRunId` is the run the lesson
 * itself started or adopted (`null`: none): replacing it loses nothing the user made.
 */
export function planSetup(
  chapter: Chapter,
  lab: Pick<LabState, 'settings' | 'params' | 'totalSteps'> & Partial<Pick<LabState, 'runId'>>,
  lessonRunId: number | null = null,
): SetupPlan {
  const untouched = sameRun(lab.settings, chapterRun(chapter)) && lab.totalSteps === 0;
  const fresh = chapter.setup.start === 'trained' || !untouched;
  const paramChange: Partial<QParams> = {};
  for (const [key, value] of Object.entries(chapter.setup.params ?? {}) as Array<
    [keyof QParams, QParams[keyof QParams]]
  >)
    if (lab.params[key] !== value) Object.assign(paramChange, { [key]: value });
  const ours = lab.runId !== undefined && lab.runId === lessonRunId;
  return { fresh, losesRun: fresh && lab.totalSteps > 0 && !ours, paramChange };
}

/** The dock tab a chapter opens: the one it watches, else the one holding its highlight. */
export function chapterTab(chapter: Chapter): DockTab | null {
  return chapter.setup.tab ?? targetTab(chapter.setup.highlight);
}

/** "the 4x4 map, seed 0": how a chapter's run is named in messages. */
export function runName(chapter: Chapter): string {
  return `the ${chapter.setup.map} map, seed ${chapter.setup.seed}`;
}

/** The chapter for a 1-based number, or `undefined` when there is none. */
export function chapterAt(n: number): Chapter | undefined {
  return Number.isInteger(n) && n >= 1 ? CHAPTERS[n - 1] : undefined;
}

/** Where the lesson remembers the last chapter open, so it resumes there. */
export const CHAPTER_STORAGE_KEY = 'ice-maze-lab.lesson-chapter';

/** The remembered chapter (1-based), or 1 when none is remembered or storage is unavailable. */
export function rememberedChapter(storage: Pick<Storage, 'getItem'> | null): number {
  try {
    const n = Number(storage?.getItem(CHAPTER_STORAGE_KEY));
    return chapterAt(n) ? n : 1;
  } catch {
    return 1;
  }
}

/** Remembers the chapter open; storage may be missing or full (private windows): then it is not. */
export function rememberChapter(storage: Pick<Storage, 'setItem'> | null, n: number): void {
  try {
    storage?.setItem(CHAPTER_STORAGE_KEY, String(n));
  } catch {
    // Resuming is a convenience; the lesson works without it.
  }
}
