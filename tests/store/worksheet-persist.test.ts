import { describe, expect, it } from 'vitest';
import {
  parseWorksheet,
  WORKSHEET_STORAGE_KEY,
  type WorksheetStorage,
} from '../../src/store/worksheet-persist';
import { createWorksheetStore } from '../../src/store/worksheet-store';
import { attempt, memoryStorage, prediction } from './worksheet-fixtures';

describe('the worksheet kept across reloads', () => {
  it('a worksheet written in one store is there in the next store on the same storage', () => {
    const storage = memoryStorage();
    const first = createWorksheetStore(storage);
    first.getState().recordPrediction(prediction);
    first.getState().recordAttempt(attempt);
    first.getState().recordPrediction({ ...prediction, correct: true, reveal: 'It went Left' });

    const reloaded = createWorksheetStore(storage).getState();
    expect(reloaded.predictions).toEqual([
      { ...prediction, correct: true, reveal: 'It went Left' },
    ]);
    expect(reloaded.attempts).toEqual([attempt]);
    expect(reloaded.answers).toEqual([]);
  });

  it('clear empties the kept worksheet too', () => {
    const storage = memoryStorage();
    const first = createWorksheetStore(storage);
    first.getState().recordAttempt(attempt);
    first.getState().clear();
    expect(createWorksheetStore(storage).getState().attempts).toEqual([]);
  });

  it('a stored value that is not a worksheet is ignored, and the store starts empty', () => {
    for (const text of [
      'not json',
      'null',
      '[]',
      '{"predictions":[],"answers":[]}',
      JSON.stringify({
        predictions: [{ ...prediction, correct: 'yes' }],
        answers: [],
        attempts: [],
      }),
      JSON.stringify({
        predictions: [],
        answers: [],
        attempts: [{ ...attempt, settings: { gamma: 'x' } }],
      }),
    ]) {
      expect(parseWorksheet(text), text).toBeNull();
      const store = createWorksheetStore(memoryStorage({ [WORKSHEET_STORAGE_KEY]: text }));
      expect(store.getState().predictions, text).toEqual([]);
      expect(store.getState().attempts, text).toEqual([]);
    }
  });

  it('a storage that throws (full, or a private window) keeps nothing and breaks nothing', () => {
    const broken: WorksheetStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const store = createWorksheetStore(broken);
    expect(() => store.getState().recordAttempt(attempt)).not.toThrow();
    expect(store.getState().attempts).toEqual([attempt]);
  });

  it('without a storage nothing is kept (tests and the default)', () => {
    const store = createWorksheetStore();
    store.getState().recordAttempt(attempt);
    expect(createWorksheetStore().getState().attempts).toEqual([]);
  });
});
