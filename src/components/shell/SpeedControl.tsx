import { memo } from 'react';
import { useLab } from './lab-context';
import { describeSpeed, shortSpeed, SPEED_STOPS, speedIndex } from './speed';
import { StopSlider } from './StopSlider';

/** From one step per second (to narrate every step) to full speed. */
export const SpeedControl = memo(function SpeedControl() {
  const speed = useLab((s) => s.speed);
  const setSpeed = useLab((s) => s.setSpeed);
  return (
    <StopSlider
      id="speed"
      label="Speed"
      count={SPEED_STOPS.length}
      index={speedIndex(speed)}
      valueText={describeSpeed(speed)}
      readout={shortSpeed(speed)}
      readoutTitle={describeSpeed(speed)}
      onIndex={(i) => setSpeed(SPEED_STOPS[i] ?? 'max')}
      target="speed"
    />
  );
});
