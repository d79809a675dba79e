import { useShallow } from 'zustand/react/shallow';
import { useLab } from './lab-context';

/** "Episode N · Total steps N · ε x": the run's counters, updated with every snapshot. */
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
    </p>
  );
}
