/** The algorithm picker's edge cases: before any picture, the same algorithm, empty and bad changes. */
import { describe, expect, it } from 'vitest';
import {
  setAlgorithm,
  setLearnerOptions,
  snapshotAlgorithm,
  snapshotMemory,
} from '../../src/store/lab/learner-actions';
import { labWithWorkers } from './lab-with-workers';

describe('lab store: the learner’s edge cases', () => {
  it('before the first picture the panels read Q-learning with no memory beyond Q', () => {
    expect(snapshotAlgorithm(null)).toBe('q-learning');
    expect(snapshotMemory(null)).toBeNull();
  });

  it('picking the algorithm already in use is accepted and keeps the run', () => {
    const { store } = labWithWorkers();
    const { runId } = store.getState();
    expect(setAlgorithm(store, 'q-learning')).toBe(true);
    expect(store.getState().runId).toBe(runId);
    store.getState().dispose();
  });

  it('an empty change of the learner’s options changes and sends nothing', () => {
    const { store, workers } = labWithWorkers();
    const { settings } = store.getState();
    const sent = workers[0]!.sent.length;
    setLearnerOptions(store, {});
    expect(store.getState().settings).toBe(settings);
    expect(workers[0]!.sent).toHaveLength(sent);
    store.getState().dispose();
  });

  it('two bad live options are refused in one error notice naming both, and nothing is sent', () => {
    const { store, workers } = labWithWorkers();
    const { settings } = store.getState();
    const sent = workers[0]!.sent.length;
    setLearnerOptions(store, { lambda: 2, planningSteps: -1 });
    const notice = store.getState().notices.at(-1)!;
    expect(notice.kind).toBe('error');
    expect(notice.text).toMatch(/^Trace decay λ.*\. Planning steps n.*\.$/);
    expect(store.getState().settings).toBe(settings);
    expect(workers[0]!.sent).toHaveLength(sent);
    store.getState().dispose();
  });
});
