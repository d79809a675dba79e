/**
 * Steps per second of a running loop, over its last `RATE_WINDOW_MS`: (steps now − steps at the
 * window's base) / (now − base time), from (time, total steps) samples taken at slice ends. The
 * meter reads 0 whenever the loop is not running, so a run that paused or finished never shows
 * the speed it had.
 */

/** Window over which steps per second are measured, in ms. */
export const RATE_WINDOW_MS = 1000;

/** A meter of one loop's speed. */
export interface RateMeter {
  /** The loop starts at `now` with `steps` done. */
  start(now: number, steps: number): void;
  /** A slice ended at `now` with `steps` done. */
  sample(now: number, steps: number): void;
  /** The loop stopped: the meter reads 0 until the next `start`. */
  stop(): void;
  /** Steps per second over the window up to `now`, with `steps` done; 0 when stopped. */
  perSecond(now: number, steps: number): number;
}

/** A stopped meter. */
export function createRateMeter(): RateMeter {
  let times: number[] = [];
  let counts: number[] = [];
  return {
    start(now, steps) {
      times = [now];
      counts = [steps];
    },
    sample(now, steps) {
      if (times.length === 0) return;
      times.push(now);
      counts.push(steps);
      // Keep one sample at or before the window start as the base.
      while (times.length > 2 && times[1]! <= now - RATE_WINDOW_MS) {
        times.shift();
        counts.shift();
      }
    },
    stop() {
      times = [];
      counts = [];
    },
    perSecond(now, steps) {
      if (times.length === 0) return 0;
      const dt = now - times[0]!;
      return dt > 0 ? ((steps - counts[0]!) * 1000) / dt : 0;
    },
  };
}
