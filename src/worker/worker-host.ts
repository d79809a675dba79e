/// <reference lib="webworker" />
/**
 * Runs a trainer inside a real Worker: wires the worker's port, clock and timers into a
 * `TrainerEndpoint` and reports what escapes. Shared by the training worker and the comparison
 * worker, which differ only in the trainer they host and the events it posts.
 */
import type { TrainerEndpoint } from './protocol';

/** A scheduled callback; `cancelled` makes a queued one a no-op. */
export interface Job {
  fn: () => void;
  cancelled: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

/** What a hosted trainer needs to offer: a handler for the page's messages. */
export interface HostedTrainer {
  handle(message: unknown): void;
}

/**
 * Hosts the trainer made by `create` on `scope`. `errorEvent(message, fatal)` builds the
 * protocol's error event for a message that could not be read (not fatal) or a failure that
 * escaped the trainer (fatal: the worker's state is unknown).
 */
export function hostTrainer<Event>(
  scope: DedicatedWorkerGlobalScope,
  create: (endpoint: TrainerEndpoint<Job, Event>) => HostedTrainer,
  errorEvent: (message: string, fatal: boolean) => Event,
): void {
  const post = (event: Event, transfer: Transferable[] = []): void =>
    scope.postMessage(event, transfer);

  // Zero-delay jobs go through a MessageChannel: nested setTimeout(fn, 0) is clamped to 4 ms,
  // which would idle the loop a third of the time between 8 ms slices. Messages from the page
  // are tasks too, so a pause still lands between two slices.
  const immediate: Job[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const job = immediate.shift();
    if (job && !job.cancelled) job.fn();
  };

  const trainer = create({
    post,
    now: () => performance.now(),
    cores: scope.navigator.hardwareConcurrency,
    schedule: (fn, delayMs) => {
      const job: Job = { fn, cancelled: false, timer: null };
      if (delayMs <= 0) {
        immediate.push(job);
        channel.port2.postMessage(null);
      } else job.timer = setTimeout(() => !job.cancelled && fn(), delayMs);
      return job;
    },
    cancel: (job) => {
      job.cancelled = true;
      if (job.timer !== null) clearTimeout(job.timer);
    },
  });

  scope.addEventListener('message', (event: MessageEvent<unknown>) => trainer.handle(event.data));

  // A message that could not be deserialised never reaches the trainer: say so.
  scope.addEventListener('messageerror', () =>
    post(errorEvent('A message to the worker could not be read.', false)),
  );

  // The trainer catches its own errors; anything that still escapes leaves the worker unknown.
  scope.addEventListener('error', (event: ErrorEvent) =>
    post(errorEvent(`Worker failed: ${event.message}`, true)),
  );
  scope.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) =>
    post(errorEvent(`Worker failed: ${String(event.reason)}`, true)),
  );
}
