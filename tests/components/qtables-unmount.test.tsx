// @vitest-environment jsdom
import { act, cleanup } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QTables } from '../../src/components/dock/tables/QTables';
import { renderWithLab } from './lab-fixture';

// Fake timers stand in for requestAnimationFrame and the panel's interval timer.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('QTables unmount takes its draw scheduler down with it', () => {
  it('a draw pending at unmount is cancelled: no frame or timer is left behind', () => {
    const { store, view } = renderWithLab(<QTables />);
    act(() => vi.advanceTimersByTime(1000));
    act(() => {
      store.getState().stepEpisode();
      store.getState().snapshotDrawn();
    });
    // The new snapshot asked for a draw: a frame (or the panel's interval timer) is waiting.
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    view.unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('after unmount, new snapshots schedule nothing', () => {
    const { store, view } = renderWithLab(<QTables />);
    act(() => vi.advanceTimersByTime(1000));
    view.unmount();
    act(() => {
      store.getState().stepEpisode();
      store.getState().snapshotDrawn();
    });
    expect(vi.getTimerCount()).toBe(0);
    expect(document.querySelector('table')).toBeNull();
  });
});
