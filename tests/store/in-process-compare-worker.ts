/**
 * A `CompareWorkerPort` that runs the real comparison trainer in-process on a fake clock, so the
 * comparison store and panel are tested against the worker's actual behaviour. Messages are
 * cloned both ways, as `postMessage` would.
 */
import type { CompareWorkerPort } from '../../src/store/compare-store';
import type { CompareCommand, CompareEvent } from '../../src/worker/compare-protocol';
import { createCompareTrainer } from '../../src/worker/compare-trainer';
import { createFakePort, type FakePort } from '../worker/fake-endpoint';

/** The fake worker and its clock. */
export interface InProcessCompareWorker extends CompareWorkerPort {
  readonly endpoint: FakePort<CompareEvent>;
  /** Commands the page sent, in order. */
  readonly sent: CompareCommand[];
  terminated: boolean;
}

/** Creates the fake; each event reaches `onmessage` synchronously. */
export function createInProcessCompareWorker(): InProcessCompareWorker {
  const endpoint = createFakePort<CompareEvent>(1000, 0.5);
  const sent: CompareCommand[] = [];
  const port: InProcessCompareWorker = {
    endpoint,
    sent,
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(command) {
      if (port.terminated) return;
      sent.push(command);
      trainer.handle(structuredClone(command));
    },
    terminate() {
      port.terminated = true;
      trainer.dispose();
    },
  };
  const trainer = createCompareTrainer<number>({
    now: () => endpoint.now(),
    schedule: (fn, ms) => endpoint.schedule(fn, ms),
    cancel: (h) => endpoint.cancel(h),
    post(event, transfer) {
      endpoint.post(event, transfer);
      if (!port.terminated)
        port.onmessage?.({ data: structuredClone(event) } as MessageEvent<CompareEvent>);
    },
  });
  return port;
}
