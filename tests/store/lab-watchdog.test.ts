import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLabStore, UNRESPONSIVE_AFTER_MS } from '../../src/store/lab-store';
import { labWithSilenceableWorker } from './lab-with-workers';
import { createInProcessWorker, type InProcessWorker } from './in-process-worker';

describe('lab store: the watchdog', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a worker too busy to answer pings but still sending snapshots is not reported', () => {
    let worker: InProcessWorker | null = null;
    const store = createLabStore({
      pingIntervalMs: 100,
      createWorker: () => {
        const w = createInProcessWorker();
        const post = w.postMessage.bind(w);
        // Pings go unanswered, as while the worker is deep in a long slice or a replay.
        w.postMessage = (c) => {
          if (c.type !== 'ping') post(c);
        };
        return (worker = w);
      },
    });
    store.getState().setSpeed(1000);
    store.getState().play();
    for (let t = 0; t < 3 * UNRESPONSIVE_AFTER_MS; t += 200) {
      worker!.endpoint.advance(20);
      store.getState().snapshotDrawn();
      vi.advanceTimersByTime(200);
    }
    expect(store.getState().episode).toBeGreaterThan(0);
    expect(store.getState().connection).toBe('ready');
    expect(store.getState().notices).toEqual([]);
    store.getState().dispose();
  });

  it('a worker that sends nothing at all is reported once, with a restart', () => {
    const { store, setSilent } = labWithSilenceableWorker(100);
    setSilent(true);
    vi.advanceTimersByTime(3 * UNRESPONSIVE_AFTER_MS);
    expect(store.getState().connection).toBe('unresponsive');
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      'The training worker stopped answering.',
    ]);
    setSilent(false);
    store.getState().notices[0]!.action!.run();
    expect(store.getState().connection).toBe('ready');
    store.getState().dispose();
  });
});
