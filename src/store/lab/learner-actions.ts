/**
 * What the algorithm picker does to the lab, and what the panels read of the learner: which
 * algorithm the run learns with, its options, and the latest snapshot's algorithm and memory
 * beyond Q. A new algorithm, Q₀ or first visit starts a fresh run (Q back to Q₀: they act only
 * when Q is built, or over a whole episode); the other options change the run from its next step
 * (`setLiveLearner`). Plain functions over the store, loaded with the picker, not with the page.
 */
import { DEFAULT_ALGORITHM } from '../../rl/algorithm-names';
import type { Algorithm } from '../../rl/algorithms/registry';
import {
  learnerOptionErrors,
  type LearnerOptions,
  type LiveLearnerChange,
} from '../../rl/learner-options';
import type { MemoryView, RunSettings, Snapshot } from '../../worker/protocol';
import type { LabStore } from '../lab-store';

/** The options only a fresh run takes (the complement of `LIVE_LEARNER_KEYS`). */
const START_ONLY_KEYS = ['initialQ', 'firstVisit'] as const;

/** The algorithm of a run's settings (absent: the lesson's Q-learning). */
export function runAlgorithm(settings: Pick<RunSettings, 'algorithm'>): Algorithm {
  return settings.algorithm ?? DEFAULT_ALGORITHM;
}

/** The algorithm of the latest snapshot (absent: Q-learning), for the panels that draw it. */
export function snapshotAlgorithm(snapshot: Snapshot | null): Algorithm {
  return snapshot?.algorithm ?? DEFAULT_ALGORITHM;
}

/** The memory of the latest snapshot beyond Q (null for one-step TD or before the first). */
export function snapshotMemory(snapshot: Snapshot | null): MemoryView | null {
  return snapshot?.memory ?? null;
}

/**
 * Learns with `algorithm` from a fresh run (same map, seed and settings, Q back to Q₀); the same
 * algorithm again changes nothing. False when the run's settings were refused.
 */
export function setAlgorithm(lab: LabStore, algorithm: Algorithm): boolean {
  const { settings, mapName } = lab.getState();
  if (runAlgorithm(settings) === algorithm) return true;
  // The picker says beside the select that another algorithm starts a fresh run.
  return lab.getState().applySettings({ ...settings, algorithm }, mapName);
}

/**
 * Changes the learner's options: Q₀ or first visit start a fresh run with every change; the
 * others act from the next step, Q kept (one `set-learner`, refused as a whole if bad).
 */
export function setLearnerOptions(lab: LabStore, change: Partial<LearnerOptions>): void {
  const { settings, mapName } = lab.getState();
  if (START_ONLY_KEYS.some((key) => key in change)) {
    lab
      .getState()
      .applySettings({ ...settings, learner: { ...settings.learner, ...change } }, mapName);
    return;
  }
  if (Object.keys(change).length === 0) return;
  // Checked here (this module is not in the first download), so the settings the link shows may
  // follow at once: the worker applies exactly this change from its next step.
  const errors = learnerOptionErrors(change, true);
  if (errors.length > 0) {
    lab.getState().notify('error', errors.join(' '));
    return;
  }
  lab.setState({ settings: { ...settings, learner: { ...settings.learner, ...change } } });
  lab.getState().setLiveLearner(change as LiveLearnerChange);
}
