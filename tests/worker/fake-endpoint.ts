/**
 * A fake worker port for the trainer: a manual clock, a queue of scheduled callbacks, and the
 * posted events with their transfer lists. No real Worker, no real timers.
 */
import type { Snapshot, TrainerEvent } from '../../src/worker/protocol';
import type { TrainerEndpoint } from '../../src/worker/trainer';

interface Scheduled {
  id: number;
  due: number;
  fn: () => void;
}

/** What one `post` call sent. */
export interface Posted {
  event: TrainerEvent;
  transfer: Transferable[];
}

/** A `TrainerEndpoint` whose time only moves when the test says so. */
export interface FakeEndpoint extends TrainerEndpoint<number> {
  /** Current fake time, in ms. */
  time: number;
  /** Added to the clock after every `now()` read, in ms: makes a slice last a few reads. */
  tick: number;
  /** Everything posted, in order. */
  readonly posted: Posted[];
  /** Callbacks waiting to run. */
  pending(): number;
  /** Runs the earliest callback (moving the clock to its due time); false when none is left. */
  runNext(): boolean;
  /** Moves the clock by `ms`, running every callback that falls due on the way. */
  advance(ms: number): void;
  /** Runs callbacks until none is left (or `limit` ran); returns how many ran. */
  runAll(limit?: number): number;
  /** The posted events of one type. */
  events<T extends TrainerEvent['type']>(type: T): Extract<TrainerEvent, { type: T }>[];
  /** The posted snapshots. */
  snapshots(): Snapshot[];
  /** The last posted snapshot (throws if none). */
  lastSnapshot(): Snapshot;
  /** Forgets the posted events. */
  clearPosted(): void;
}

/** A fake endpoint at time `start` whose clock advances `tick` ms per `now()` read. */
export function createFakeEndpoint(start = 1000, tick = 0): FakeEndpoint {
  let queue: Scheduled[] = [];
  let nextId = 1;
  const posted: Posted[] = [];

  const endpoint: FakeEndpoint = {
    time: start,
    tick,
    posted,
    post(event, transfer) {
      posted.push({ event, transfer });
    },
    now() {
      const t = endpoint.time;
      endpoint.time += endpoint.tick;
      return t;
    },
    schedule(fn, delayMs) {
      const id = nextId++;
      queue.push({ id, due: endpoint.time + delayMs, fn });
      return id;
    },
    cancel(handle) {
      queue = queue.filter((s) => s.id !== handle);
    },
    pending: () => queue.length,
    runNext() {
      if (queue.length === 0) return false;
      // Earliest due first; equal times in the order scheduled.
      let best = queue[0]!;
      for (const s of queue)
        if (s.due < best.due || (s.due === best.due && s.id < best.id)) best = s;
      queue = queue.filter((s) => s !== best);
      if (best.due > endpoint.time) endpoint.time = best.due;
      best.fn();
      return true;
    },
    advance(ms) {
      const end = endpoint.time + ms;
      while (queue.some((s) => s.due <= end)) endpoint.runNext();
      if (endpoint.time < end) endpoint.time = end;
    },
    runAll(limit = 1_000_000) {
      let n = 0;
      while (n < limit && endpoint.runNext()) n++;
      return n;
    },
    events<T extends TrainerEvent['type']>(type: T) {
      return posted
        .map((p) => p.event)
        .filter((e): e is Extract<TrainerEvent, { type: T }> => e.type === type);
    },
    snapshots() {
      return endpoint.events('snapshot').map((e) => e.snapshot);
    },
    lastSnapshot() {
      const all = endpoint.snapshots();
      if (all.length === 0) throw new Error('No snapshot was posted.');
      return all[all.length - 1]!;
    },
    clearPosted() {
      posted.length = 0;
    },
  };
  return endpoint;
}
