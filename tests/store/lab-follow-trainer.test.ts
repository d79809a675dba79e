/**
 * How the lab store follows the worker's answers: a change of hyperparameters or of the ice, a
 * command the worker refused, an import cancelled, and answers about a run already replaced.
 */
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/rl/replay';
import { followTrainer } from '../../src/store/lab/follow-trainer';
import { createLabStore, lessonSettings } from '../../src/store/lab-store';
import type { TrainerEvent } from '../../src/worker/protocol';
import { delayingWorker } from './delaying-worker';
import { createInProcessWorker } from './in-process-worker';
import { labWithWorkers } from './lab-with-workers';

/** Takes `n` single steps, each drawn. */
function steps(store: ReturnType<typeof labWithWorkers>['store'], n: number): void {
  for (let i = 0; i < n; i++) {
    store.getState().step();
    store.getState().snapshotDrawn();
  }
}

describe('lab store: following the worker', () => {
  it('a hyperparameter change keeps the environment facts as they were (the panels keep their map)', () => {
    const { store } = labWithWorkers();
    const { env } = store.getState();
    expect(store.getState().setParams({ alpha: 0.3 })).toBe(true);
    expect(store.getState().env).toBe(env);
    expect(store.getState().record!.changes).toEqual([{ atStep: 0, params: { alpha: 0.3 } }]);
    store.getState().setEnv({ successRate: 0.5 });
    expect(store.getState().env).not.toBe(env);
    expect(store.getState().env).toEqual({ ...env, successRate: 0.5 });
    store.getState().dispose();
  });

  it('a hyperparameter change the worker applied to a run already replaced is not recorded', () => {
    const worker = delayingWorker(
      createInProcessWorker(),
      (e: TrainerEvent) => e.type === 'params-applied',
    );
    const store = createLabStore({ createWorker: () => worker.port });
    store.getState().setParams({ alpha: 0.3 });
    store.getState().applySettings({ ...lessonSettings(), seed: 3 }, '4x4');
    expect(store.getState().settings.seed).toBe(3);
    worker.release();
    expect(store.getState().record!.changes).toEqual([]);
    store.getState().dispose();
  });

  it('an import the worker refuses is an error notice, and a later Restart rebuilds the run on screen', () => {
    const { store, workers } = labWithWorkers();
    steps(store, 12);
    const bad = { settings: lessonSettings(), changes: [], totalSteps: -5 } as RunRecord;
    store.getState().replay(bad);
    expect(store.getState().notices.at(-1)).toMatchObject({ kind: 'error' });
    expect(store.getState().notices.at(-1)!.text).toMatch(/^The run record was refused: /);
    expect(store.getState().totalSteps).toBe(12);
    workers[0]!.crash('out of memory');
    store.getState().step();
    store.getState().notices.at(-1)!.action!.run();
    expect(store.getState().connection).toBe('ready');
    expect(store.getState().totalSteps).toBe(12);
    expect(store.getState().notices.at(-1)!.text).toBe(
      'The worker was restarted and the run replayed to step 12.',
    );
    store.getState().dispose();
  });

  it('a cancelled import is said as information, not as an error', () => {
    const { store, workers } = labWithWorkers();
    workers[0]!.endpoint.tick = 1;
    store.getState().replay({
      settings: { ...lessonSettings('4x4', 5), frameInterval: 1 },
      changes: [],
      totalSteps: 300_000,
    });
    workers[0]!.endpoint.runNext();
    store.getState().cancelReplay();
    workers[0]!.endpoint.runAll();
    expect(store.getState().notices.at(-1)).toMatchObject({ kind: 'info' });
    expect(store.getState().notices.at(-1)!.text).toMatch(/^The import was cancelled at step /);
    store.getState().dispose();
  });

  it('the watchdog’s answer (a pong) leaves the store as it was', () => {
    const { store } = labWithWorkers();
    const before = store.getState();
    expect(() => followTrainer({ type: 'pong', id: 1 }, store, [])).not.toThrow();
    expect(store.getState()).toBe(before);
    store.getState().dispose();
  });
});
