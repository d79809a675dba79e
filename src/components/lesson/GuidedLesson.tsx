import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { describeSpeed } from '../shell/speed';
import { Term } from '../dock/glossary/Glossary';
import { TERMS } from '../dock/glossary/glossary-terms';
import { useLab, useLabStore } from '../shell/lab-context';
import { VIEW_SWITCH_LABELS } from '../board/view-labels';
import { CHAPTERS, type Chapter } from './chapters';
import { checkAnswer, cellName, makeQuestion, type Question, type Verdict } from './questions';
import {
  chapterAt,
  chapterRun,
  planSetup,
  rememberChapter,
  rememberedChapter,
  runName,
} from './setup';
import { LESSON_TARGET_ATTR, LESSON_TARGETS } from './targets';
import type { LabStore } from '../../store/lab-store';
import { MAPS } from '../../rl/maps';

/** The id of the header's "Guided lesson" button (focus returns to it when the lesson closes). */
export const LESSON_BUTTON_ID = 'guided-lesson-button';

/** The class that outlines the chapter's highlighted control. */
export const HIGHLIGHT_CLASS = 'lesson-highlight';

/** The class that outlines the chapter's cell on the grid. */
export const CELL_CLASS = 'lesson-cell';

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
 * Sets the lab up for a chapter: its run (only when `fresh`; the caller asked first if that
 * replaces a run with steps), its hyperparameters, view, speed and cell. A fresh run's `ready`
 * resets the inspected cell, so the cell is (re)applied by `useChapterCell` once the run is up.
 */
function applySetup(store: LabStore, chapter: Chapter, fresh: boolean): void {
  const lab = store.getState();
  const plan = planSetup(chapter, lab);
  if (fresh) lab.applySettings(chapterRun(chapter), chapter.setup.map);
  else if (Object.keys(plan.paramChange).length > 0) lab.setParams(plan.paramChange);
  lab.setView(chapter.setup.view);
  lab.setSpeed(chapter.setup.speed);
  if (!fresh) inspectCell(store, chapter);
}

/** Points the step inspector at the chapter's cell when the map on screen has it. */
function inspectCell(store: LabStore, chapter: Chapter): void {
  const { env, inspectedState, inspect } = store.getState();
  const cell = chapter.setup.cell;
  if (!env || inspectedState === cell) return;
  if (cell === null || cell < env.nS) inspect(cell);
}

/** Outlines the chapter's control while the chapter is open (symmetric: removed on cleanup). */
function useHighlight(chapter: Chapter): void {
  useEffect(() => {
    const marked = document.querySelectorAll<HTMLElement>(
      `[${LESSON_TARGET_ATTR}="${chapter.setup.highlight}"]`,
    );
    marked.forEach((el) => el.classList.add(HIGHLIGHT_CLASS));
    return () => marked.forEach((el) => el.classList.remove(HIGHLIGHT_CLASS));
  }, [chapter]);
}

/**
 * Outlines the chapter's cell on the grid with `CELL_CLASS`. The grid is drawn after the panel
 * mounts (the worker's first answer) and enters new cell elements when the map changes, so the
 * mark follows the elements added under the grid's host (attribute updates are not watched).
 */
function useCellMark(cell: number | null): void {
  useEffect(() => {
    const layer = document.querySelector('.grid-host');
    if (cell === null || !layer) return;
    const mark = () => {
      layer.querySelector(`.qgrid-cell[data-state="${cell}"]`)?.classList.add(CELL_CLASS);
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(layer, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      layer.querySelectorAll(`.${CELL_CLASS}`).forEach((el) => el.classList.remove(CELL_CLASS));
    };
  }, [cell]);
}

/** Keeps the chapter's cell in the inspector when a run (re)starts under the open chapter. */
function useChapterCell(store: LabStore, chapter: Chapter): void {
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.env !== prev.env || s.runId !== prev.runId) inspectCell(store, chapter);
      }),
    [store, chapter],
  );
}

/**
 * The guided lesson, docked beside the grid: one chapter at a time in the seed lesson's order,
 * each setting the lab up for what it asks, with Back / Next, the progress, and a question
 * answered from the live run. Open while the store's `lessonChapter` is set (the link's
 * `?chapter=N`); the chapter is remembered, so the lesson resumes where it was left. Escape
 * closes it; closing changes nothing in the run.
 */
