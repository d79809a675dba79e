/// <reference lib="webworker" />
/**
 * The real Worker entry: wires the worker's port, clock and timers to `createTrainer`.
 * Created by the page as
 * `new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' })`.
 */
import type { TrainerEvent } from './protocol';
import { createTrainer } from './trainer';

declare const self: DedicatedWorkerGlobalScope;

function post(event: TrainerEvent, transfer: Transferable[] = []): void {
  self.postMessage(event, transfer);
}

/** A scheduled callback; `cancelled` makes a queued one a no-op. */
interface Job {
  fn: () => void;
  cancelled: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

// Zero-delay jobs go through a MessageChannel: nested setTimeout(fn, 0) is clamped to 4 ms,
// which would idle the loop a third of the time between 8 ms slices. Messages from the page are
// tasks too, so a pause still lands between two slices.
const immediate: Job[] = [];
const channel = new MessageChannel();
channel.port1.onmessage = () => {
  const job = immediate.shift();
  if (job && !job.cancelled) job.fn();
};

const trainer = createTrainer<Job>({
  post,
  now: () => performance.now(),
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

self.addEventListener('message', (event: MessageEvent<unknown>) => trainer.handle(event.data));

// A message that could not be deserialised never reaches the trainer: say so.
self.addEventListener('messageerror', () =>
  post({ type: 'error', message: 'A message to the worker could not be read.', fatal: false }),
);

// The trainer catches its own errors; anything that still escapes leaves the worker unknown.
self.addEventListener('error', (event: ErrorEvent) =>
  post({ type: 'error', message: `Worker failed: ${event.message}`, fatal: true }),
);
self.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) =>
  post({ type: 'error', message: `Worker failed: ${String(event.reason)}`, fatal: true }),
);
