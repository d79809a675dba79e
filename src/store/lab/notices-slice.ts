/**
 * The notices slice: messages for the user, from refused input, the link and the worker. One
 * push, one id counter.
 */
import type { LabSliceContext } from './slice';

/** A message for the user; `kind` decides its colour and role. */
export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  /** A way to act on it, e.g. restarting a worker that failed. */
  action?: NoticeAction;
}

/** A button on a notice. */
export interface NoticeAction {
  label: string;
  run: () => void;
}

/** Notices shown at once; a new one past this drops the oldest. */
export const MAX_NOTICES = 5;

/**
 * Longest notice text, in characters: a few lines, so the notice area stays small whatever a
 * link or an import carried (the link's own notices name eight things and count the rest).
 */
export const MAX_NOTICE_CHARS = 1200;

/** The text cut to `MAX_NOTICE_CHARS`, at a word where one is near, with an ellipsis. */
function bounded(text: string): string {
  if (text.length <= MAX_NOTICE_CHARS) return text;
  const cut = text.slice(0, MAX_NOTICE_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > MAX_NOTICE_CHARS - 80 ? cut.slice(0, space) : cut}…`;
}

/** The slice's fields. */
export interface NoticesState {
  notices: Notice[];
}

/** The slice's actions. */
export interface NoticesActions {
  dismissNotice(id: number): void;
  /** Adds a notice (used by views that refuse input), with a button when `action` is given. */
  notify(kind: Notice['kind'], text: string, action?: NoticeAction): void;
}

/**
 * Creates the notices slice. A notice already shown (same kind and text) is not repeated: it
 * moves to the end as the latest.
 */
export function createNoticesSlice({ set }: LabSliceContext): NoticesState & NoticesActions {
  let lastId = 0;
  return {
    notices: [],
    dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
    notify: (kind, text, action) => {
      const shown = bounded(text);
      set((s) => ({
        notices: [
          ...s.notices.filter((n) => n.kind !== kind || n.text !== shown).slice(-(MAX_NOTICES - 1)),
          { id: ++lastId, kind, text: shown, ...(action ? { action } : {}) },
        ],
      }));
    },
  };
}
