import type { Speed } from '../../worker/protocol';

/** The speed slider's stops: steps per second, then full speed. */
export const SPEED_STOPS: readonly Speed[] = [
  1,
  2,
  5,
  10,
  20,
  50,
  100,
  1000,
  10_000,
  100_000,
  'max',
];

/** The slider position for a speed (the nearest stop at or above it). */
export function speedIndex(speed: Speed): number {
  if (speed === 'max') return SPEED_STOPS.length - 1;
  const i = SPEED_STOPS.findIndex((s) => s !== 'max' && s >= speed);
  return i < 0 ? SPEED_STOPS.length - 1 : i;
}

/** "1 step per second", "20 steps per second", "Full speed". */
export function describeSpeed(speed: Speed): string {
  if (speed === 'max') return 'Full speed';
  return `${speed.toLocaleString('en-US')} step${speed === 1 ? '' : 's'} per second`;
}

/** The bar's short form: "20/s", "1,000/s", "Full". */
export function shortSpeed(speed: Speed): string {
  return speed === 'max' ? 'Full' : `${speed.toLocaleString('en-US')}/s`;
}
