/**
 * A `SweepWorkerPort` that runs the real sweep handler in-process. Jobs wait in a queue until the
 * test delivers them (`deliver`), so a test controls when results arrive; messages are cloned
 * both ways, as `postMessage` would.
 */
import type { SweepWorkerPort } from '../../src/store/sweep-store';
import { createSweepHandler } from '../../src/worker/sweep-handler';
import type { SweepCommand, SweepEvent } from '../../src/worker/sweep-protocol';

/** The fake worker. */
export interface InProcessSweepWorker extends SweepWorkerPort {
  /** Commands received and not yet run. */
  readonly queue: SweepCommand[];
  /** Every command received. */
  readonly sent: SweepCommand[];
  terminated: boolean;
  /** Runs the queued jobs (at most `max`) and delivers their answers; returns how many ran. */
  deliver(max?: number): number;
}

/** A pool of fakes: `create` is the store's `createWorker`. */
export function createFakeSweepPool() {
  const workers: InProcessSweepWorker[] = [];
  const create = (): InProcessSweepWorker => {
    const queue: SweepCommand[] = [];
    const sent: SweepCommand[] = [];
    let answers: SweepEvent[] = [];
    const handler = createSweepHandler({ post: (e) => answers.push(e), now: () => 0 });
    const port: InProcessSweepWorker = {
      queue,
      sent,
      terminated: false,
      onmessage: null,
      onerror: null,
      postMessage(command) {
        if (port.terminated) return;
        const copy = structuredClone(command);
        queue.push(copy);
        sent.push(copy);
      },
      terminate() {
        port.terminated = true;
      },
      deliver(max = Infinity) {
        let ran = 0;
        while (queue.length > 0 && ran < max && !port.terminated) {
          handler.handle(queue.shift());
          ran++;
          const out = answers;
          answers = [];
          for (const e of out)
            port.onmessage?.({ data: structuredClone(e) } as MessageEvent<SweepEvent>);
        }
        return ran;
      },
    };
    workers.push(port);
    return port;
  };
  /** Delivers every job of every live worker until none is left. */
  const runAll = () => {
    while (workers.some((w) => !w.terminated && w.queue.length > 0))
      for (const w of workers) w.deliver();
  };
  return { workers, create, runAll };
}

/**
 * A pool of fakes whose page side posts `send(command)` instead of each command: a worker that
 * gets a broken message, a job of the other kind or the same job twice.
 */
export function createMeddlingSweepPool(
  send: (command: SweepCommand, post: (c: unknown) => void) => void,
) {
  const pool = createFakeSweepPool();
  const create = () => {
    const worker = pool.create();
    const post = worker.postMessage.bind(worker) as (c: unknown) => void;
    worker.postMessage = (command: SweepCommand) => send(command, post);
    return worker;
  };
  return { ...pool, create };
}
