/// <reference lib="webworker" />
/**
 * The sweep Web Worker: wires the worker's port and clock to `createSweepHandler`. The page
 * starts `navigator.hardwareConcurrency` of them (`src/app/create-worker.ts`) and gives each one
 * job at a time.
 */
import { createSweepHandler } from './sweep-handler';
import type { SweepEvent } from './sweep-protocol';

declare const self: DedicatedWorkerGlobalScope;

const handler = createSweepHandler({
  post: (event: SweepEvent) => self.postMessage(event),
  now: () => performance.now(),
});

self.addEventListener('message', (event: MessageEvent<unknown>) => handler.handle(event.data));

self.addEventListener('messageerror', () =>
  self.postMessage({
    type: 'job-failed',
    sweepId: -1,
    jobId: -1,
    message: 'A message to the sweep worker could not be read.',
  } satisfies SweepEvent),
);
