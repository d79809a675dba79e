/**
 * The learner slice: which algorithm the run learns with and its options (λ, traces, n, first
 * visit, exploration, τ, c, α schedule, Q₀), as the picker shows them. A new algorithm, Q₀ or
 * first visit starts a fresh run (Q back to Q₀: they act only when Q is built or over a whole
 * episode); the other options change the run from its next step, recorded like a slider's change.
 *
 * The values are checked by the worker (`checkSettings`, `learnerOptionErrors`), which refuses a
 * bad one with a message that becomes a notice, so the checks stay out of the first download; the
 * settings follow the worker's `params-applied`.
 */
import { DEFAULT_ALGORITHM } from '../../rl/algorithm-names';
import type { Algorithm } from '../../rl/algorithms/registry';
import type { LearnerOptions, LiveLearnerChange } from '../../rl/learner-options';
import type { MemoryView, Snapshot } from '../../worker/protocol';
import type { LabSliceContext } from './slice';

/** The options only a fresh run takes (see `LIVE_LEARNER_KEYS`, their complement). */
const START_ONLY_KEYS = ['initialQ', 'firstVisit'] as const;

/** The slice's actions. */
export interface LearnerActions {
  /**
   * Learns with `algorithm` from a fresh run (same map, seed and settings, Q back to Q₀); the
   * same algorithm again changes nothing. False when the run's settings were refused.
   */
  setAlgorithm(algorithm: Algorithm): boolean;
  /**
   * Changes the learner's options: Q₀ or first visit start a fresh run; the others act from the
   * next step, Q kept (sent as one `set-learner`, refused as a whole by the worker if bad).
   */
  setLearnerOptions(change: Partial<LearnerOptions>): void;
}

/** The algorithm of the run's settings (absent: the lesson's Q-learning). */
export function runAlgorithm(settings: { algorithm?: Algorithm }): Algorithm {
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

/** The options in `change` that a run may take live, and whether any needs a fresh run. */
function splitChange(change: Partial<LearnerOptions>): {
  live: LiveLearnerChange;
  restart: boolean;
} {
  const live: Record<string, unknown> = { ...change };
  let restart = false;
  for (const key of START_ONLY_KEYS)
    if (key in live) {
      restart = true;
      delete live[key];
    }
  return { live: live as LiveLearnerChange, restart };
}

/** Creates the slice. */
export function createLearnerSlice({ get, send }: LabSliceContext): LearnerActions {
  return {
    setAlgorithm: (algorithm) => {
      const { settings, mapName } = get();
      if (runAlgorithm(settings) === algorithm) return true;
      if (!get().applySettings({ ...settings, algorithm }, mapName)) return false;
      get().notify('info', `A new run learns with ${algorithm}: Q starts again at Q₀.`);
      return true;
    },
    setLearnerOptions: (change) => {
      const { settings, mapName } = get();
      const { live, restart } = splitChange(change);
      if (restart) {
        get().applySettings({ ...settings, learner: { ...settings.learner, ...change } }, mapName);
        return;
      }
      if (Object.keys(live).length > 0) send({ type: 'set-learner', options: live });
    },
  };
}
