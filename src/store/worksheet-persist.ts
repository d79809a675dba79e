/**
 * The worksheet kept across reloads: saved as JSON in the browser's local storage after every
 * change, read back when the worksheet store is first made. What is read is checked field by
 * field; a stored worksheet that is not one (another version, a hand edit) is ignored, and a
 * storage that is missing or full (some private windows) only means the worksheet is not kept.
 */
import type {
  WorksheetAnswer,
  WorksheetAttempt,
  WorksheetEntries,
  WorksheetPrediction,
} from './worksheet-store';

/** Where the worksheet is kept in local storage. */
export const WORKSHEET_STORAGE_KEY = 'ice-maze-lab.worksheet';

/** The storage calls the worksheet uses. */
export type WorksheetStorage = Pick<Storage, 'getItem' | 'setItem'>;

type Fields<T> = { [K in keyof T]-?: (x: unknown) => boolean };

const isString = (x: unknown) => typeof x === 'string';
const isBoolean = (x: unknown) => typeof x === 'boolean';
const isNumber = (x: unknown) => typeof x === 'number' && Number.isFinite(x);

/** True when `x` is an object whose listed fields each pass their check. */
function hasFields<T>(x: unknown, fields: Fields<T>): x is T {
  if (typeof x !== 'object' || x === null) return false;
  const record = x as Record<string, unknown>;
  return Object.entries(fields).every(([key, ok]) => (ok as (x: unknown) => boolean)(record[key]));
}

const PREDICTION: Fields<WorksheetPrediction> = {
  id: isString,
  prompt: isString,
  guess: isString,
  value: isString,
  correct: (x) => x === null || isBoolean(x),
  reveal: isString,
};
const ANSWER: Fields<WorksheetAnswer> = {
  chapter: isString,
  prompt: isString,
  answer: isString,
  correct: isBoolean,
  explanation: isString,
};
const ATTEMPT: Fields<WorksheetAttempt> = {
  puzzle: isNumber,
  title: isString,
  settings: (x) =>
    typeof x === 'object' && x !== null && Object.values(x as object).every(isNumber),
  solved: isBoolean,
  result: isString,
};

/** The entries of a saved worksheet, or null when `text` is not one. */
export function parseWorksheet(text: string | null): WorksheetEntries | null {
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const list = <T>(key: string, fields: Fields<T>): T[] | null => {
    const items = (data as Record<string, unknown>)[key];
    return Array.isArray(items) && items.every((item) => hasFields(item, fields))
      ? (items as T[])
      : null;
  };
  if (typeof data !== 'object' || data === null) return null;
  const predictions = list('predictions', PREDICTION);
  const answers = list('answers', ANSWER);
  const attempts = list('attempts', ATTEMPT);
  return predictions && answers && attempts ? { predictions, answers, attempts } : null;
}

/** The worksheet saved in `storage`, or null (none, unreadable, or storage unavailable). */
export function loadWorksheet(storage: WorksheetStorage | null): WorksheetEntries | null {
  try {
    return parseWorksheet(storage?.getItem(WORKSHEET_STORAGE_KEY) ?? null);
  } catch {
    return null;
  }
}

/** Saves the entries; a missing or full storage keeps nothing (the page works without it). */
export function saveWorksheet(storage: WorksheetStorage | null, entries: WorksheetEntries): void {
  try {
    const { predictions, answers, attempts } = entries;
    storage?.setItem(WORKSHEET_STORAGE_KEY, JSON.stringify({ predictions, answers, attempts }));
  } catch {
    // Keeping the worksheet is a convenience: print or save it as a file to be sure.
  }
}

/** The browser's local storage, or null where it is unavailable. */
export function browserStorage(): WorksheetStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
