import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { PuzzleSettings } from '../../rl/puzzles';
import {
  worksheetStore,
  type WorksheetEntries,
  type WorksheetStore,
} from '../../store/worksheet-store';
import { downloadBlob } from '../dock/io/ExportMenu';
import { teacherKey, worksheetFile, worksheetFileName, type WorksheetKind } from './worksheet-file';
import './worksheet.css';

/** "α 0.1, γ 0.5, seed 1": an attempt's settings as the sheet writes them. */
export function settingsText(settings: PuzzleSettings): string {
  const names: Record<keyof PuzzleSettings, string> = {
    alpha: 'α',
    gamma: 'γ',
    epsilonDecay: 'ε decay',
    seed: 'seed',
    episodes: 'episodes',
    goalReward: 'goal reward',
    holeReward: 'hole reward',
    frozenReward: 'ice reward',
  };
  return (Object.keys(settings) as Array<keyof PuzzleSettings>)
    .map((k) => `${names[k]} ${settings[k]}`)
    .join(', ');
}

/** "Right", "Not right", "Not revealed yet". */
function verdictWord(correct: boolean | null): string {
  return correct === null ? 'Not revealed yet' : correct ? 'Right' : 'Not right';
}

/** The sheet itself: plain headings, lists and text, laid out for the screen and for paper. */
function Sheet({
  kind,
  entries,
  headingId,
}: {
  kind: WorksheetKind;
  entries: WorksheetEntries;
  headingId?: string;
}) {
  const { predictions, answers, attempts } = entries;
  return (
    <article className="worksheet-sheet">
      <h3 id={headingId}>
        {kind === 'key' ? 'Ice Maze Lab: teacher’s key' : 'Ice Maze Lab: my worksheet'}
      </h3>
      <section>
        <h4>Predictions</h4>
        {predictions.length === 0 ? (
          <p>No prediction yet: the guided lesson asks for three.</p>
        ) : (
          <ol>
            {predictions.map((p) => (
              <li key={p.id}>
                <p>{p.prompt}</p>
                <p>
                  <strong>{kind === 'key' ? 'Answer' : 'My guess'}:</strong> {p.guess} —{' '}
                  {verdictWord(p.correct)}
                </p>
                {p.reveal && <p className="worksheet-reveal">{p.reveal}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
      {kind === 'student' && (
        <section>
          <h4>Answers</h4>
          {answers.length === 0 ? (
            <p>No question answered yet.</p>
          ) : (
            <ol>
              {answers.map((a, i) => (
                <li key={i}>
                  <p>
                    {a.chapter}: {a.prompt}
                  </p>
                  <p>
                    <strong>My answer:</strong> {a.answer} — {a.correct ? 'Right' : 'Not right'}
                  </p>
                  <p className="worksheet-reveal">{a.explanation}</p>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      <section>
        <h4>Puzzles</h4>
        {attempts.length === 0 ? (
          <p>No puzzle tried yet.</p>
        ) : (
          <ol>
            {attempts.map((a, i) => (
              <li key={i}>
                <p>
                  <strong>
                    Puzzle {a.puzzle}, {a.title}:
                  </strong>{' '}
                  {settingsText(a.settings)} — {a.solved ? 'Solved' : 'Not solved'}
                </p>
                <p className="worksheet-reveal">{a.result}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

/** "Start a new worksheet", asked twice: the first press asks, the second empties it. */
function StartOver({ worksheet }: { worksheet: WorksheetStore }) {
  const [asking, setAsking] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  // The pressed button is replaced by the question, and back: focus follows, to the safe answer.
  useEffect(() => {
    if (asking) keep.current?.focus();
    else if (asked.current) start.current?.focus();
    asked.current = asking;
  }, [asking]);
  if (!asking)
    return (
      <button type="button" ref={start} onClick={() => setAsking(true)}>
        Start a new worksheet
      </button>
    );
  return (
    <span role="group" aria-label="Start a new worksheet?">
      Empty this worksheet?{' '}
      <button
        type="button"
        onClick={() => {
          worksheet.getState().clear();
          setAsking(false);
        }}
      >
        Yes, empty it
      </button>{' '}
      <button type="button" ref={keep} onClick={() => setAsking(false)}>
        No, keep it
      </button>
    </span>
  );
}

/**
 * The worksheet: the student's predictions, answers and puzzle attempts (or, with `kind` key, the
 * teacher's key in the same format), with Print (a copy of the sheet outside the lab's layout is
 * all that prints) and a JSON download. Everything stays in the browser.
 */
export function Worksheet({
  kind = 'student',
  worksheet = worksheetStore,
}: {
  kind?: WorksheetKind;
  /** The page's worksheet unless a test gives one. */
  worksheet?: WorksheetStore;
}) {
  const id = useId();
  const student = useStore(
    worksheet,
    useShallow((s) => ({ predictions: s.predictions, answers: s.answers, attempts: s.attempts })),
  );
  // The key trains the checkpoints' runs and checks the puzzles' solutions once, when shown.
  const key = useMemo(() => (kind === 'key' ? teacherKey() : null), [kind]);
  const entries = key ?? student;
  const download = () =>
    downloadBlob(
      new Blob([JSON.stringify(worksheetFile(kind, entries), null, 2)], {
        type: 'application/json',
      }),
      worksheetFileName(kind),
    );
  return (
    <section className="worksheet" aria-labelledby={`${id}-sheet`}>
      <div className="worksheet-actions">
        <button type="button" onClick={() => window.print()}>
          Print the {kind === 'key' ? 'key' : 'worksheet'}
        </button>
        <button type="button" onClick={download}>
          Download {kind === 'key' ? 'the key' : 'the worksheet'} (JSON)
        </button>
        {kind === 'student' && <StartOver worksheet={worksheet} />}
      </div>
      {kind === 'student' && (
        <p className="hint">Kept in this browser across reloads; nothing is sent anywhere.</p>
      )}
      <Sheet kind={kind} entries={entries} headingId={`${id}-sheet`} />
      {createPortal(
        <div className="worksheet-print" aria-hidden="true">
          <Sheet kind={kind} entries={entries} />
        </div>,
        document.body,
      )}
    </section>
  );
}
