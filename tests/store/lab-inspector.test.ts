import { describe, expect, it } from 'vitest';
import { createLabStore, lessonSettings, type WorkerPort } from '../../src/store/lab-store';
import { labWithWorkers } from './lab-with-workers';

/** A worker that takes every command and never answers (a real one still loading). */
function silentWorker(): WorkerPort {
  return { onmessage: null, onerror: null, postMessage: () => {}, terminate: () => {} };
}

describe('lab store: the step inspector', () => {
  it('shows any state of the map, from the start to the goal, and follows the agent again on null', () => {
    const { store } = labWithWorkers();
    expect(store.getState().env?.nS).toBe(16);
    expect(store.getState().inspectedState).toBeNull();
    for (const state of [0, 5, 15]) {
      store.getState().inspect(state);
      expect(store.getState().inspectedState).toBe(state);
    }
    store.getState().inspect(null);
    expect(store.getState().inspectedState).toBeNull();
    expect(store.getState().notices).toEqual([]);
    store.getState().dispose();
  });

  it('a state off the map is refused with a notice naming it, and the inspector keeps its state', () => {
    const { store } = labWithWorkers();
    store.getState().inspect(6);
    for (const state of [-1, 16, 2.5, Number.NaN]) {
      store.getState().inspect(state);
      expect(store.getState().inspectedState).toBe(6);
      expect(store.getState().notices.at(-1)).toMatchObject({
        kind: 'error',
        text: `There is no state ${String(state)} on this map.`,
      });
    }
    store.getState().dispose();
  });

  it('the 8x8 map’s states are all there, and none past them', () => {
    const { store: big } = labWithWorkers({ settings: lessonSettings('8x8'), mapName: '8x8' });
    expect(big.getState().env?.nS).toBe(64);
    big.getState().inspect(63);
    expect(big.getState().inspectedState).toBe(63);
    big.getState().inspect(64);
    expect(big.getState().inspectedState).toBe(63);
    expect(big.getState().notices.at(-1)?.text).toBe('There is no state 64 on this map.');
    big.getState().dispose();
  });

  it('before the worker has built a map, no state can be inspected', () => {
    const store = createLabStore({ createWorker: silentWorker });
    expect(store.getState().env).toBeNull();
    store.getState().inspect(0);
    expect(store.getState().inspectedState).toBeNull();
    expect(store.getState().notices.at(-1)?.text).toBe('There is no state 0 on this map.');
    // Following the agent needs no map.
    store.getState().inspect(null);
    expect(store.getState().inspectedState).toBeNull();
    store.getState().dispose();
  });

  it('keeps the latest update at each state the agent left, and none where it has not been', () => {
    const { store } = labWithWorkers();
    const seen = new Map<number, unknown>();
    for (let i = 0; i < 30; i++) {
      store.getState().step();
      store.getState().snapshotDrawn();
      const last = store.getState().snapshot!.last!;
      seen.set(last.state, last);
    }
    for (let state = 0; state < 16; state++)
      expect(store.getState().updateAt(state)).toEqual(seen.get(state) ?? null);
    store.getState().dispose();
  });

  it('a new run forgets every update and follows the agent again', () => {
    const { store } = labWithWorkers();
    for (let i = 0; i < 5; i++) {
      store.getState().step();
      store.getState().snapshotDrawn();
    }
    const last = store.getState().snapshot!.last!;
    store.getState().inspect(last.state);
    expect(store.getState().updateAt(last.state)).toEqual(last);
    store.getState().reset();
    expect(store.getState().inspectedState).toBeNull();
    for (let state = 0; state < 16; state++) expect(store.getState().updateAt(state)).toBeNull();
    store.getState().dispose();
  });
});
