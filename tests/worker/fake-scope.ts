/**
 * A fake `DedicatedWorkerGlobalScope` for the worker entries and `hostTrainer`: an EventTarget
 * the test dispatches the worker's events on, a `postMessage` that records what the worker sent,
 * and the machine's cores. Plus a fake `MessageChannel` (to stub the global with) whose messages
 * are delivered when the test says, so the host's zero-delay jobs run in a known order.
 */

/** What one `postMessage` call sent. */
export interface ScopePost {
  message: unknown;
  transfer: Transferable[] | undefined;
}

/** The parts of a worker's global scope the host and the entries use. */
export interface FakeScope extends EventTarget {
  readonly posted: ScopePost[];
  readonly navigator: { hardwareConcurrency: number | undefined };
  postMessage(message: unknown, transfer?: Transferable[]): void;
  /** Dispatches a `message` event carrying `data`, as the page's `worker.postMessage` does. */
  receive(data: unknown): void;
  /** Dispatches an event of `type` with extra fields (an ErrorEvent's `message`, a `reason`). */
  fire(type: string, fields?: Record<string, unknown>): void;
  /** The messages posted so far. */
  messages(): unknown[];
}

/** A fake scope reporting `cores` logical processors (undefined: a host that cannot say). */
export function createFakeScope(cores: number | undefined): FakeScope {
  const target = new EventTarget();
  const posted: ScopePost[] = [];
  return Object.assign(target, {
    posted,
    navigator: { hardwareConcurrency: cores },
    postMessage(message: unknown, transfer?: Transferable[]) {
      posted.push({ message, transfer });
    },
    receive(data: unknown) {
      target.dispatchEvent(Object.assign(new Event('message'), { data }));
    },
    fire(type: string, fields: Record<string, unknown> = {}) {
      target.dispatchEvent(Object.assign(new Event(type), fields));
    },
    messages: () => posted.map((p) => p.message),
  });
}

/** One end of a fake channel: `onmessage` is what the host sets, `postMessage` queues. */
interface FakePortEnd {
  onmessage: (() => void) | null;
  postMessage(data: unknown): void;
}

/** Every fake channel made since the last `resetFakeChannels`, newest last. */
const channels: FakeMessageChannel[] = [];

/**
 * A stand-in for `MessageChannel`: a message posted on `port2` waits in `queued` until
 * `deliver()` hands it to `port1.onmessage` (one message each), as the event loop would.
 */
export class FakeMessageChannel {
  queued = 0;
  readonly port1: FakePortEnd = { onmessage: null, postMessage: () => undefined };
  readonly port2: FakePortEnd = {
    onmessage: null,
    postMessage: () => {
      this.queued++;
    },
  };
  constructor() {
    channels.push(this);
  }
  /** Delivers every queued message, in order; returns how many. */
  deliver(): number {
    let n = 0;
    while (this.queued > 0) {
      this.queued--;
      n++;
      this.port1.onmessage?.();
    }
    return n;
  }
}

/** The newest fake channel (the host makes one per hosted trainer). */
export function lastFakeChannel(): FakeMessageChannel {
  const channel = channels[channels.length - 1];
  if (!channel) throw new Error('no MessageChannel was made');
  return channel;
}

/** Forgets the fake channels made so far. */
export function resetFakeChannels(): void {
  channels.length = 0;
}
