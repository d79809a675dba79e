import { memo } from 'react';
import { useLab } from './lab-context';
import { describeSpeed, shortSpeed, SPEED_STOPS, speedIndex } from './speed';
import { lessonTarget } from '../lesson/targets';

/** From one step per second (to narrate every step) to full speed. */
export const SpeedControl = memo(function SpeedControl() {
  const speed = useLab((s) => s.speed);
  const setSpeed = useLab((s) => s.setSpeed);
  return (
    <div className="slider" {...lessonTarget('speed')}>
      <div className="slider-head">
        <label htmlFor="speed">Speed</label>
        <output htmlFor="speed" aria-hidden="true" title={describeSpeed(speed)}>
          {shortSpeed(speed)}
        </output>
      </div>
      <input
        id="speed"
        type="range"
        min={0}
        max={SPEED_STOPS.length - 1}
        step={1}
        value={speedIndex(speed)}
        aria-valuetext={describeSpeed(speed)}
        onChange={(e) => setSpeed(SPEED_STOPS[Number(e.target.value)] ?? 'max')}
      />
    </div>
  );
});
