/**
 * Draw scheduling for D3 hosts: one draw per animation frame at most (latest state wins), and
 * for secondary panels at most one per `intervalMs`, so at full speed the grid gets the frame
 * budget and panels a person reads change a few times a second instead of flickering.
 *
 * A scheduler given the element it draws into also skips drawing while that element is far off
 * screen and training runs: a chart scrolled out of view costs nothing, and the one draw it
 * missed runs as soon as it comes back into view or the run stops.
 */

/** How often panels beside the grid (tables, curves, inspector, gallery) redraw, in ms. */
export const PANEL_INTERVAL_MS = 250;

/**
 * How far outside the viewport a host still counts as visible: not at all. A panel just below
 * the fold (which Chromium still lays out and paints) would otherwise cost the page about two
 * frames a second at full speed; a panel scrolled into view draws within a frame.
 */
export const VISIBILITY_MARGIN = '0px';

/** A scheduler: `schedule()` asks for a draw; `destroy()` drops a pending one and ends it. */
export interface DrawScheduler {
  schedule(): void;
  destroy(): void;
}

/** Options of `createDrawScheduler`. */
export interface DrawSchedulerOptions {
  /**
   * Shortest time between two draws, in ms (0: once per animation frame); a function is read at
   * each request (the grid narrates every frame but draws at most every 100 ms at full speed).
   */
  intervalMs?: number | (() => number);
  /**
   * The element the draw paints into. While it is outside the viewport (by more than
   * `VISIBILITY_MARGIN`) requests are kept and not drawn; the draw runs when it comes into view.
   * Without `IntersectionObserver` (jsdom), the host always counts as visible.
   */
  host?: Element | null;
  /**
   * Whether a draw of a host out of view may be skipped now (default: always). Panels pass
   * "while training runs", so once a run stops every panel, seen or not, shows its end (a screen
   * reader reads a chart's label without scrolling to it).
   */
  skipHidden?: () => boolean;
  /**
   * Called each time a request is kept for later because the host is out of view (the grid still
   * tells the worker it may send the next snapshot, which the panels on screen read).
   */
  onSkip?: () => void;
}

/** Whether an element is near the viewport, kept up to date. */
export interface VisibilityWatch {
  visible(): boolean;
  disconnect(): void;
}

/**
 * Watches whether `element` is within `VISIBILITY_MARGIN` of the viewport and calls `onChange`
 * when that changes. Without `IntersectionObserver` (jsdom) it is always visible.
 */
export function watchVisibility(
  element: Element,
  onChange: (visible: boolean) => void,
): VisibilityWatch {
  if (typeof IntersectionObserver === 'undefined')
    return { visible: () => true, disconnect: () => {} };
  let visible = true;
  const observer = new IntersectionObserver(
    (entries) => {
      const entry = entries[entries.length - 1];
      if (!entry || entry.isIntersecting === visible) return;
      visible = entry.isIntersecting;
      onChange(visible);
    },
    { rootMargin: VISIBILITY_MARGIN },
  );
  observer.observe(element);
  return { visible: () => visible, disconnect: () => observer.disconnect() };
}

/** Calls `draw` in `requestAnimationFrame`, no more often than every `intervalMs`. */
export function createDrawScheduler(
  draw: () => void,
  options: DrawSchedulerOptions = {},
): DrawScheduler {
  const interval = options.intervalMs ?? 0;
  const intervalMs = typeof interval === 'function' ? interval : () => interval;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;
  // Asked for while out of view: drawn when the host comes back.
  let missed = false;
  const watch = options.host
    ? watchVisibility(options.host, (visible) => {
        if (visible && missed) {
          missed = false;
          schedule();
        }
      })
    : null;
  const skipHidden = options.skipHidden ?? (() => true);
  // True when this draw can wait until the host is back in view.
  const deferred = () => watch !== null && !watch.visible() && skipHidden();

  const defer = () => {
    missed = true;
    options.onSkip?.();
  };

  const run = () => {
    frame = 0;
    if (deferred()) {
      defer();
      return;
    }
    last = performance.now();
    draw();
  };

  function schedule(): void {
    if (deferred()) {
      defer();
      return;
    }
    if (frame !== 0 || timer !== null) return;
    const wait = last + intervalMs() - performance.now();
    if (wait <= 0) frame = requestAnimationFrame(run);
    else
      timer = setTimeout(() => {
        timer = null;
        frame = requestAnimationFrame(run);
      }, wait);
  }

  const cancel = () => {
    if (frame !== 0) cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    frame = 0;
    timer = null;
    missed = false;
  };

  return {
    schedule,
    destroy() {
      cancel();
      watch?.disconnect();
    },
  };
}
