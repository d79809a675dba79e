import { describe, expect, it } from 'vitest';
import { createLabStore, type LabStore, type WorkerPort } from '../../src/store/lab-store';
import { MAX_FRAMES, NO_GREEDY } from '../../src/store/lab/gallery-slice';
import type { InProcessWorker } from './in-process-worker';
import { labWithWorkers } from './lab-with-workers';

/** A worker that takes every command and never answers (a real one still loading). */
function silentWorker(): WorkerPort {
  return { onmessage: null, onerror: null, postMessage: () => {}, terminate: () => {} };
}

/** Trains the lesson's run to its end at full speed. */
function trainToTheEnd(store: LabStore, worker: InProcessWorker): void {
  store.getState().setSpeed('max');
  store.getState().play();
  worker.endpoint.runAll();
  store.getState().snapshotDrawn();
}

describe('lab store: the frames gallery and the target policy’s episodes', () => {
  it('before the worker answers, the gallery is empty and no target episode has run', () => {
    const store = createLabStore({ createWorker: silentWorker });
    expect(store.getState().frames).toEqual([]);
    expect(store.getState().greedy).toEqual(NO_GREEDY);
    store.getState().dispose();
  });

  it('one target episode by default, then as many as asked, counted in the run', () => {
    const { store, workers } = labWithWorkers();
    const sent = () => workers[0]!.sent.filter((c) => c.type === 'run-greedy-episode').length;
    store.getState().runGreedyEpisodes();
    expect(sent()).toBe(1);
    const first = store.getState().greedy;
    expect(first.episodes).toBe(1);
    expect(first.last).not.toBeNull();
    expect(first.last!.length).toBeGreaterThan(0);
    store.getState().runGreedyEpisodes(5);
    expect(sent()).toBe(6);
    expect(store.getState().greedy.episodes).toBe(6);
    store.getState().runGreedyEpisodes(0);
    expect(sent()).toBe(6);
    store.getState().dispose();
  });

  it('after training, the target policy’s successes are counted and the last episode says whether it reached the goal', () => {
    const { store, workers } = labWithWorkers();
    trainToTheEnd(store, workers[0]!);
    let successes = 0;
    for (let i = 1; i <= 20; i++) {
      store.getState().runGreedyEpisodes();
      const g = store.getState().greedy;
      if (g.lastReachedGoal) successes++;
      expect(g.episodes).toBe(i);
      expect(g.successes).toBe(successes);
      // Reaching the goal is the episode's one reward of 1 (the lesson's rewards).
      expect(g.last!.return).toBe(g.lastReachedGoal ? 1 : 0);
    }
    // The trained policy reaches the goal often, but the ice is slippery.
    expect(successes).toBeGreaterThan(0);
    store.getState().dispose();
  });

  it('a new run starts an empty gallery and forgets the target policy’s episodes', () => {
    const { store, workers } = labWithWorkers();
    trainToTheEnd(store, workers[0]!);
    store.getState().runGreedyEpisodes(3);
    expect(store.getState().frames.length).toBeGreaterThan(0);
    expect(store.getState().greedy.episodes).toBe(3);
    store.getState().reset();
    expect(store.getState().frames).toEqual([]);
    expect(store.getState().greedy).toEqual(NO_GREEDY);
    store.getState().dispose();
  });

  it('a snapshot with no new frame leaves the gallery as it was (same list, nothing to redraw)', () => {
    const { store } = labWithWorkers();
    const kept: boolean[] = [];
    store.subscribe((s, prev) => {
      if (s.snapshot !== prev.snapshot && s.snapshot?.frames.length === 0)
        kept.push(s.frames === prev.frames);
    });
    for (let i = 0; i < 20; i++) {
      store.getState().step();
      store.getState().snapshotDrawn();
    }
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every(Boolean)).toBe(true);
    store.getState().dispose();
  });

  it(`a frame every 10 episodes is thinned to at most ${MAX_FRAMES}, keeping the first and the newest`, () => {
    const { store, workers } = labWithWorkers();
    expect(store.getState().setFrameInterval(10)).toBe(true);
    trainToTheEnd(store, workers[0]!);
    const episodes = store.getState().frames.map((f) => f.episode);
    expect(episodes.length).toBeLessThanOrEqual(MAX_FRAMES);
    expect(episodes.length).toBeGreaterThan(MAX_FRAMES / 2);
    expect(episodes[0]).toBe(0);
    expect(episodes.at(-1)).toBe(9999);
    expect(episodes).toEqual([...episodes].sort((a, b) => a - b));
    store.getState().dispose();
  });
});
