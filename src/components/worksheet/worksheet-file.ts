/**
 * The worksheet as a file: the student's predictions, answers and puzzle attempts, or the
 * teacher's key in the same format (`kind: 'key'`). The key is computed in the page from the same
 * seeded runs and exact checks the lesson and the puzzles use: nothing is typed in, and nothing
 * leaves the browser.
 */
import { PREDICTIONS, referenceOutcome, rightAnswer } from '../lesson/predictions';
import { PUZZLES } from '../../rl/puzzles';
import type { WorksheetEntries } from '../../store/worksheet-store';

/** The `format` field of a worksheet file. */
export const WORKSHEET_FORMAT = 'ice-maze-lab/worksheet';

/** Who a worksheet is for: a student's own, or the teacher's key. */
export type WorksheetKind = 'student' | 'key';

/** A worksheet file (JSON). */
export interface WorksheetFile extends WorksheetEntries {
  format: typeof WORKSHEET_FORMAT;
  version: 1;
  kind: WorksheetKind;
}

/** The file for a worksheet's entries (copies: the store's arrays are not shared). */
export function worksheetFile(kind: WorksheetKind, entries: WorksheetEntries): WorksheetFile {
  return {
    format: WORKSHEET_FORMAT,
    version: 1,
    kind,
    predictions: entries.predictions.map((p) => ({ ...p })),
    answers: entries.answers.map((a) => ({ ...a })),
    attempts: entries.attempts.map((a) => ({ ...a, settings: { ...a.settings } })),
  };
}

/**
 * The teacher's key: each checkpoint's right answer with its reveal, from the checkpoint's own
 * run trained here (the worker's run, seed for seed); each puzzle's known solution with its exact
 * check. The answers to check-your-understanding questions come from each student's live run, so
 * the key has none.
 */
export function teacherKey(): WorksheetEntries {
  return {
    predictions: Object.values(PREDICTIONS).map((p) => {
      const outcome = referenceOutcome(p);
      const right = rightAnswer(p, outcome);
      const verdict = p.reveal(right.value, outcome);
      return {
        id: p.id,
        prompt: p.prompt,
        guess: right.label,
        value: right.value,
        correct: verdict.correct,
        reveal: verdict.text,
      };
    }),
    answers: [],
    attempts: PUZZLES.map((p) => {
      const result = p.check(p.solution);
      return {
        puzzle: p.number,
        title: p.title,
        settings: { ...p.solution },
        solved: result.solved,
        result: result.text,
      };
    }),
  };
}

/** The file's name for a download. */
export function worksheetFileName(kind: WorksheetKind): string {
  return kind === 'key' ? 'ice-maze-teacher-key.json' : 'ice-maze-worksheet.json';
}
