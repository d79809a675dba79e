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

/** Creates the notices slice. */
export function createNoticesSlice({ set }: LabSliceContext): NoticesState & NoticesActions {
  let lastId = 0;
  return {
    notices: [],
    dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
    notify: (kind, text, action) =>
      set((s) => ({
        notices: [
          ...s.notices.slice(-(MAX_NOTICES - 1)),
          { id: ++lastId, kind, text, ...(action ? { action } : {}) },
        ],
      })),
  };
}
