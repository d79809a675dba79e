import { describe, expect, it } from 'vitest';
import { thinFrames } from '../../src/shared/thin';
import { MAX_FRAMES } from '../../src/store/lab/gallery-slice';
import { createLabStore, lessonSettings, type LabStore } from '../../src/store/lab-store';
import type { Frame } from '../../src/worker/protocol';
import { createInProcessWorker, type InProcessWorker } from './in-process-worker';

function setup(): { store: LabStore; worker: InProcessWorker } {
  let worker: InProcessWorker | null = null;
  const store = createLabStore({
    createWorker: () => (worker = createInProcessWorker()),
  });
  return { store, worker: worker! };
}

describe('lab store', () => {
  it('starts the worker with the lesson settings and becomes ready with the 4x4 map', () => {
    const { store, worker } = setup();
    expect(worker.sent.map((c) => c.type)).toEqual(['set-speed', 'init']);
    const s = store.getState();
    expect(s.connection).toBe('ready');
    expect(s.env?.desc).toEqual(['SFFF', 'FHFH', 'FFFH', 'HFFG']);
    expect(s.params).toEqual(lessonSettings().params);
    expect(s.snapshot?.q.every((x) => x === 0)).toBe(true);
    expect(s.optimum?.successProbability).toBeCloseTo(0.74016489775871, 9);
  });

  it('step moves the total step count by exactly one', () => {
    const { store } = setup();
    store.getState().step();
    store.getState().snapshotDrawn();
    expect(store.getState().totalSteps).toBe(1);
    store.getState().step();
    store.getState().snapshotDrawn();
    expect(store.getState().totalSteps).toBe(2);
  });

  it('play raises the episode count and pause stops it', () => {
    const { store, worker } = setup();
    store.getState().setSpeed(1000);
    store.getState().play();
    worker.endpoint.advance(20);
    store.getState().snapshotDrawn();
    expect(store.getState().running).toBe(true);
    for (let i = 0; i < 20; i++) {
      worker.endpoint.advance(20);
      store.getState().snapshotDrawn();
    }
    const episode = store.getState().episode;
    expect(episode).toBeGreaterThan(0);
    store.getState().pause();
    store.getState().snapshotDrawn();
    const after = store.getState().totalSteps;
    worker.endpoint.advance(1000);
    store.getState().snapshotDrawn();
    expect(store.getState().running).toBe(false);
    expect(store.getState().totalSteps).toBe(after);
  });

  it('a slider change reaches the worker and is used from the next step', () => {
    const { store } = setup();
    expect(store.getState().setParams({ alpha: 0.5 })).toBe(true);
    store.getState().step();
    store.getState().snapshotDrawn();
    expect(store.getState().snapshot?.params.alpha).toBe(0.5);
    expect(store.getState().snapshot?.last?.alpha).toBe(0.5);
  });

  it('an out-of-range value is refused with a notice naming it and changes nothing', () => {
    const { store, worker } = setup();
    const before = worker.sent.length;
    expect(store.getState().setParams({ gamma: 1.5 })).toBe(false);
    expect(store.getState().params.gamma).toBe(0.99);
    expect(worker.sent.length).toBe(before);
    expect(store.getState().notices.at(-1)?.text).toMatch(/Discount γ/);
  });

  it('a map with no goal is refused with the core message and the run is kept', () => {
    const { store } = setup();
    store.getState().step();
    store.getState().snapshotDrawn();
    const settings = { ...lessonSettings(), map: ['SFFF', 'FHFH', 'FFFH', 'HFFF'] };
    expect(store.getState().applySettings(settings)).toBe(false);
    expect(store.getState().notices.at(-1)?.text).toMatch(/no goal/);
    expect(store.getState().env?.desc).toEqual(['SFFF', 'FHFH', 'FFFH', 'HFFG']);
    expect(store.getState().totalSteps).toBe(1);
  });

  it('new settings start a new run on the new map', () => {
    const { store } = setup();
    expect(store.getState().applySettings(lessonSettings('8x8'), '8x8')).toBe(true);
    expect(store.getState().env?.nS).toBe(64);
    expect(store.getState().mapName).toBe('8x8');
    expect(store.getState().episode).toBe(0);
  });

  it('a worker that fails is reported to the user', () => {
    const { store, worker } = setup();
    worker.crash('boom');
    store.getState().step();
    expect(store.getState().connection).toBe('failed');
    expect(store.getState().notices.at(-1)?.text).toMatch(/boom/);
  });
});

describe('frames in the store', () => {
  it('thinFrames keeps the first and the newest and at most max frames', () => {
    const frames = Array.from({ length: 100 }, (_, i) => ({ episode: i * 1000 }) as Frame);
    const kept = thinFrames(frames, MAX_FRAMES);
    expect(kept.length).toBeLessThanOrEqual(MAX_FRAMES);
    expect(kept[0]!.episode).toBe(0);
    expect(kept.at(-1)!.episode).toBe(99_000);
    // Evenly spaced: the gallery still spans the whole run.
    const gaps = new Set(kept.slice(1, -1).map((f, i) => f.episode - kept[i]!.episode));
    expect(gaps.size).toBe(1);
  });

  it('a full lesson run fills the gallery with a frame per 1,000 episodes and the last one', () => {
    const { store, worker } = setup();
    store.getState().setSpeed('max');
    store.getState().play();
    worker.endpoint.runAll();
    store.getState().snapshotDrawn();
    expect(store.getState().frames.map((f) => f.episode)).toEqual([
      0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 9999,
    ]);
  });

  it('the inspector keeps the latest update seen at each state', () => {
    const { store } = setup();
    for (let i = 0; i < 5; i++) {
      store.getState().step();
      store.getState().snapshotDrawn();
    }
    const last = store.getState().snapshot!.last!;
    expect(store.getState().updateAt(last.state)).toEqual(last);
    store.getState().inspect(99);
    expect(store.getState().inspectedState).toBeNull();
    expect(store.getState().notices.at(-1)?.text).toMatch(/no state 99/);
  });
});
