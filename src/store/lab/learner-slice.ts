/**
 * The learner slice: the one action the first download needs to change the learner's live
 * options (λ, traces, n, exploration, τ, c, α schedule) from the run's next step, recorded like a
 * slider's change. The picker's other actions, which start a fresh run, and the readers of the
 * snapshot's algorithm and memory are in `learner-actions.ts`, loaded with the picker.
 *
 * The values are checked by the worker (`learnerOptionErrors`), which refuses a bad change as a
 * whole with a message that becomes a notice, so the checks stay out of the first download; the
 * settings follow the worker's `params-applied`.
 */
import type { LiveLearnerChange } from '../../rl/learner-options';
import type { LabSliceContext } from './slice';

/** The slice's actions. */
export interface LearnerActions {
  /** Changes the learner's live options from the next step, Q kept (one `set-learner`). */
  setLiveLearner(change: LiveLearnerChange): void;
}

/** Creates the slice. */
export function createLearnerSlice({ send }: LabSliceContext): LearnerActions {
  return { setLiveLearner: (options) => send({ type: 'set-learner', options }) };
}
