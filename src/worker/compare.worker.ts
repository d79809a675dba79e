/// <reference lib="webworker" />
/**
 * The comparison worker's entry: hosts `createCompareTrainer` on the worker's port, clock and
 * timers. Created by the page as
 * `new Worker(new URL('../worker/compare.worker.ts', import.meta.url), { type: 'module' })`.
 */
import type { CompareEvent } from './compare-protocol';
import { createCompareTrainer } from './compare-trainer';
import { hostTrainer } from './worker-host';

declare const self: DedicatedWorkerGlobalScope;

hostTrainer<CompareEvent>(self, createCompareTrainer, (message, fatal) => ({
  type: 'error',
  message,
  fatal,
}));
