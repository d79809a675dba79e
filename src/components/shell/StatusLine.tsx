import { useShallow } from 'zustand/react/shallow';
import { objectiveReadings } from '../objectives/objective-readings';
import { useLab } from './lab-context';

/**
 * "Episode N · Total steps N · ε x · Greedy p of p*": the run's counters and the greedy policy's
 * exact success against the optimum's, updated with every snapshot.
 */
export function StatusLine() {
  const { episode, totalSteps, epsilon, running, finished, connection } = useLab(
    useShallow((s) => ({
      episode: s.episode,
      totalSteps: s.totalSteps,
      epsilon: s.epsilon,
      running: s.running,
      finished: s.finished,
      connection: s.connection,
    })),
  );
  // Strings, so the line re-renders only when a printed number changes.
  const greedy = useLab((s) => objectiveReadings(s).greedySuccess);
  const optimum = useLab((s) => objectiveReadings(s).optimumSuccess);
  const state =
    connection === 'starting'
      ? 'Starting…'
      : connection === 'failed'
        ? 'Worker stopped'
        : running
          ? 'Training'
          : finished
            ? 'Finished'
            : 'Paused';
  return (
    <p className="status" role="status" aria-live="polite" aria-atomic="true">
      <span className="status-state">{state}</span>
      <span>Episode {episode.toLocaleString('en-US')}</span>
      <span>Total steps {totalSteps.toLocaleString('en-US')}</span>
      <span>ε {epsilon.toFixed(3)}</span>
      <span title="Exact probability that the greedy policy reaches the goal, and the optimum's">
        Greedy {greedy} of {optimum}
      </span>
    </p>
  );
}
