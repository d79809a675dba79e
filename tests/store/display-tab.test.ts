import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY } from '../../src/shared/display';
import { createLabStore } from '../../src/store/lab-store';
import { createInProcessWorker } from './in-process-worker';

describe('the dock’s open tab in the store', () => {
  it('the store opens and closes a tab through setDisplay, keeping the rest of the display', () => {
    const store = createLabStore({
      createWorker: createInProcessWorker,
      display: { theme: 'dark', tab: 'glossary' },
    });
    expect(store.getState().display.tab).toBe('glossary');
    store.getState().setDisplay({ tab: 'compare' });
    expect(store.getState().display).toEqual({ ...DEFAULT_DISPLAY, theme: 'dark', tab: 'compare' });
    store.getState().setDisplay({ tab: null });
    expect(store.getState().display.tab).toBeNull();
    store.getState().dispose();
  });
});
