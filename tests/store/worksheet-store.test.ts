import { describe, expect, it } from 'vitest';
import { createWorksheetStore } from '../../src/store/worksheet-store';

const locked = { id: 'a', prompt: 'P', guess: 'G', value: 'g', correct: null, reveal: '' };

describe('the worksheet store', () => {
  it('a revealed prediction replaces its locked entry in place; a new one goes last', () => {
    const store = createWorksheetStore();
    const s = store.getState();
    s.recordPrediction(locked);
    s.recordPrediction({ ...locked, id: 'b' });
    s.recordPrediction({ ...locked, correct: true, reveal: 'R' });
    expect(store.getState().predictions.map((p) => [p.id, p.correct])).toEqual([
      ['a', true],
      ['b', null],
    ]);
  });

  it('keeps every answer and attempt in order, and clear empties it', () => {
    const store = createWorksheetStore();
    const s = store.getState();
    s.recordAnswer({ chapter: 'C', prompt: 'P', answer: 'A', correct: false, explanation: 'E' });
    s.recordAttempt({
      puzzle: 1,
      title: 'T',
      settings: { gamma: 0.5 },
      solved: false,
      result: 'R',
    });
    s.recordAttempt({ puzzle: 1, title: 'T', settings: { gamma: 0.7 }, solved: true, result: 'R' });
    expect(store.getState().attempts.map((a) => a.settings.gamma)).toEqual([0.5, 0.7]);
    expect(store.getState().answers).toHaveLength(1);
    s.clear();
    expect(store.getState()).toMatchObject({ predictions: [], answers: [], attempts: [] });
  });
});
