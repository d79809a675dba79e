import { useId, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import {
  puzzleAt,
  PUZZLES,
  readPuzzleSettings,
  type Puzzle,
  type PuzzleField,
} from '../../../rl/puzzles';
import { parseUrlState, type PuzzleLink } from '../../../shared/url/url-state';
import { worksheetStore, type WorksheetStore } from '../../../store/worksheet-store';
import { settingsText, Worksheet } from '../../worksheet/Worksheet';
import './puzzles.css';

/** The page's link with `puzzle=` set, so a reload or a copied link opens the same puzzle. */
function rememberInLink(puzzle: PuzzleLink): void {
  try {
    const url = new URL(window.location.href);
    url.searchParams.set('puzzle', String(puzzle));
    window.history.replaceState(window.history.state, '', url.href);
  } catch {
    // A page that may not rewrite its address (a sandboxed frame) still shows the puzzle.
  }
}

/** One puzzle: its goal, its inputs, the exact check, the hints earned and the settings tried. */
function PuzzleCard({ puzzle, worksheet }: { puzzle: Puzzle; worksheet: WorksheetStore }) {
  const id = useId();
  const attempts = useStore(
    worksheet,
    useShallow((s) => s.attempts.filter((a) => a.puzzle === puzzle.number)),
  );
  const last = attempts.at(-1);
  const [texts, setTexts] = useState<Partial<Record<PuzzleField, string>>>(() =>
    Object.fromEntries(
      puzzle.inputs.map((i) => [i.field, String(last?.settings[i.field] ?? i.initial)]),
    ),
  );
  const [errors, setErrors] = useState<string[]>([]);
  const failures = attempts.filter((a) => !a.solved).length;
  const solved = attempts.some((a) => a.solved);
  // One more hint after each unsolved attempt, none once it is solved.
  const hints = solved ? [] : puzzle.hints().slice(0, failures);

  const check = () => {
    const read = readPuzzleSettings(puzzle, texts);
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    setErrors([]);
    const result = puzzle.check(read.settings);
    worksheet.getState().recordAttempt({
      puzzle: puzzle.number,
      title: puzzle.title,
      settings: read.settings,
      solved: result.solved,
      result: result.text,
    });
  };

  return (
    <section className="puzzle" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        Puzzle {puzzle.number}: {puzzle.title}
      </h3>
      <p>{puzzle.goal}</p>
      <form
        className="puzzle-inputs"
        onSubmit={(e) => {
          e.preventDefault();
          check();
        }}
      >
        {puzzle.inputs.map((input) => (
          <label key={input.field} className="inline-field">
            {input.limit.label}
            <input
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={texts[input.field] ?? ''}
              onChange={(e) => setTexts({ ...texts, [input.field]: e.target.value })}
            />
          </label>
        ))}
        <button type="submit" className="primary">
          Check exactly
        </button>
      </form>
      <div role="status" aria-live="polite" className="puzzle-result">
        {errors.length > 0 ? (
          <ul className="puzzle-errors">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ) : last ? (
          <p className={last.solved ? 'lesson-verdict right' : 'lesson-verdict wrong'}>
            {last.solved ? 'Solved! ' : 'Not yet. '}
            {last.result}
          </p>
        ) : null}
      </div>
      {hints.length > 0 && (
        <ol className="puzzle-hints" aria-label="Hints">
          {hints.map((h, i) => (
            <li key={i}>
              <strong>Hint {i + 1}:</strong> {h}
            </li>
          ))}
        </ol>
      )}
      {attempts.length > 0 && (
        <table className="puzzle-attempts">
          <caption>Settings you tried</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Settings</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {attempts.map((a, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td>{settingsText(a.settings)}</td>
                <td>{a.solved ? 'Solved' : 'Not solved'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * The puzzles tab: parameter puzzles checked exactly (`rl/puzzles`), one at a time, opened by the
 * link's `puzzle=N`; and the worksheet, or with `puzzle=key` the teacher's key.
 */
export function PuzzlesPanel({
  worksheet = worksheetStore,
  search = window.location.search,
}: {
  /** The page's worksheet unless a test gives one. */
  worksheet?: WorksheetStore;
  /** The query the tab reads `puzzle=` from (the page's address unless a test gives one). */
  search?: string;
}) {
  const link = parseUrlState(search).state.puzzle;
  const teacher = link === 'key';
  const [number, setNumber] = useState(() => (typeof link === 'number' ? link : 1));
  const puzzle = puzzleAt(number) ?? PUZZLES[0]!;
  const choose = (n: number) => {
    setNumber(n);
    if (!teacher) rememberInLink(n);
  };
  return (
    <div className="panel puzzles-panel">
      <h2>Parameter puzzles</h2>
      <p className="hint">
        Each puzzle is checked exactly: the seeded run is trained here and its policy evaluated over
        the maze’s transition table, not by sampling episodes.
      </p>
      <div className="puzzle-picker" role="group" aria-label="Choose a puzzle">
        {PUZZLES.map((p) => (
          <button
            key={p.number}
            type="button"
            aria-pressed={p.number === puzzle.number}
            onClick={() => choose(p.number)}
          >
            {p.number}. {p.title}
          </button>
        ))}
      </div>
      <PuzzleCard key={puzzle.number} puzzle={puzzle} worksheet={worksheet} />
      <h2>{teacher ? 'Teacher’s key' : 'Worksheet'}</h2>
      <Worksheet kind={teacher ? 'key' : 'student'} worksheet={worksheet} />
    </div>
  );
}
