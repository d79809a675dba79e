/** What a stored worksheet must be to be read back, field by field, and storages that fail. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  browserStorage,
  loadWorksheet,
  parseWorksheet,
  saveWorksheet,
  WORKSHEET_STORAGE_KEY,
  type WorksheetStorage,
} from '../../src/store/worksheet-persist';
import { createWorksheetStore } from '../../src/store/worksheet-store';
import { attempt, memoryStorage, prediction } from './worksheet-fixtures';

const answer = {
  chapter: '2',
  prompt: 'What is γ?',
  answer: 'The discount',
  correct: true,
  explanation: 'It weighs later rewards.',
};

/** A stored worksheet with these lists (each empty unless given). */
const stored = (lists: { predictions?: unknown[]; answers?: unknown[]; attempts?: unknown[] }) =>
  JSON.stringify({ predictions: [], answers: [], attempts: [], ...lists });

describe('a stored worksheet, checked field by field', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('a prediction not yet revealed, an answer and an attempt are read back as they were', () => {
    const storage = memoryStorage();
    saveWorksheet(storage, { predictions: [prediction], answers: [answer], attempts: [attempt] });
    expect(loadWorksheet(storage)).toEqual({
      predictions: [prediction],
      answers: [answer],
      attempts: [attempt],
    });
    expect(createWorksheetStore(storage).getState().predictions).toEqual([prediction]);
  });

  it('an entry that is not an object (null, a number, a word) makes the whole worksheet unreadable', () => {
    for (const item of [null, 42, 'state-4']) {
      expect(parseWorksheet(stored({ predictions: [item] })), String(item)).toBeNull();
      expect(parseWorksheet(stored({ attempts: [item] })), String(item)).toBeNull();
    }
  });

  it('a text field holding a number is refused', () => {
    expect(parseWorksheet(stored({ predictions: [{ ...prediction, id: 4 }] }))).toBeNull();
    expect(parseWorksheet(stored({ answers: [{ ...answer, explanation: 1 }] }))).toBeNull();
  });

  it('a puzzle number written as text is refused', () => {
    expect(parseWorksheet(stored({ attempts: [{ ...attempt, puzzle: '2' }] }))).toBeNull();
  });

  it('an attempt’s settings must be an object of numbers, every one of them', () => {
    for (const settings of [null, 5, 'gamma=0.9', { gamma: 0.9, alpha: 'x' }]) {
      const text = stored({ attempts: [{ ...attempt, settings }] });
      expect(parseWorksheet(text), JSON.stringify(settings)).toBeNull();
    }
    expect(parseWorksheet(stored({ attempts: [{ ...attempt, settings: {} }] }))).not.toBeNull();
  });

  it('a storage that throws on reading gives no worksheet', () => {
    const broken: WorksheetStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {},
    };
    expect(loadWorksheet(broken)).toBeNull();
    expect(loadWorksheet(null)).toBeNull();
    expect(() => saveWorksheet(null, { predictions: [], answers: [], attempts: [] })).not.toThrow();
  });

  it('the saved text is under the worksheet’s key and holds only its three lists', () => {
    const storage = memoryStorage();
    const extra = { predictions: [], answers: [answer], attempts: [], more: 1 };
    saveWorksheet(storage, extra);
    expect(JSON.parse(storage.data.get(WORKSHEET_STORAGE_KEY)!)).toEqual({
      predictions: [],
      answers: [answer],
      attempts: [],
    });
  });

  it('in a browser, the worksheet is kept in its local storage', () => {
    const storage = memoryStorage();
    vi.stubGlobal('window', { localStorage: storage });
    expect(browserStorage()).toBe(storage);
  });

  it('a browser whose local storage throws (a private window) gives no storage', () => {
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw new Error('SecurityError');
      },
    });
    expect(browserStorage()).toBeNull();
  });

  it('outside a browser there is no storage', () => {
    expect(browserStorage()).toBeNull();
  });
});
