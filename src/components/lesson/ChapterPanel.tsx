import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { MAPS } from '../../rl/maps';
import type { LabStore } from '../../store/lab-store';
import { VIEW_SWITCH_LABELS } from '../board/view-labels';
import { Term } from '../dock/glossary/Term';
import { TERMS } from '../dock/glossary/glossary-terms';
import { describeSpeed } from '../shell/speed';
import { CHAPTERS, type Chapter } from './chapters';
import { CheckQuestion } from './CheckQuestion';
import { PREDICTIONS } from './predictions';
import { PredictionCheckpoint } from './PredictionCheckpoint';
import { chapterCells, useCellMark, useChapterCell, useHighlight } from './lesson-marks';
import { cellName } from './questions';
import { RunNote } from './RunNote';
import { rememberChapter } from './setup';
import { LESSON_TARGETS } from './target-names';
import { useChapterRun, type LessonRunRef } from './useChapterRun';

/** Props of `ChapterPanel`. */
export interface ChapterPanelProps {
  store: LabStore;
  chapter: Chapter;
  /** 1-based. */
  number: number;
  lessonRun: LessonRunRef;
  /** Where the chapter is remembered (local storage), or `null` where there is none. */
  storage: Storage | null;
  /** Leaves the lesson. */
  onClose: () => void;
}

/**
 * One chapter in the lesson's drawer: the progress, the text, the task, what the chapter set up,
 * its question, and Back / Next in a bar that stays in view while the chapter's text scrolls.
 */
export function ChapterPanel({
  store,
  chapter,
  number,
  lessonRun,
  storage,
  onClose,
}: ChapterPanelProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const total = CHAPTERS.length;
  const setup = chapter.setup;
  const go = (n: number) => store.getState().setLessonChapter(n);
  const { choice, choose } = useChapterRun(store, chapter, lessonRun);

  useHighlight(store, setup.highlight);
  useChapterCell(store, chapter);
  const prediction = chapter.prediction ? PREDICTIONS[chapter.prediction] : undefined;
  const cells = chapterCells(chapter, prediction);
  useCellMark(choice === 'ask' ? [] : cells);

  useEffect(() => rememberChapter(storage, number), [storage, number]);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [chapter]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };
  const answer = (fresh: boolean) => {
    choose(fresh);
    // The pressed button goes away: keep the focus in the panel (Escape still leaves it).
    heading.current?.focus();
  };

  const ncol = MAPS[setup.map][0]!.length;
  return (
    <section
      className="panel guided-lesson"
      aria-labelledby={`${id}-title`}
      onKeyDown={onKeyDown}
      data-update={setup.update}
    >
      <div className="lesson-head">
        <div className="panel-head">
          <h2 id={`${id}-title`}>Guided lesson</h2>
          <p className="lesson-progress-text" id={`${id}-progress`}>
            Chapter {number} of {total}
          </p>
          <button type="button" onClick={onClose} aria-label="Leave the lesson">
            Leave
          </button>
        </div>
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
      </div>
      <div className="lesson-body">
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
        <RunNote store={store} chapter={chapter} choice={choice} choose={answer} />
        <ul className="lesson-setup" aria-label="Set up for this chapter">
          <li data-setup="map">
            Map {setup.map}, seed {setup.seed}
          </li>
          <li data-setup="view">Show {VIEW_SWITCH_LABELS[setup.view]}</li>
          <li data-setup="speed">Speed: {describeSpeed(setup.speed)}</li>
          {setup.params?.epsilon !== undefined && (
            <li data-setup="epsilon">ε set to {setup.params.epsilon}</li>
          )}
          {cells.length > 0 && (
            <li data-setup="cell">
              Highlighted {cells.length === 1 ? 'cell' : 'cells'}:{' '}
              {cells.map((c) => cellName(c, ncol)).join(' and ')}
            </li>
          )}
          <li data-setup="highlight" aria-live="polite">
            Highlighted: {LESSON_TARGETS[setup.highlight]}
          </li>
        </ul>
        {chapter.question && choice !== 'ask' && (
          <CheckQuestion store={store} chapter={chapter} kind={chapter.question} />
        )}
        {chapter.prediction && choice !== 'ask' && (
          <PredictionCheckpoint
            store={store}
            prediction={PREDICTIONS[chapter.prediction]}
            lessonRun={lessonRun}
          />
        )}
      </div>
      <nav className="lesson-nav" aria-label="Chapters">
        <button type="button" onClick={() => go(number - 1)} disabled={number <= 1}>
          Back
        </button>
        {number < total ? (
          <button type="button" className="primary" onClick={() => go(number + 1)}>
            Next
          </button>
        ) : (
          <button type="button" className="primary" onClick={onClose}>
            Finish the lesson
          </button>
        )}
      </nav>
    </section>
  );
}
