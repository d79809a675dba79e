import { memo } from 'react';
import { useLab } from './lab-context';
import { lessonTarget } from '../lesson/targets';

/** Play/Pause, Step, Step episode and Reset. Re-renders only when running flips. */
export const PlaybackControls = memo(function PlaybackControls() {
  const running = useLab((s) => s.running);
  const ready = useLab((s) => s.connection === 'ready');
  const togglePlay = useLab((s) => s.togglePlay);
  const step = useLab((s) => s.step);
  const stepEpisode = useLab((s) => s.stepEpisode);
  const reset = useLab((s) => s.reset);
  return (
    <div className="playback" role="group" aria-label="Training">
      <button
        type="button"
        className="primary"
        onClick={togglePlay}
        disabled={!ready}
        {...lessonTarget('play')}
      >
        {running ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        onClick={step}
        disabled={!ready}
        {...lessonTarget('step')}
        title="Exactly one environment step and one Q update"
      >
        Step
      </button>
      <button
        type="button"
        onClick={stepEpisode}
        disabled={!ready}
        {...lessonTarget('step-episode')}
        title="Run until this episode ends"
      >
        Step episode
      </button>
      <button
        type="button"
        onClick={reset}
        disabled={!ready}
        title="Q back to zero, same settings and seed"
      >
        Reset
      </button>
    </div>
  );
});