export function GuidedLesson() {
  const store = useLabStore();
  const number = useLab((s) => s.lessonChapter);
  if (number === null) return null;
  // The link's chapter is checked when it is read; anything else out of range opens chapter 1.
  const n = chapterAt(number) ? number : 1;
  const chapter = CHAPTERS[n - 1]!;
  // Remount per chapter: its question, verdict and setup state start afresh.
  return <ChapterPanel key={chapter.id} store={store} chapter={chapter} number={n} />;
}

function ChapterPanel({
  store,
  chapter,
  number,
}: {
  store: LabStore;
  chapter: Chapter;
  number: number;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const applied = useRef(false);
  /** `ask`: the chapter needs a fresh run and the current one has steps; `kept` / `fresh`: decided. */
  const [runChoice, setRunChoice] = useState<'ask' | 'kept' | 'fresh' | 'same'>('same');
  const total = CHAPTERS.length;
  const setup = chapter.setup;
  const go = (n: number) => store.getState().setLessonChapter(n);
  const close = () => {
    store.getState().setLessonChapter(null);
    document.getElementById(LESSON_BUTTON_ID)?.focus();
  };

  useHighlight(chapter);
  useChapterCell(store, chapter);
  useCellMark(runChoice === 'ask' ? null : setup.cell);

  useEffect(() => {
    rememberChapter(localStore(), number);
    // Once per chapter shown (StrictMode runs effects twice; a second init would be waste).
    if (applied.current) return;
    applied.current = true;
    const plan = planSetup(chapter, store.getState());
    if (plan.losesRun) {
      setRunChoice('ask');
      return;
    }
    applySetup(store, chapter, plan.fresh);
    setRunChoice(plan.fresh ? 'fresh' : 'same');
  }, [store, chapter, number]);

  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [chapter]);

  const choose = (fresh: boolean) => {
    applySetup(store, chapter, fresh);
    setRunChoice(fresh ? 'fresh' : 'kept');
    // The pressed button goes away: keep the focus in the panel (Escape still leaves it).
    heading.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    }
  };

  const ncol = MAPS[setup.map][0]!.length;
  return (
    <section className="panel guided-lesson" aria-labelledby={`${id}-title`} onKeyDown={onKeyDown}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Guided lesson</h2>
        <button type="button" onClick={close} aria-label="Leave the lesson">
          Leave
        </button>
      </div>
      <p className="lesson-progress-text" id={`${id}-progress`}>
        Chapter {number} of {total}
      </p>
      <div
        className="lesson-progress"
        role="progressbar"
        aria-labelledby={`${id}-progress`}
        aria-valuemin={1}
        aria-valuemax={total}
        aria-valuenow={number}
        aria-valuetext={`Chapter ${number} of ${total}: ${chapter.title}`}
      >
        <div className="lesson-progress-bar" style={{ width: `${(number / total) * 100}%` }} />
      </div>
      <h3 ref={heading} tabIndex={-1} className="lesson-title">
        {chapter.title}
      </h3>
      <p>{chapter.text}</p>
      {chapter.terms.length > 0 && (
        <p className="lesson-terms">
          Words:{' '}
          {chapter.terms.map((t) => (
            <Term key={t} id={t}>
              {TERMS[t].name}
            </Term>
          ))}
        </p>
      )}
      <p className="lesson-task">
        <strong>Try it:</strong> {chapter.task}
      </p>

      {runChoice === 'ask' && (
        <div className="lesson-confirm" role="alert">
          <p>
            This chapter is set up on a fresh run on {runName(chapter)}. Starting it replaces your
            current run (episode {store.getState().episode.toLocaleString('en-US')}, step{' '}
            {store.getState().totalSteps.toLocaleString('en-US')}).
          </p>
          <div className="lesson-confirm-actions">
            <button type="button" className="primary" onClick={() => choose(true)}>
              Start the fresh run
            </button>
            <button type="button" onClick={() => choose(false)}>
              Keep my run
            </button>
          </div>
        </div>
      )}
      {runChoice === 'fresh' && (
        <p className="hint">This chapter started a fresh run on {runName(chapter)}.</p>
      )}
      {runChoice === 'kept' && (
        <p className="hint">
          Your run was kept: the chapter’s view and speed are set, and the numbers are your run’s.
        </p>
      )}

      <ul className="lesson-setup" aria-label="Set up for this chapter">
        <li data-setup="map">
          Map {setup.map}, seed {setup.seed}
        </li>
        <li data-setup="view">Show {VIEW_SWITCH_LABELS[setup.view]}</li>
        <li data-setup="speed">Speed: {describeSpeed(setup.speed)}</li>
        {setup.params?.epsilon !== undefined && (
          <li data-setup="epsilon">ε set to {setup.params.epsilon}</li>
        )}
        {setup.cell !== null && (
          <li data-setup="cell">Highlighted cell: {cellName(setup.cell, ncol)}</li>
        )}
        <li data-setup="highlight" aria-live="polite">
          Highlighted: {LESSON_TARGETS[setup.highlight]}
        </li>
      </ul>

      {chapter.question && runChoice !== 'ask' && (
        <CheckQuestion store={store} chapter={chapter} kind={chapter.question} />
      )}

      <nav className="lesson-nav" aria-label="Chapters">
        <button type="button" onClick={() => go(number - 1)} disabled={number <= 1}>
          Back
        </button>
        {number < total ? (
          <button type="button" className="primary" onClick={() => go(number + 1)}>
            Next
          </button>
        ) : (
          <button type="button" className="primary" onClick={close}>
            Finish the lesson
          </button>
        )}
      </nav>
    </section>
  );
}

