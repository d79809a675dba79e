// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useThrottledStore } from '../../src/components/hosts/useThrottledLab';

interface S {
  n: number;
  running: boolean;
}

/** The IntersectionObserver the hook makes, moved in and out of view by the test. */
let report: (isIntersecting: boolean) => void = () => {};
class FakeObserver {
  constructor(readonly callback: (entries: { isIntersecting: boolean }[]) => void) {
    report = (isIntersecting) => callback([{ isIntersecting }]);
  }
  observe() {}
  disconnect() {}
}

const selectN = (s: S) => s.n;
const whileRunning = (s: S) => s.running;

function Panel({ store, renders }: { store: StoreApi<S>; renders: number[] }) {
  const host = useRef<HTMLDivElement>(null);
  const n = useThrottledStore(store, selectN, Object.is, 250, { host, skipHidden: whileRunning });
  renders.push(n);
  return (
    <div ref={host} data-testid="panel">
      {n}
    </div>
  );
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('IntersectionObserver', FakeObserver);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('useThrottledStore with a visibility gate', () => {
  it('holds new numbers out of view while running, takes the latest in view or when the run stops', () => {
    const store = createStore<S>(() => ({ n: 0, running: true }));
    const renders: number[] = [];
    const { getByTestId } = render(<Panel store={store} renders={renders} />);
    act(() => store.setState({ n: 1 }));
    expect(getByTestId('panel').textContent).toBe('1');

    // Out of view while training: nothing new is rendered, however much changes.
    act(() => report(false));
    const before = renders.length;
    for (let i = 2; i <= 20; i++) {
      act(() => store.setState({ n: i }));
      act(() => vi.advanceTimersByTime(100));
    }
    expect(renders.length).toBe(before);
    expect(getByTestId('panel').textContent).toBe('1');

    // Back in view: the latest at once.
    act(() => report(true));
    expect(getByTestId('panel').textContent).toBe('20');

    // Out of view again; the run stops: the end is taken though nobody looks.
    act(() => report(false));
    act(() => store.setState({ n: 21 }));
    act(() => vi.advanceTimersByTime(300));
    expect(getByTestId('panel').textContent).toBe('20');
    act(() => store.setState({ n: 22, running: false }));
    act(() => vi.advanceTimersByTime(300));
    expect(getByTestId('panel').textContent).toBe('22');
  });
});
