/**
 * Restart after a failure (issue 22): the worker fails while it builds what the user asked for
 * (an imported record, new settings); Restart must build that, not the run that was on screen.
 */
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/rl/replay';
import { lessonSettings, type LabStore } from '../../src/store/lab-store';
import { labWithWorkers } from './lab-with-workers';

const setup = () => labWithWorkers();

/** Takes `n` single steps, each drawn. */
function steps(store: LabStore, n: number): void {
  for (let i = 0; i < n; i++) {
    store.getState().step();
    store.getState().snapshotDrawn();
  }
}

describe('lab store: Restart after a failure', () => {
  it('a worker that fails while replaying an import replays the import again, not the old run', () => {
    const { store, workers } = setup();
    steps(store, 30);
    const imported: RunRecord = {
      settings: { ...lessonSettings(), seed: 11 },
      changes: [{ atStep: 5, params: { alpha: 0.5 } }],
      totalSteps: 200,
    };
    workers[0]!.crash('out of memory');
    store.getState().replay(imported);
    expect(store.getState().connection).toBe('failed');
    store.getState().notices.at(-1)!.action!.run();
    store.getState().snapshotDrawn();
    const s = store.getState();
    expect(s.connection).toBe('ready');
    expect(s.settings.seed).toBe(11);
    expect(s.record?.changes).toEqual(imported.changes);
    expect(s.totalSteps).toBe(200);
    expect(s.notices.at(-1)!.text).toMatch(/step 200/);
  });

  it('a worker that fails while building new settings builds them on Restart', () => {
    const { store, workers } = setup();
    steps(store, 10);
    workers[0]!.crash('out of memory');
    expect(store.getState().applySettings({ ...lessonSettings('8x8'), seed: 4 }, '8x8')).toBe(true);
    expect(store.getState().connection).toBe('failed');
    store.getState().notices.at(-1)!.action!.run();
    const s = store.getState();
    expect(s.connection).toBe('ready');
    expect(s.settings.seed).toBe(4);
    expect(s.mapName).toBe('8x8');
    expect(s.env?.nrow).toBe(8);
    expect(s.totalSteps).toBe(0);
  });

  it('a worker that fails mid-run still replays that run to its last picture', () => {
    const { store, workers } = setup();
    steps(store, 25);
    workers[0]!.crash('out of memory');
    store.getState().step();
    store.getState().notices.at(-1)!.action!.run();
    expect(store.getState().totalSteps).toBe(25);
    expect(store.getState().settings.seed).toBe(0);
  });

  it('a failed worker is let go: what it says after its failure changes nothing until Restart', () => {
    const { store, workers } = setup();
    steps(store, 3);
    workers[0]!.crash('out of memory');
    store.getState().setSpeed(20);
    expect(store.getState().connection).toBe('failed');
    // The failed worker may still be running; a step sent to it now must not bring the run back.
    steps(store, 2);
    expect(store.getState().connection).toBe('failed');
    expect(store.getState().totalSteps).toBe(3);
    store.getState().notices.at(-1)!.action!.run();
    store.getState().snapshotDrawn();
    expect(store.getState().connection).toBe('ready');
    expect(store.getState().totalSteps).toBe(3);
    expect(workers).toHaveLength(2);
  });
});
