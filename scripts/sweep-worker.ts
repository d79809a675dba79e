/**
 * A sweep worker thread for `npm run sweep`: the same handler as the page's sweep Web Worker
 * (`src/worker/sweep-handler.ts`), wired to `parentPort`.
 */
import { parentPort } from 'node:worker_threads';
import { createSweepHandler } from '../src/worker/sweep-handler';

if (!parentPort) throw new Error('scripts/sweep-worker.ts runs as a worker thread only.');
const port = parentPort;
const handler = createSweepHandler({
  post: (event) => port.postMessage(event),
  now: () => performance.now(),
});
port.on('message', (message: unknown) => handler.handle(message));
