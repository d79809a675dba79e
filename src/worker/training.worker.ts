/// <reference lib="webworker" />
/**
 * The real Worker entry: wires the worker's port, clock and timers to `createTrainer`.
 * Created by the page as
 * `new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' })`.
 */
import type { TrainerEvent } from './protocol';
import { createTrainer } from './trainer';
import { hostTrainer } from './worker-host';

declare const self: DedicatedWorkerGlobalScope;

hostTrainer<TrainerEvent>(
  self,
  (endpoint) => createTrainer(endpoint, { warmUp: true }),
  (message, fatal) => ({
    type: 'error',
    message,
    fatal,
  }),
);
