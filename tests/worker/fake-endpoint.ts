/**
 * A fake worker port for the trainer: a manual clock, a queue of scheduled callbacks, and the
 * posted events with their transfer lists. No real Worker, no real timers.
 */
import type { Snapshot, TrainerEndpoint, TrainerEvent } from '../../src/worker/protocol';

interface Scheduled {
  id: number;
  due: number;
  fn: () => void;
}

/** What one `post` call sent. */
export interface Posted<E = TrainerEvent> {
  event: E;
  transfer: Transferable[];
}

/** A `TrainerEndpoint` posting events of type `E`, whose time only moves when the test says so. */
export interface FakePort<E extends { type: string }> extends TrainerEndpoint<number, E> {
  /** Current fake time, in ms. */
  time: number;
  /** Added to the clock after every `now()` read, in ms: makes a slice last a few reads. */
  tick: number;
  /** Everything posted, in order. */
  readonly posted: Posted<E>[];
  /** Callbacks waiting to run. */
  pending(): number;
  /** Runs the earliest callback (moving the clock to its due time); false when none is left. */
  runNext(): boolean;
  /** Moves the clock by `ms`, running every callback that falls due on the way. */
  advance(ms: number): void;
  /** Runs callbacks until none is left (or `limit` ran); returns how many ran. */
  runAll(limit?: number): number;
  /** The posted events of one type. */
  events<T extends E['type']>(type: T): Extract<E, { type: T }>[];
  /** Forgets the posted events. */
  clearPosted(): void;
}

/** The training worker's fake port, with its snapshots at hand. */
export interface FakeEndpoint extends FakePort<TrainerEvent> {
  /** The posted snapshots. */
  snapshots(): Snapshot[];
  /** The last posted snapshot (throws if none). */
  lastSnapshot(): Snapshot;
}

/** A fake port for events `E` at time `start` whose clock advances `tick` ms per `now()` read. */
export function createFakePort<E extends { type: string }>(start = 1000, tick = 0): FakePort<E> {
  let queue: Scheduled[] = [];
  let nextId = 1;
  const posted: Posted<E>[] = [];

  const endpoint: FakePort<E> = {
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
    events<T extends E['type']>(type: T) {
      return posted
        .map((p) => p.event)
        .filter((e): e is Extract<E, { type: T }> => e.type === type);
    },
    clearPosted() {
      posted.length = 0;
    },
  };
  return endpoint;
}

/** A fake endpoint of the training worker at time `start`, advancing `tick` ms per `now()` read. */
export function createFakeEndpoint(start = 1000, tick = 0): FakeEndpoint {
  const port = createFakePort<TrainerEvent>(start, tick);
  const snapshots = (): Snapshot[] => port.events('snapshot').map((e) => e.snapshot);
  return Object.assign(port, {
    snapshots,
    lastSnapshot(): Snapshot {
      const all = snapshots();
      if (all.length === 0) throw new Error('No snapshot was posted.');
      return all[all.length - 1]!;
    },
  });
}
