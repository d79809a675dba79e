/**
 * The sweep's pool of workers as the page's stores start it (the sweep and the seed band): `count`
 * workers through the generic worker client, each given its first command at once and its next
 * one when it answers, so the workers stay busy and a stale answer (of a run replaced or cancelled)
 * is dropped by the run id.
 */
import type { SweepCommand, SweepEvent } from '../worker/sweep-protocol';
import { createWorkerClient, type WorkerClient, type WorkerPort } from './worker-client';

/** Options of `startSweepWorkers`. */
export interface SweepWorkersOptions {
  count: number;
  createWorker: () => WorkerPort<SweepCommand, SweepEvent>;
  /** The run under way: answers naming another are stale. */
  currentRun: () => number;
  /** The next command to send, or `undefined` when every job is out. */
  next: () => SweepCommand | undefined;
  /** An answer of the current run; `feed()` sends the worker that gave it the next command. */
  onEvent: (event: SweepEvent, feed: () => void) => void;
  /** A worker died or stopped answering. */
  onFatal: (message: string) => void;
}

/** Starts the workers and feeds each its first command; stop them with `client.stop()`. */
export function startSweepWorkers(options: SweepWorkersOptions): WorkerClient<SweepCommand>[] {
  return Array.from({ length: options.count }, () => {
    const feed = (): void => {
      const command = options.next();
      if (command) worker.send(command);
    };
    const worker: WorkerClient<SweepCommand> = createWorkerClient<SweepCommand, SweepEvent>({
      create: options.createWorker,
      onEvent: (event) => options.onEvent(event, feed),
      onFatal: options.onFatal,
      runOf: (event) => event.sweepId,
      currentRun: options.currentRun,
    });
    worker.start();
    feed();
    return worker;
  });
}
