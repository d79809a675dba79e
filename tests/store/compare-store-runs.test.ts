/** The comparison store's controls and how it follows its worker, apart from the numbers. */
import { describe, expect, it } from 'vitest';
import { createCompareStore } from '../../src/store/compare-store';
import { lessonSettings } from '../../src/store/lab-store';
import type { CompareCommand, CompareEvent } from '../../src/worker/compare-protocol';
import { compareWithWorkers as setup } from './compare-with-workers';
import { createInProcessCompareWorker } from './in-process-compare-worker';
import { delayingWorker } from './delaying-worker';

const SETTINGS = { ...lessonSettings(), episodes: 80 };

describe('compare store: controls', () => {
  it('before the first comparison nothing runs and nothing is counted', () => {
    const { store } = setup();
    expect(store.getState()).toMatchObject({
      connection: 'idle',
      running: false,
      finished: false,
      episodes: [],
      curves: [],
      snapshot: null,
    });
  });

  it('picking an algorithm for an agent that is not there changes nothing', () => {
    const { store } = setup();
    store.getState().setAlgorithm(2, 'expected-sarsa');
    store.getState().setAlgorithm(-1, 'expected-sarsa');
    expect(store.getState().algorithms).toEqual(['q-learning', 'sarsa']);
    store.getState().setAlgorithm(1, 'expected-sarsa');
    expect(store.getState().algorithms).toEqual(['q-learning', 'expected-sarsa']);
  });

  it('removing an agent that is not there, or below two, changes nothing', () => {
    const { store } = setup();
    store.getState().removeAgent(0);
    expect(store.getState().algorithms).toHaveLength(2);
    store.getState().addAgent();
    const three = store.getState().algorithms;
    store.getState().removeAgent(3);
    store.getState().removeAgent(-1);
    // The very same list: the panel has nothing to redraw.
    expect(store.getState().algorithms).toBe(three);
    store.getState().removeAgent(2);
    expect(store.getState().algorithms).toEqual(three.slice(0, 2));
  });

  it('full speed and a speed in range are taken and sent to the worker', () => {
    const { store, sent } = setup();
    store.getState().start(SETTINGS);
    const before = sent('set-speed');
    expect(store.getState().setSpeed('max')).toBe(true);
    expect(store.getState().speed).toBe('max');
    expect(store.getState().setSpeed(100)).toBe(true);
    expect(store.getState().speed).toBe(100);
    expect(sent('set-speed')).toBe(before + 2);
  });

  it('a store with no error handler refuses a bad speed quietly', () => {
    const store = createCompareStore({ createWorker: createInProcessCompareWorker });
    expect(store.getState().setSpeed(0)).toBe(false);
  });

  it('a comparison with an agent added since starts afresh with all of them', () => {
    const { store, workers } = setup();
    store.getState().start(SETTINGS);
    store.getState().pause();
    store.getState().addAgent();
    store.getState().start(SETTINGS);
    const init = workers[0]!.sent.filter((c) => c.type === 'init').at(-1)!;
    expect(init).toMatchObject({ algorithms: store.getState().algorithms });
    expect(store.getState().runAlgorithms).toHaveLength(3);
  });

  it('reset builds a run that waits paused: no play is sent', () => {
    const { store, sent, runToIdle } = setup();
    store.getState().reset(SETTINGS);
    expect(store.getState().connection).toBe('ready');
    runToIdle();
    expect(sent('play')).toBe(0);
    expect(store.getState().running).toBe(false);
  });

  it('Pause while the comparison is being built: it stays paused once built', () => {
    let delaying: ReturnType<typeof delayingWorker<CompareCommand, CompareEvent>> | null = null;
    const { store, sent } = setup((w) => {
      delaying = delayingWorker(w, (e) => e.type === 'ready');
      return delaying.port;
    });
    store.getState().start(SETTINGS);
    expect(store.getState().connection).toBe('starting');
    store.getState().pause();
    delaying!.release();
    expect(store.getState().connection).toBe('ready');
    expect(sent('play')).toBe(0);
  });

  it('dispose leaves the comparison idle and stopped, with no run', () => {
    const { store, runToIdle } = setup();
    store.getState().start(SETTINGS);
    runToIdle();
    store.getState().dispose();
    expect(store.getState()).toMatchObject({
      connection: 'idle',
      running: false,
      settings: null,
      runAlgorithms: null,
    });
  });
});

