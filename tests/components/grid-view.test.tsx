// @vitest-environment jsdom
import { act, cleanup } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GridView } from '../../src/components/board/GridView';
import type { LabStore } from '../../src/store/lab-store';
import { renderWithLab } from './lab-fixture';

/** The grid host's IntersectionObserver, moved in and out of view by the test. */
const observers: ((entries: { isIntersecting: boolean }[]) => void)[] = [];
class FakeObserver {
  constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
    observers.push(callback);
  }
  observe() {}
  disconnect() {}
}
const report = (isIntersecting: boolean) =>
  act(() => observers.forEach((callback) => callback([{ isIntersecting }])));

beforeEach(() => {
  vi.useFakeTimers();
  observers.length = 0;
  vi.stubGlobal('IntersectionObserver', FakeObserver);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const nextFrame = () => act(() => vi.advanceTimersByTime(20));

/** A new snapshot as the worker would send it mid-run, with V(0) = 0.5 (the grid prints it). */
function runningSnapshot(store: LabStore) {
  const s = store.getState().snapshot!;
  const v = Float64Array.from(s.v);
  v[0] = 0.5;
  act(() => store.setState({ snapshot: { ...s, v, running: true }, running: true }));
}

const label0 = () =>
  document.querySelector('g[data-overlay-state="0"] text.qgrid-value-label')?.textContent;
const requests = (sent: { type: string }[]) =>
  sent.filter((c) => c.type === 'request-snapshot').length;

describe('GridView out of view', () => {
  it('while training it draws nothing but still asks for the next snapshot; it catches up in view', () => {
    const { store, worker } = renderWithLab(<GridView />);
    nextFrame();
    expect(label0()).toBe('0.00');

    report(false);
    const asked = requests(worker.sent);
    runningSnapshot(store);
    nextFrame();
    expect(label0()).toBe('0.00');
    expect(requests(worker.sent)).toBe(asked + 1);

    report(true);
    nextFrame();
    expect(label0()).toBe('0.50');
  });

  it('once the run stops it draws even out of view', () => {
    const { store } = renderWithLab(<GridView />);
    nextFrame();
    report(false);
    runningSnapshot(store);
    nextFrame();
    const s = store.getState().snapshot!;
    act(() => store.setState({ snapshot: { ...s, running: false }, running: false }));
    nextFrame();
    expect(label0()).toBe('0.50');
  });
});

describe('GridView as an ARIA grid', () => {
  it('one Tab reaches a cell; the arrow keys move between cells; Enter inspects the cell', async () => {
    const { default: userEvent } = await import('@testing-library/user-event');
    vi.useRealTimers();
    const user = userEvent.setup();
    const { store } = renderWithLab(<GridView />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    await user.tab();
    const focused = document.activeElement!;
    expect(focused.getAttribute('role')).toBe('gridcell');
    expect(focused.getAttribute('data-state')).toBe('0');
    expect(focused.getAttribute('aria-label')).toBe(
      'state 0, start, V 0.00, greedy Left, Down, Right, Up (tie), agent here',
    );
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement!.getAttribute('data-state')).toBe('1');
    await user.keyboard('{Enter}');
    expect(store.getState().inspectedState).toBe(1);
  });
});
