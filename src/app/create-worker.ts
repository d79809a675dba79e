import type { CompareWorkerPort } from '../store/compare-store';
import type { WorkerPort } from '../store/lab-store';
import type { SweepWorkerPort } from '../store/sweep-store';

/** The worker's name, shown in the browser's developer tools. */
const WORKER_NAME = 'ice-maze-trainer';

/**
 * The bundled worker's code, defined only by the single-file build (`scripts/build-single.ts`
 * bundles the worker first and passes its text to the app's build through Vite's `define`).
 */
declare const __ICE_MAZE_WORKER_SOURCE__: string;

/** The comparison worker's name in the developer tools. */
const COMPARE_WORKER_NAME = 'ice-maze-compare';

/** The bundled comparison worker's code, defined only by the single-file build, like the above. */
declare const __ICE_MAZE_COMPARE_WORKER_SOURCE__: string;

/** The sweep worker's bundled code, defined only by the single-file build (as above). */
declare const __ICE_MAZE_SWEEP_WORKER_SOURCE__: string;

/**
 * The normal build: the worker is bundled as its own chunk and loaded from the page's origin
 * (`worker-src 'self'`), created the way Vite documents so the bundler finds it.
 */
function createChunkWorker(): WorkerPort {
  return new Worker(new URL('../worker/training.worker.ts', import.meta.url), {
    type: 'module',
    name: WORKER_NAME,
  }) as WorkerPort;
}

/**
 * The single-file build: the worker's code (one classic script, an IIFE) is a string
 * inside the page's one script, started from a `blob:` URL (`worker-src blob:`): a page opened
 * from file:// may not load a worker from a file. Classic, not a module worker: Chromium refuses
 * a module worker's `blob:` URL in a file:// page, whose origin is opaque. The worker revokes the
 * URL itself once it runs; on a load error the page does.
 */
function createInlineWorker(source: string, name: string): Worker {
  // Strict, as the module worker of the normal build is.
  const code = `'use strict';\nURL.revokeObjectURL(self.location.href);\n${source}`;
  const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  const worker = new Worker(url, { name });
  worker.addEventListener('error', () => URL.revokeObjectURL(url), { once: true });
  return worker;
}

/**
 * The real training worker. `vite build --mode single` (the single-file build) replaces
 * `import.meta.env.MODE` with `'single'`, every other build with its own mode, so the bundler
 * keeps exactly one of the two branches: the normal build still has its separate worker chunk
 * and no copy of the worker's code.
 */
export function createTrainingWorker(): WorkerPort {
  return import.meta.env.MODE === 'single'
    ? (createInlineWorker(__ICE_MAZE_WORKER_SOURCE__, WORKER_NAME) as WorkerPort)
    : createChunkWorker();
}

/**
 * The comparison worker (two learners side by side), made the same two ways: its own chunk in the
 * normal build, its inlined code from a `blob:` URL in the single-file build.
 */
export function createCompareWorker(): CompareWorkerPort {
  if (import.meta.env.MODE === 'single')
    return createInlineWorker(
      __ICE_MAZE_COMPARE_WORKER_SOURCE__,
      COMPARE_WORKER_NAME,
    ) as CompareWorkerPort;
  return new Worker(new URL('../worker/compare.worker.ts', import.meta.url), {
    type: 'module',
    name: COMPARE_WORKER_NAME,
  }) as CompareWorkerPort;
}

/** The sweep workers' name, shown in the browser's developer tools. */
const SWEEP_WORKER_NAME = 'ice-maze-sweep';

/**
 * One worker of the sweep pool (`src/worker/sweep.worker.ts`), made like the training worker: a
 * chunk from the page's origin in the normal build, an inline classic worker from a `blob:` URL
 * in the single-file build.
 */
export function createSweepWorker(): SweepWorkerPort {
  return (
    import.meta.env.MODE === 'single'
      ? createInlineWorker(__ICE_MAZE_SWEEP_WORKER_SOURCE__, SWEEP_WORKER_NAME)
      : new Worker(new URL('../worker/sweep.worker.ts', import.meta.url), {
          type: 'module',
          name: SWEEP_WORKER_NAME,
        })
  ) as SweepWorkerPort;
}
