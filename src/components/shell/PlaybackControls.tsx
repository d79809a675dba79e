import { memo } from 'react';
import { useLab } from './lab-context';
import { lessonTarget } from '../lesson/targets';

/** Where the skip link goes: the run controls' group. */
export const RUN_CONTROLS_ID = 'run-controls';

/**
 * Play/Pause, Step, Step episode and Reset. Re-renders only when running flips. On a narrow
 * screen the same group becomes the sticky bar at the bottom (CSS), so each button exists once.
 */
export const PlaybackControls = memo(function PlaybackControls() {
  const running = useLab((s) => s.running);
  const ready = useLab((s) => s.connection === 'ready');
  const togglePlay = useLab((s) => s.togglePlay);
  const step = useLab((s) => s.step);
  const stepEpisode = useLab((s) => s.stepEpisode);
  const reset = useLab((s) => s.reset);
  return (
    <div className="playback" role="group" aria-label="Training" id={RUN_CONTROLS_ID} tabIndex={-1}>
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
