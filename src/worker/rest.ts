/**
 * How long a worker training at full speed rests between slices. On a two-core machine a worker
 * that never rests starves the page's rendering threads.
 */

/** At full speed the loop rests this long between slices, in ms. */
export const MAX_SPEED_REST_MS = 4;

/** The rest between full-speed slices, in ms. */
export function restBetweenSlices(): number {
  return MAX_SPEED_REST_MS;
}
