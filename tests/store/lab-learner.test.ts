/**
 * The lab store and the algorithm picker: a new algorithm (or Q₀, or first visit) is a fresh run
 * with Q back to Q₀; the live options change the run from its next step and are recorded; the
 * latest snapshot's algorithm and memory are there for the panels; the lesson's runs set the
 * algorithm back to Q-learning and say so.
 */
import { describe, expect, it } from 'vitest';
import { lessonSettings } from '../../src/store/lab-store';
import {
  runAlgorithm,
  setAlgorithm,
  setLearnerOptions,
  snapshotAlgorithm,
  snapshotMemory,
} from '../../src/store/lab/learner-actions';
import { labWithWorkers } from './lab-with-workers';

function setup() {
  const lab = labWithWorkers();
  const { store } = lab;
  const stepAndDraw = (n: number) => {
    for (let i = 0; i < n; i++) {
      store.getState().step();
      store.getState().snapshotDrawn();
    }
  };
  return { ...lab, stepAndDraw };
}

describe('lab store: the learner', () => {
  it('a new algorithm starts a fresh run of it; the snapshot names it', () => {
    const { store, stepAndDraw } = setup();
    stepAndDraw(5);
    const before = store.getState().runId;
    expect(runAlgorithm(store.getState().settings)).toBe('q-learning');
    expect(setAlgorithm(store, 'dyna-q')).toBe(true);
    stepAndDraw(3);
    const s = store.getState();
    expect(s.runId).toBeGreaterThan(before);
    expect(s.totalSteps).toBe(3);
    expect(runAlgorithm(s.settings)).toBe('dyna-q');
    expect(snapshotAlgorithm(s.snapshot)).toBe('dyna-q');
    expect(snapshotMemory(s.snapshot)!.model!.planningUpdates).toBe(15);
  });

  it('the same algorithm again changes nothing', () => {
    const { store, stepAndDraw } = setup();
    stepAndDraw(2);
    const { runId } = store.getState();
    setAlgorithm(store, 'q-learning');
    expect(store.getState().runId).toBe(runId);
    expect(store.getState().totalSteps).toBe(2);
  });

  it('live options act from the next step, keep Q and go into the record', () => {
    const { store, stepAndDraw } = setup();
    setAlgorithm(store, 'sarsa-lambda');
    stepAndDraw(4);
    const { runId } = store.getState();
    setLearnerOptions(store, { lambda: 0.3, traces: 'accumulating' });
    stepAndDraw(1);
    const s = store.getState();
    expect(s.runId).toBe(runId);
    expect(s.totalSteps).toBe(5);
    expect(s.settings.learner).toEqual({ lambda: 0.3, traces: 'accumulating' });
    expect(s.record!.changes).toEqual([
      { atStep: 4, params: {}, learner: { lambda: 0.3, traces: 'accumulating' } },
    ]);
  });

  it('Q₀ starts a fresh run with every non-terminal Q at Q₀', () => {
    const { store, stepAndDraw } = setup();
    stepAndDraw(3);
    setLearnerOptions(store, { initialQ: 0.5 });
    store.getState().snapshotDrawn();
    const s = store.getState();
    expect(s.totalSteps).toBe(0);
    expect(s.settings.learner).toEqual({ initialQ: 0.5 });
    expect(s.snapshot!.q[0]).toBe(0.5);
  });

  it('a bad option is refused with a notice and changes nothing', () => {
    const { store, stepAndDraw } = setup();
    setAlgorithm(store, 'dyna-q');
    stepAndDraw(2);
    setLearnerOptions(store, { planningSteps: -1 });
    const s = store.getState();
    expect(s.notices.at(-1)!.text).toMatch(/^Planning steps n must be /);
    expect(s.settings.learner).toBeUndefined();
    expect(s.record!.changes).toEqual([]);
  });

  it('the lesson or a preset (settings naming no algorithm) runs Q-learning again, with a notice', () => {
    const { store } = setup();
    setAlgorithm(store, 'monte-carlo');
    store.getState().applySettings(lessonSettings('4x4', 2), '4x4');
    const s = store.getState();
    expect(runAlgorithm(s.settings)).toBe('q-learning');
    expect(s.notices.at(-1)!.text).toBe(
      "Back to q-learning, the lesson's algorithm (not monte-carlo).",
    );
  });
});
