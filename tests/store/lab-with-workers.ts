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
