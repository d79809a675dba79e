/**
 * A worker port in front of an in-process worker whose answers of the kinds `held` picks wait
 * until `release()`: a message still on its way when the page moved on. Shared by the store tests
 * of the lab and of the comparison.
 */
import type { WorkerPort } from '../../src/store/worker-client';

/** The port to give the store, how many answers wait, and `release` to deliver them in order. */
export function delayingWorker<Command, Event>(
  inner: WorkerPort<Command, Event>,
  held: (event: Event) => boolean,
) {
  const waiting: MessageEvent<Event>[] = [];
  const port: WorkerPort<Command, Event> = {
    onmessage: null,
    onerror: null,
    postMessage: (command, transfer) => inner.postMessage(command, transfer),
    terminate: () => inner.terminate(),
  };
  inner.onmessage = (e) => {
    if (held(e.data)) waiting.push(e);
    else port.onmessage?.(e);
  };
  inner.onerror = (e) => port.onerror?.(e);
  return {
    port,
    held: () => waiting.length,
    release: () => {
      for (const e of waiting.splice(0)) port.onmessage?.(e);
    },
  };
}