describe('compare store: following the worker', () => {
  it('a new run is stopped, unfinished and at 0 episodes from its ready on', () => {
    const { store, runToIdle } = setup();
    store.getState().setSpeed('max');
    store.getState().start(SETTINGS);
    runToIdle();
    expect(store.getState().finished).toBe(true);
    const atReady: unknown[] = [];
    store.subscribe((s, prev) => {
      if (s.runId !== prev.runId)
        atReady.push({
          running: s.running,
          finished: s.finished,
          episodes: s.episodes,
          curves: s.curves,
        });
    });
    store.getState().reset(SETTINGS);
    expect(atReady).toEqual([
      { running: false, finished: false, episodes: [0, 0], curves: [[], []] },
    ]);
  });

  it('the curves gather every point of the run, and a snapshot with no new point keeps them', () => {
    const { store, runToIdle } = setup();
    let lastPoints = 0;
    const kept: boolean[] = [];
    store.subscribe((s, prev) => {
      if (s.snapshot === prev.snapshot || !s.snapshot) return;
      lastPoints = s.snapshot.agents[0]!.points.length;
      if (s.snapshot.agents.every((a) => a.points.length === 0))
        kept.push(s.curves === prev.curves);
    });
    store.getState().setSpeed(100);
    store.getState().start(SETTINGS);
    runToIdle();
    const curve = store.getState().curves[0]!;
    expect(curve.at(-1)!.episode).toBe(80);
    expect(curve.length).toBeGreaterThan(lastPoints);
    expect(curve[0]!.episode).toBeLessThan(curve.at(-1)!.episode);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every(Boolean)).toBe(true);
  });

  it('a snapshot of a run already replaced is dropped, and the worker is asked for the next one', () => {
    let replaced = -1;
    let delaying: ReturnType<typeof delayingWorker<CompareCommand, CompareEvent>> | null = null;
    const { store, workers, sent } = setup((w) => {
      delaying = delayingWorker(w, (e) => e.type === 'snapshot' && e.snapshot.runId === replaced);
      return delaying.port;
    });
    store.getState().setSpeed(100);
    store.getState().start(SETTINGS);
    replaced = store.getState().runId;
    // Train until a picture of the run is on its way.
    for (let i = 0; i < 100 && delaying!.held() === 0; i++) {
      workers[0]!.endpoint.runNext();
      store.getState().snapshotDrawn();
    }
    expect(delaying!.held()).toBe(1);
    store.getState().reset(SETTINGS);
    const { snapshot, runId } = store.getState();
    expect(runId).not.toBe(replaced);
    const before = sent('request-snapshot');
    delaying!.release();
    expect(sent('request-snapshot')).toBe(before + 1);
    expect(store.getState().snapshot).toBe(snapshot);
  });

  it('a worker that fails stops the comparison, says so, and the next Start begins a new one', () => {
    const { store, workers, errors } = setup();
    store.getState().start(SETTINGS);
    workers[0]!.onerror?.({ message: 'out of memory' } as ErrorEvent);
    expect(store.getState()).toMatchObject({
      connection: 'failed',
      running: false,
      settings: null,
      runAlgorithms: null,
    });
    expect(errors.at(-1)).toBe(
      'The comparison worker failed: out of memory. Press Start to begin a new comparison.',
    );
    expect(workers[0]!.terminated).toBe(true);
    store.getState().start(SETTINGS);
    expect(workers).toHaveLength(2);
    expect(store.getState().connection).toBe('ready');
    expect(workers[1]!.sent.map((c) => c.type)).toEqual(['set-speed', 'init', 'play']);
  });

  it('a worker that fails without a message is said to have failed with an unknown error', () => {
    const { store, workers, errors } = setup();
    store.getState().start(SETTINGS);
    workers[0]!.onerror?.({ message: '' } as ErrorEvent);
    expect(errors.at(-1)).toMatch(/^The comparison worker failed: unknown error\. /);
  });
});
