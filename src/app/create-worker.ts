import type { WorkerPort } from '../store/lab-store';

/** The real worker, created the way Vite documents so it is bundled as its own chunk. */
export function createTrainingWorker(): WorkerPort {
  return new Worker(new URL('../worker/training.worker.ts', import.meta.url), {
    type: 'module',
    name: 'ice-maze-trainer',
  }) as WorkerPort;
}
