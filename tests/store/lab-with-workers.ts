/** A lab store over in-process workers, keeping every worker it made (a restart makes another). */
import { createLabStore, type LabStore, type LabStoreOptions } from '../../src/store/lab-store';
import { createInProcessWorker, type InProcessWorker } from './in-process-worker';

/** The store and its workers, oldest first. */
export function labWithWorkers(options: Omit<LabStoreOptions, 'createWorker'> = {}): {
  store: LabStore;
  workers: InProcessWorker[];
} {
  const workers: InProcessWorker[] = [];
  const store = createLabStore({
    ...options,
    createWorker: () => {
      const w = createInProcessWorker();
      workers.push(w);
      return w;
    },
  });
  return { store, workers };
}

/**
 * A lab store pinging its worker every `pingIntervalMs`, whose in-process worker hears no
 * command (pings included) while `setSilent(true)` holds: a worker stuck in a loop.
 */
export function labWithSilenceableWorker(pingIntervalMs: number): {
  store: LabStore;
  setSilent(silent: boolean): void;
} {
  let silent = false;
  const store = createLabStore({
    pingIntervalMs,
    createWorker: () => {
      const w = createInProcessWorker();
      const post = w.postMessage.bind(w);
      w.postMessage = (c) => {
        if (!silent) post(c);
      };
      return w;
    },
  });
  return {
    store,
    setSilent: (on) => {
      silent = on;
    },
  };
}
