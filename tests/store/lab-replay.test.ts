/**
 * A long import in the lab store (issue 22): the page shows how far the replay got, Cancel
 * leaves the run on screen as it was and says so, and the end of the replay clears the progress.
 */
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/rl/replay';
import { lessonSettings } from '../../src/store/lab-store';
import { labWithWorkers } from './lab-with-workers';

const RECORD: RunRecord = {
  settings: { ...lessonSettings('4x4', 5), frameInterval: 1 },
  changes: [],
  totalSteps: 300_000,
};

/** A lab whose worker's clock moves 1 ms per read, so a long replay takes many slices. */
function setup() {
  const lab = labWithWorkers();
  const worker = lab.workers[0]!;
  worker.endpoint.tick = 1;
  for (let i = 0; i < 4; i++) {
    lab.store.getState().step();
    lab.store.getState().snapshotDrawn();
  }
  return { ...lab, worker };
}

/** Lets the worker finish the import: the progress is gone and the imported run is on screen. */
function finishesOnTheImport({
  store,
  worker,
}: Pick<ReturnType<typeof setup>, 'store' | 'worker'>) {
  worker.endpoint.runAll();
  store.getState().snapshotDrawn();
  const s = store.getState();
  expect(s.replaying).toBeNull();
  expect(s.settings.seed).toBe(5);
  expect(s.totalSteps).toBe(300_000);
}

describe('lab store: a long import', () => {
  it('shows its progress while it replays, then the imported run', () => {
    const { store, worker } = setup();
    store.getState().replay(RECORD);
    const first = store.getState().replaying;
    expect(first).not.toBeNull();
    expect(first!.totalSteps).toBe(300_000);
    expect(store.getState().settings.seed).toBe(0);
    worker.endpoint.runNext();
    expect(store.getState().replaying!.steps).toBeGreaterThanOrEqual(first!.steps);
    finishesOnTheImport({ store, worker });
  });

  it('a command refused during the import leaves the import under way, and the imported run comes', () => {
    const { store, worker } = setup();
    store.getState().replay(RECORD);
    worker.endpoint.runNext();
    // A bad success rate: the worker refuses it (an error notice) and goes on replaying.
    store.getState().setEnv({ successRate: 5 });
    worker.endpoint.runNext();
    expect(store.getState().notices.at(-1)!.kind).toBe('error');
    expect(store.getState().replaying).not.toBeNull();
    finishesOnTheImport({ store, worker });
  });

  it('a refused import itself clears the progress and leaves the run on screen', () => {
    const { store, worker } = setup();
    store.getState().replay({ ...RECORD, totalSteps: -3 });
    worker.endpoint.runAll();
    const s = store.getState();
    expect(s.replaying).toBeNull();
    expect(s.totalSteps).toBe(4);
    expect(s.notices.at(-1)!.text).toMatch(/^The run record was refused/);
  });

  it('Cancel leaves the run before the import as it was, and a notice says so', () => {
    const { store, worker } = setup();
    const before = store.getState();
    store.getState().replay(RECORD);
    worker.endpoint.runNext();
    store.getState().cancelReplay();
    worker.endpoint.runAll();
    const s = store.getState();
    expect(s.replaying).toBeNull();
    expect(s.runId).toBe(before.runId);
    expect(s.totalSteps).toBe(4);
    expect(s.settings.seed).toBe(0);
    expect(s.notices.at(-1)!.text).toMatch(
      /^The import was cancelled at step [\d,]+ of 300,000; the run before it is as it was\.$/,
    );
    // A later failure restarts the run on screen, not the cancelled import.
    worker.crash('out of memory');
    store.getState().step();
    store.getState().notices.at(-1)!.action!.run();
    expect(store.getState().settings.seed).toBe(0);
  });
});
