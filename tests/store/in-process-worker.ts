/**
 * A `WorkerPort` that runs the real trainer in-process on a fake clock: the store and the
 * components are tested against the worker's actual behaviour, with no real Worker or timers.
 * Messages are cloned both ways, as `postMessage` would.
 */
import type { WorkerPort } from '../../src/store/lab-store';
import type { TrainerCommand, TrainerEvent } from '../../src/worker/protocol';
import { createTrainer } from '../../src/worker/trainer';
import { createFakeEndpoint, type FakeEndpoint } from '../worker/fake-endpoint';

/** The fake worker and its clock. */
export interface InProcessWorker extends WorkerPort {
  readonly endpoint: FakeEndpoint;
  /** Commands the page sent, in order. */
  readonly sent: TrainerCommand[];
  terminated: boolean;
  /** Makes the next command throw inside the worker (as a crashed worker would). */
  crash(message: string): void;
}

/** Creates the fake; `deliver` runs each event into `onmessage` (synchronously by default). */
export function createInProcessWorker(): InProcessWorker {
  const endpoint = createFakeEndpoint();
  const sent: TrainerCommand[] = [];
  let crashWith: string | null = null;
  const port: InProcessWorker = {
    endpoint,
    sent,
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(command) {
      if (port.terminated) return;
      sent.push(command);
      if (crashWith !== null) {
        const message = crashWith;
        crashWith = null;
        port.onerror?.({ message } as ErrorEvent);
        return;
      }
      trainer.handle(structuredClone(command));
    },
    terminate() {
      port.terminated = true;
      trainer.dispose();
    },
    crash(message) {
      crashWith = message;
    },
  };
  const trainer = createTrainer<number>({
    ...endpoint,
    now: () => endpoint.now(),
    schedule: (fn, ms) => endpoint.schedule(fn, ms),
    cancel: (h) => endpoint.cancel(h),
    post(event: TrainerEvent, transfer) {
      endpoint.post(event, transfer);
      if (!port.terminated)
        port.onmessage?.({ data: structuredClone(event) } as MessageEvent<TrainerEvent>);
    },
  });
  return port;
}
