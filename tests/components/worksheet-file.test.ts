import { describe, expect, it } from 'vitest';
import {
  teacherKey,
  worksheetFile,
  WORKSHEET_FORMAT,
} from '../../src/components/worksheet/worksheet-file';
import { PREDICTIONS } from '../../src/components/lesson/predictions';
import { PUZZLES } from '../../src/rl/puzzles';

describe('the worksheet file', () => {
  it('the teacher’s key: every checkpoint answered right and every puzzle solved, in the student’s format', () => {
    const key = worksheetFile('key', teacherKey());
    expect(key).toMatchObject({ format: WORKSHEET_FORMAT, version: 1, kind: 'key', answers: [] });
    expect(key.predictions.map((p) => p.id)).toEqual(Object.keys(PREDICTIONS));
    expect(key.predictions.every((p) => p.correct === true && p.reveal.startsWith('Right'))).toBe(
      true,
    );
    expect(key.predictions[0]!.guess).toBe('← Left');
    expect(key.attempts.map((a) => [a.puzzle, a.solved])).toEqual(
      PUZZLES.map((p) => [p.number, true]),
    );
    // A student's file has the same fields: one reader takes both.
    const student = worksheetFile('student', { predictions: [], answers: [], attempts: [] });
    expect(Object.keys(student).sort()).toEqual(Object.keys(key).sort());
    expect(JSON.parse(JSON.stringify(key))).toEqual(key);
  });
});
