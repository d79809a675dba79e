/**
 * The student's worksheet (zustand, vanilla): the predictions committed in the guided lesson with
 * their reveals, the check-your-understanding answers, and every puzzle attempt with the settings
 * tried. It lives in the page only: nothing is sent anywhere; the worksheet panel prints it or
 * saves it as a JSON file.
 *
 * Loaded with the lesson or the puzzles tab (both lazy), never with the page's first download.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PuzzleSettings } from '../rl/puzzles';
import {
  browserStorage,
  loadWorksheet,
  saveWorksheet,
  type WorksheetStorage,
} from './worksheet-persist';

/** A prediction: the guess as committed (locked before the run), then the reveal. */
export interface WorksheetPrediction {
  /** The checkpoint's id (`'state-4'`, …). */
  id: string;
  prompt: string;
  /** The guess as the student gave it, in words ("↓ Down", "0.3"). */
  guess: string;
  /** The guess as the check reads it (a choice's value, or the number typed). */
  value: string;
  /** Right or not; `null` until the run has revealed the outcome. */
  correct: boolean | null;
  /** The reveal, with the run's own numbers; empty until then. */
  reveal: string;
}

/** An answer to a check-your-understanding question. */
export interface WorksheetAnswer {
  /** The chapter's title. */
  chapter: string;
  prompt: string;
  answer: string;
  correct: boolean;
  /** The verdict's text, with the numbers the answer follows from. */
  explanation: string;
}

/** One attempt at a puzzle: the settings tried and what the exact check said. */
export interface WorksheetAttempt {
  puzzle: number;
  title: string;
  settings: PuzzleSettings;
  solved: boolean;
  result: string;
}

/** The worksheet's contents. */
export interface WorksheetEntries {
  predictions: WorksheetPrediction[];
  answers: WorksheetAnswer[];
  attempts: WorksheetAttempt[];
}

/** The store's actions. */
export interface WorksheetActions {
  /** Adds a prediction, or replaces the one with its id (the reveal fills in a locked guess). */
  recordPrediction(entry: WorksheetPrediction): void;
  recordAnswer(entry: WorksheetAnswer): void;
  recordAttempt(entry: WorksheetAttempt): void;
  /** Empties the worksheet. */
  clear(): void;
}

/** A worksheet store. */
export type WorksheetStore = StoreApi<WorksheetEntries & WorksheetActions>;

/**
 * A worksheet store (one per page; tests make their own): empty, or what `storage` kept, and
 * saved to `storage` after every change (none: kept only while the page is open).
 */
export function createWorksheetStore(storage: WorksheetStorage | null = null): WorksheetStore {
  const kept = loadWorksheet(storage);
  const store = createStore<WorksheetEntries & WorksheetActions>()((set, get) => ({
    predictions: kept?.predictions ?? [],
    answers: kept?.answers ?? [],
    attempts: kept?.attempts ?? [],
    recordPrediction: (entry) => {
      const rest = get().predictions.filter((p) => p.id !== entry.id);
      const at = get().predictions.findIndex((p) => p.id === entry.id);
      // A revealed guess keeps its place in the list; a new one goes last.
      set({
        predictions: at < 0 ? [...rest, entry] : [...rest.slice(0, at), entry, ...rest.slice(at)],
      });
    },
    recordAnswer: (entry) => set({ answers: [...get().answers, entry] }),
    recordAttempt: (entry) => set({ attempts: [...get().attempts, entry] }),
    clear: () => set({ predictions: [], answers: [], attempts: [] }),
  }));
  if (storage) store.subscribe((entries) => saveWorksheet(storage, entries));
  return store;
}

/**
 * The page's worksheet, shared by the lesson, the puzzles tab and the worksheet panel (all loaded
 * lazily, so it is created only when one of them is first opened), kept in local storage.
 */
export const worksheetStore: WorksheetStore = createWorksheetStore(browserStorage());
