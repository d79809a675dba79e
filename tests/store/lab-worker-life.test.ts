/**
 * The lab store's side of the training worker's life: what the page says when it fails, while a
 * restarted one loads, when it stops answering and when it speaks again, and what it does with an
 * answer about a run already replaced.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NO_GREEDY } from '../../src/store/lab/gallery-slice';
import { createLabStore, UNRESPONSIVE_AFTER_MS, type WorkerPort } from '../../src/store/lab-store';
import type { TrainerEvent } from '../../src/worker/protocol';
import { delayingWorker } from './delaying-worker';
import { createInProcessWorker, type InProcessWorker } from './in-process-worker';
import { labWithSilenceableWorker, labWithWorkers } from './lab-with-workers';

/** A worker that takes every command and never answers (a real one still loading). */
function silentWorker(): WorkerPort {
  return { onmessage: null, onerror: null, postMessage: () => {}, terminate: () => {} };
}

const requests = (sent: readonly { type: string }[]) =>
  sent.filter((c) => c.type === 'request-snapshot').length;

describe('lab store: the training worker’s life', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a store opened with no map named trains the 4x4 lesson map', () => {
    const { store } = labWithWorkers();
    expect(store.getState().mapName).toBe('4x4');
    store.getState().dispose();
  });

  it('a worker that fails while training stops the run and offers a restart, as an error', () => {
    const { store, workers } = labWithWorkers();
    store.getState().setSpeed(1000);
    store.getState().play();
    workers[0]!.endpoint.advance(50);
    store.getState().snapshotDrawn();
    expect(store.getState().running).toBe(true);
    workers[0]!.crash('out of memory');
    store.getState().snapshotDrawn();
    const s = store.getState();
    expect(s.connection).toBe('failed');
    expect(s.running).toBe(false);
    expect(s.replaying).toBeNull();
    expect(s.notices.at(-1)).toMatchObject({
      kind: 'error',
      text: 'The training worker failed: out of memory. Restart it to go on from the last picture, with the same settings.',
      action: { label: 'Restart the worker' },
    });
    store.getState().dispose();
  });

  it('a worker that fails without a message is said to have failed with an unknown error', () => {
    const { store, workers } = labWithWorkers();
    workers[0]!.crash('');
    store.getState().step();
    expect(store.getState().notices.at(-1)?.text).toMatch(
      /^The training worker failed: unknown error\. /,
    );
    store.getState().dispose();
  });

  it('while a restarted worker loads, the page says it is starting, not failed', () => {
    const made: WorkerPort[] = [];
    const store = createLabStore({
      createWorker: () => {
        const w = made.length === 0 ? createInProcessWorker() : silentWorker();
        made.push(w);
        return w;
      },
    });
    (made[0] as InProcessWorker).crash('boom');
    store.getState().step();
    expect(store.getState().connection).toBe('failed');
    store.getState().notices.at(-1)!.action!.run();
    expect(made).toHaveLength(2);
    expect(store.getState().connection).toBe('starting');
    store.getState().dispose();
  });

  it('a snapshot of a run already replaced is dropped, and the worker is asked for the next one', () => {
    let replaced = -1;
    const inner = createInProcessWorker();
    const worker = delayingWorker(
      inner,
      (e: TrainerEvent) => e.type === 'snapshot' && e.snapshot.runId === replaced,
    );
    const store = createLabStore({ createWorker: () => worker.port });
    replaced = store.getState().runId;
    store.getState().step();
    store.getState().snapshotDrawn();
    store.getState().reset();
    const { runId, snapshot } = store.getState();
    expect(runId).not.toBe(replaced);
    const before = requests(inner.sent);
    worker.release();
    expect(requests(inner.sent)).toBe(before + 1);
    expect(store.getState().runId).toBe(runId);
    expect(store.getState().snapshot).toBe(snapshot);
    expect(store.getState().totalSteps).toBe(0);
    store.getState().dispose();
  });

  it('a target episode of a run already replaced is dropped without asking for a snapshot', () => {
    const inner = createInProcessWorker();
    const worker = delayingWorker(inner, (e: TrainerEvent) => e.type === 'greedy-episode');
    const store = createLabStore({ createWorker: () => worker.port });
    store.getState().runGreedyEpisodes(2);
    store.getState().reset();
    const before = requests(inner.sent);
    worker.release();
    expect(requests(inner.sent)).toBe(before);
    expect(store.getState().greedy).toEqual(NO_GREEDY);
    store.getState().dispose();
  });

  it('a worker that stops answering is reported as an error, and is ready again when it speaks', () => {
    vi.useFakeTimers();
    const { store, setSilent } = labWithSilenceableWorker(100);
    setSilent(true);
    vi.advanceTimersByTime(2 * UNRESPONSIVE_AFTER_MS);
    expect(store.getState().connection).toBe('unresponsive');
    expect(store.getState().notices.at(-1)).toMatchObject({
      kind: 'error',
      text: 'The training worker stopped answering.',
      action: { label: 'Restart the worker' },
    });
    // It comes back by itself (a long slice ended): the next ping's answer is enough.
    setSilent(false);
    vi.advanceTimersByTime(200);
    expect(store.getState().connection).toBe('ready');
    store.getState().dispose();
  });
});
