import { describe, expect, it } from 'vitest';
import { createLabStore } from '../../src/store/lab-store';
import { createInProcessWorker, type InProcessWorker } from './in-process-worker';

function setup() {
  let worker: InProcessWorker | null = null;
  const store = createLabStore({ createWorker: () => (worker = createInProcessWorker()) });
  return { store, worker: worker! };
}

describe('setFrameInterval reaches the worker (not just the store’s settings)', () => {
  it('a run after setFrameInterval(2500) fills the gallery every 2,500 episodes', () => {
    const { store, worker } = setup();
    expect(store.getState().setFrameInterval(2500)).toBe(true);
    expect(worker.sent.at(-1)).toEqual({ type: 'set-frame-interval', frameInterval: 2500 });
    store.getState().setSpeed('max');
    store.getState().play();
    worker.endpoint.runAll();
    store.getState().snapshotDrawn();
    // The lesson's 10,000 episodes: frames after episodes 0, 2500, 5000, 7500 and the last, 9999.
    expect(store.getState().frames.map((f) => f.episode)).toEqual([0, 2500, 5000, 7500, 9999]);
    expect(store.getState().settings.frameInterval).toBe(2500);
  });

  it('a refused interval sends nothing and keeps the lesson’s 1,000', () => {
    const { store, worker } = setup();
    const sent = worker.sent.length;
    expect(store.getState().setFrameInterval(0)).toBe(false);
    expect(worker.sent.length).toBe(sent);
    expect(store.getState().settings.frameInterval).toBe(1000);
  });
});
