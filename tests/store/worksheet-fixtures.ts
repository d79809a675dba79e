/** What the worksheet's store tests share: a storage in memory and one entry of each list. */
import type { WorksheetStorage } from '../../src/store/worksheet-persist';

/** A storage backed by a Map, as local storage behaves (`initial`: what it already holds). */
export function memoryStorage(initial: Record<string, string> = {}): WorksheetStorage & {
  data: Map<string, string>;
} {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

/** A prediction made and not yet revealed. */
export const prediction = {
  id: 'state-4',
  prompt: 'Which way at state 4?',
  guess: '↓ Down',
  value: '1',
  correct: null,
  reveal: '',
};

/** A puzzle attempt that solved it. */
export const attempt = {
  puzzle: 2,
  title: 'T',
  settings: { gamma: 0.9 },
  solved: true,
  result: 'R',
};
