/**
 * Draw scheduling for D3 hosts: one draw per animation frame at most (latest state wins), and
 * for secondary panels at most one per `intervalMs`, so at full speed the grid gets the frame
 * budget and panels a person reads change a few times a second instead of flickering.
 */

/** How often panels beside the grid (tables, curves, inspector, gallery) redraw, in ms. */
export const PANEL_INTERVAL_MS = 250;

/** A scheduler: `schedule()` asks for a draw; `cancel()` drops a pending one. */
export interface DrawScheduler {
  schedule(): void;
  cancel(): void;
}

/** Calls `draw` in `requestAnimationFrame`, no more often than every `intervalMs`. */
export function createDrawScheduler(draw: () => void, intervalMs = 0): DrawScheduler {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;
  const run = () => {
    frame = 0;
    last = performance.now();
    draw();
  };
  return {
    schedule() {
      if (frame !== 0 || timer !== null) return;
      const wait = last + intervalMs - performance.now();
      if (wait <= 0) frame = requestAnimationFrame(run);
      else
        timer = setTimeout(() => {
          timer = null;
          frame = requestAnimationFrame(run);
        }, wait);
    },
    cancel() {
      if (frame !== 0) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
      frame = 0;
      timer = null;
    },
  };
}
