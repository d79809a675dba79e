/**
 * When a trainer may send a snapshot, shared by the training and comparison workers. A snapshot
 * goes out only when
 *   - the page asked for one (`request`) since the previous one: it drew that one, so it can
 *     take the next (backpressure; a new run counts as asked),
 *   - something it shows changed since (`markDirty`),
 *   - and, while running, at least `SNAPSHOT_INTERVAL_MS` passed since the previous one.
 * So the page gets at most one snapshot per frame it draws, always the latest state, and a busy
 * page is never sent a queue of stale ones.
 *
 * The end of a Play is the one change that goes out unasked (`announce`), to a page that has been
 * following the run (it asked during the Play): at full speed such a page asks only after each
 * draw of the grid, every 100 ms or so, and would otherwise learn late that the run finished.
 */

/** Shortest time between two snapshots while running, in ms (one frame at 60 Hz). */
export const SNAPSHOT_INTERVAL_MS = 16;

/** What the gate needs from its trainer. */
export interface GateParts {
  /** Monotonic time in ms. */
  now(): number;
  /** Is the loop running (then snapshots are spaced by `SNAPSHOT_INTERVAL_MS`)? */
  running(): boolean;
  /** Builds and posts a snapshot; false when there is nothing to send (no run yet). */
  send(now: number): boolean;
  /** Asks the loop to run within `delayMs` (it flushes after each slice). */
  wakeWithin(delayMs: number): void;
}

/** The gate's state and controls. */
export interface SnapshotGate {
  /** Something the page shows changed. */
  markDirty(): void;
  /** A new run: the page draws it from scratch, so it counts as having asked. */
  markAsked(): void;
  /** Sends a snapshot now if the three conditions hold. */
  flush(): void;
  /** Requests the page made so far (to tell whether it asked during a Play). */
  asks(): number;
  /**
   * The run stopped by itself: if the page asked since it had made `asksBefore` requests, the
   * final snapshot goes out now as if it had asked again; otherwise the usual rules apply.
   */
  announce(asksBefore: number): void;
  /** When the last snapshot went out, if the page has not asked since; else null. */
  unansweredSince(): number | null;
  /**
   * The page drew the last snapshot: flush now, or — within the frame interval while running —
   * wake the loop when the interval is over (a slow speed may have the next slice far off).
   */
  request(): void;
}

/** A gate with nothing asked and nothing changed. */
export function createSnapshotGate(parts: GateParts): SnapshotGate {
  let pageReady = false;
  let dirty = false;
  let lastSent = -Infinity;
  let asks = 0;

  function flush(): void {
    if (!dirty || !pageReady) return;
    const now = parts.now();
    if (parts.running() && now - lastSent < SNAPSHOT_INTERVAL_MS) return;
    if (!parts.send(now)) return;
    dirty = false;
    pageReady = false;
    lastSent = now;
  }

  return {
    markDirty() {
      dirty = true;
    },
    markAsked() {
      pageReady = true;
      dirty = true;
    },
    flush,
    asks: () => asks,
    announce(asksBefore) {
      if (asks > asksBefore) pageReady = true;
      flush();
    },
    unansweredSince: () => (pageReady || lastSent === -Infinity ? null : lastSent),
    request() {
      asks++;
      pageReady = true;
      if (!dirty) return;
      if (!parts.running()) {
        flush();
        return;
      }
      const wait = SNAPSHOT_INTERVAL_MS - (parts.now() - lastSent);
      if (wait <= 0) flush();
      else parts.wakeWithin(Math.ceil(wait));
    },
  };
}