/** "Check your understanding": a question from the live run, its answer checked against it. */
function CheckQuestion({
  store,
  chapter,
  kind,
}: {
  store: LabStore;
  chapter: Chapter;
  kind: NonNullable<Chapter['question']>;
}) {
  const id = useId();
  const [question, setQuestion] = useState<Question | string | null>(null);
  const [answer, setAnswer] = useState('');
  const [verdict, setVerdict] = useState<Verdict | string | null>(null);

  const ask = () => {
    const lab = store.getState();
    setQuestion(
      makeQuestion(kind, {
        snapshot: lab.snapshot,
        settings: lab.settings,
        epsilon: lab.epsilon,
        params: lab.params,
        cell: chapter.setup.cell,
      }),
    );
    setAnswer('');
    setVerdict(null);
  };

  const check = () => {
    if (question === null || typeof question === 'string') return;
    setVerdict(checkAnswer(question, answer));
  };

  return (
    <section className="lesson-check" aria-labelledby={`${id}-head`}>
      <h4 id={`${id}-head`}>Check your understanding</h4>
      {question === null && (
        <button type="button" onClick={ask}>
          Ask me
        </button>
      )}
      {typeof question === 'string' && (
        <>
          <p className="hint">{question}</p>
          <button type="button" onClick={ask}>
            Ask again
          </button>
        </>
      )}
      {question !== null && typeof question !== 'string' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            check();
          }}
        >
          <p className="lesson-question" id={`${id}-prompt`}>
            {question.prompt}
          </p>
          {question.format === 'choice' ? (
            <fieldset className="lesson-choices">
              <legend>Your answer</legend>
              {question.choices.map((c) => (
                <label key={c.value}>
                  <input
                    type="radio"
                    name={`${id}-choice`}
                    value={c.value}
                    checked={answer === c.value}
                    onChange={() => setAnswer(c.value)}
                  />
                  {c.label}
                </label>
              ))}
            </fieldset>
          ) : (
            <label className="inline-field">
              Your answer
              <input
                type="text"
                inputMode="decimal"
                autoComplete="off"
                aria-describedby={`${id}-prompt`}
                value={answer}
                onChange={(e) => setAnswer(e.target.value)}
              />
            </label>
          )}
          <div className="lesson-check-actions">
            <button type="submit" className="primary">
              Check
            </button>
            <button type="button" onClick={ask}>
              New question
            </button>
          </div>
        </form>
      )}
      <p
        className={
          verdict === null || typeof verdict === 'string'
            ? 'lesson-verdict'
            : verdict.correct
              ? 'lesson-verdict right'
              : 'lesson-verdict wrong'
        }
        role="status"
        aria-live="polite"
      >
        {verdict === null ? '' : typeof verdict === 'string' ? verdict : verdict.text}
      </p>
    </section>
  );
}
