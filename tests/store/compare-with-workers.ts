/** A comparison store over in-process workers, as the comparison's store tests drive it. */
import { createCompareStore, type CompareWorkerPort } from '../../src/store/compare-store';
import {
  createInProcessCompareWorker,
  type InProcessCompareWorker,
} from './in-process-compare-worker';

/**
 * The store, every worker it made (oldest first), the errors it reported, `runToIdle` (runs the
 * newest worker's loop, drawing each snapshot as the page does, until it idles) and `sent`
 * (commands of a type the newest worker got). `wrap` puts a port in front of each worker.
 */
export function compareWithWorkers(wrap?: (w: InProcessCompareWorker) => CompareWorkerPort) {
  const workers: InProcessCompareWorker[] = [];
  const errors: string[] = [];
  const store = createCompareStore({
    createWorker: () => {
      const w = createInProcessCompareWorker();
      workers.push(w);
      return wrap ? wrap(w) : w;
    },
    onError: (m) => errors.push(m),
  });
  const runToIdle = () => {
    const w = workers.at(-1)!;
    for (let i = 0; i < 100_000 && w.endpoint.pending() > 0; i++) {
      w.endpoint.runNext();
      store.getState().snapshotDrawn();
    }
  };
  const sent = (type: string) => workers.at(-1)!.sent.filter((c) => c.type === type).length;
  return { store, workers, errors, runToIdle, sent };
}
