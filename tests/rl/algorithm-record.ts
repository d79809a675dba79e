/** A run record for any algorithm, with slider and learner-option changes mid-episode. */
import type { Algorithm } from '../../src/rl/algorithms/registry';
import type { RunRecord } from '../../src/rl/replay';
import { lessonSettings } from '../../src/shared/lesson-run';

/** Slider and option changes mid-episode, as a class would make them. */
export function algorithmRecord(algorithm: Algorithm): RunRecord {
  return {
    settings: {
      ...lessonSettings('4x4', 5),
      algorithm,
      learner: { initialQ: 0.05, planningSteps: 3, lambda: 0.7 },
    },
    changes: [
      { atStep: 311, params: { alpha: 0.3 }, learner: { lambda: 0.4, planningSteps: 1 } },
      { atStep: 700, params: {}, learner: { exploration: 'softmax', temperature: 0.2 } },
      {
        atStep: 1103,
        params: { epsilon: 0.3 },
        learner: { exploration: 'ucb', ucbC: 1, alphaSchedule: 'visits', traces: 'accumulating' },
      },
      { atStep: 1500, params: {}, learner: { exploration: 'epsilon-greedy' } },
    ],
    totalSteps: 1900,
  };
}
