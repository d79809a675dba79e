// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createDrawScheduler,
  VISIBILITY_MARGIN,
  watchVisibility,
} from '../../src/components/hosts/frame-throttle';

/** A stand-in IntersectionObserver the test moves in and out of view by hand. */
class FakeObserver {
  static all: FakeObserver[] = [];
  observed: Element[] = [];
  disconnected = false;
  constructor(
    readonly callback: (entries: { isIntersecting: boolean }[]) => void,
    readonly options: { rootMargin?: string },
  ) {
    FakeObserver.all.push(this);
  }
  observe(el: Element) {
    this.observed.push(el);
  }
  disconnect() {
    this.disconnected = true;
  }
  /** The browser reports the element in (true) or out of (false) view. */
  report(isIntersecting: boolean) {
    this.callback([{ isIntersecting }]);
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeObserver.all = [];
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  // One animation frame every 16 ms of the fake clock.
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) =>
    setTimeout(() => cb(performance.now()), 16),
  );
  vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('createDrawScheduler', () => {
  it('draws once per frame however often it is asked', () => {
    const draw = vi.fn();
    const s = createDrawScheduler(draw);
    for (let i = 0; i < 10; i++) s.schedule();
    vi.advanceTimersByTime(20);
    expect(draw).toHaveBeenCalledTimes(1);
    s.schedule();
    vi.advanceTimersByTime(20);
    expect(draw).toHaveBeenCalledTimes(2);
    s.destroy();
  });

  it('keeps draws at least intervalMs apart, the last request included', () => {
    const draw = vi.fn();
    const s = createDrawScheduler(draw, { intervalMs: 250 });
    s.schedule();
    vi.advanceTimersByTime(20);
    expect(draw).toHaveBeenCalledTimes(1);
    s.schedule();
    vi.advanceTimersByTime(200);
    expect(draw).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(100);
    expect(draw).toHaveBeenCalledTimes(2);
    s.destroy();
  });

  it('does not draw a host out of view, and draws it once when it comes back', () => {
    const draw = vi.fn();
    const host = document.createElement('div');
    const s = createDrawScheduler(draw, { host });
    const observer = FakeObserver.all[0]!;
    expect(observer.observed).toEqual([host]);
    expect(observer.options.rootMargin).toBe(VISIBILITY_MARGIN);
    observer.report(false);
    for (let i = 0; i < 5; i++) {
      s.schedule();
      vi.advanceTimersByTime(20);
    }
    expect(draw).not.toHaveBeenCalled();
    observer.report(true);
    vi.advanceTimersByTime(20);
    expect(draw).toHaveBeenCalledTimes(1);
    // Nothing was missed since: coming into view again draws nothing.
    observer.report(false);
    observer.report(true);
    vi.advanceTimersByTime(20);
    expect(draw).toHaveBeenCalledTimes(1);
    s.destroy();
    expect(observer.disconnected).toBe(true);
  });

  it('draws a host out of view when skipHidden says it may not wait (the run has stopped)', () => {
    const draw = vi.fn();
    let running = true;
    const s = createDrawScheduler(draw, {
      host: document.createElement('div'),
      skipHidden: () => running,
    });
    FakeObserver.all[0]!.report(false);
    s.schedule();
    vi.advanceTimersByTime(20);
    expect(draw).not.toHaveBeenCalled();
    running = false;
    s.schedule();
    vi.advanceTimersByTime(20);
    expect(draw).toHaveBeenCalledTimes(1);
    s.destroy();
  });

  it('drops a draw already queued when the host leaves the view before its frame', () => {
    const draw = vi.fn();
    const host = document.createElement('div');
    const s = createDrawScheduler(draw, { host });
    s.schedule();
    FakeObserver.all[0]!.report(false);
    vi.advanceTimersByTime(20);
    expect(draw).not.toHaveBeenCalled();
    FakeObserver.all[0]!.report(true);
    vi.advanceTimersByTime(20);
    expect(draw).toHaveBeenCalledTimes(1);
    s.destroy();
  });

  it('destroy drops a pending draw and stops watching the host', () => {
    const draw = vi.fn();
    const s = createDrawScheduler(draw, { host: document.createElement('div') });
    s.schedule();
    s.destroy();
    vi.advanceTimersByTime(50);
    expect(draw).not.toHaveBeenCalled();
    expect(FakeObserver.all[0]!.disconnected).toBe(true);
  });
});

describe('watchVisibility', () => {
  it('reports changes only, and counts as visible without IntersectionObserver', () => {
    const seen: boolean[] = [];
    const w = watchVisibility(document.createElement('div'), (v) => seen.push(v));
    const observer = FakeObserver.all[0]!;
    observer.report(true);
    observer.report(false);
    observer.report(false);
    expect(seen).toEqual([false]);
    expect(w.visible()).toBe(false);
    w.disconnect();
    expect(observer.disconnected).toBe(true);

    vi.stubGlobal('IntersectionObserver', undefined);
    const always = watchVisibility(document.createElement('div'), () => {});
    expect(always.visible()).toBe(true);
  });
});
