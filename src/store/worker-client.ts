/**
 * One client for every worker the page runs (training, comparison, sweep), generic over the
 * commands it sends and the events it receives. It owns the `Worker`'s life cycle and the four
 * things every store used to write for itself:
 *
 * - start: (re)creates the worker, wires its events, and lets the store send what a fresh worker
 *   must hear first (`onStart`);
 * - fatal error: the worker's `error` event, or a `{ type: 'error', fatal: true }` message, goes
 *   to `onFatal` once; the watchdog rests until the next start;
 * - stale run id: an event that names a run (`runOf`) other than the current one (`currentRun`)
 *   goes to `onStale`, never to `onEvent`;
 * - ping watchdog: every `everyMs` it sends a ping; when nothing at all has come back for
 *   `silentAfterMs` it calls `onSilent` once, and `onAnswer` when the worker speaks again. Any
 *   event counts as an answer: a worker busy sending progress is alive.
 */

/** The minimal surface of a `Worker` a client uses (an in-process fake in tests). */
export interface WorkerPort<Command, Event> {
  postMessage(message: Command, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<Event>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** The ping watchdog's settings and callbacks. */
export interface WatchdogOptions<Command> {
  /** How often to ping, in ms (0: never). */
  everyMs: number;
  /** Silence longer than this, in ms, is reported. */
  silentAfterMs: number;
  /** The ping command with its sequence number. */
  ping(id: number): Command;
  /** The worker has said nothing for `silentAfterMs` (called once per silence). */
  onSilent(): void;
  /** The worker spoke again after `onSilent`. */
  onAnswer(): void;
}

/** Options of `createWorkerClient`. */
export interface WorkerClientOptions<Command, Event extends { type: string }> {
  /** Makes the worker (the real one in the app, an in-process fake in tests). */
  create(): WorkerPort<Command, Event>;
  /** Every event of the current run that is not a fatal error. */
  onEvent(event: Event): void;
  /** The worker failed: its error event's message, or the fatal error it reported. */
  onFatal(message: string): void;
  /** Called after each (re)start, before any other command: what a fresh worker must hear first. */
  onStart?(): void;
  /** The run an event belongs to, or `undefined` for events that belong to none. */
  runOf?(event: Event): number | undefined;
  /** The run the page shows now (an event of another run is stale). */
  currentRun?(): number;
  /** A stale event (e.g. to keep the snapshot flow going). Default: dropped. */
  onStale?(event: Event): void;
  watchdog?: WatchdogOptions<Command>;
  /** A clock in ms (default `Date.now`, read at each call). */
  now?: () => number;
}

/** A worker owned by a store. */
export interface WorkerClient<Command> {
  /** True while a worker exists (started and not stopped). */
  readonly started: boolean;
  /** Ends the current worker, if any, and starts a fresh one. */
  start(): void;
  /** Sends a command to the current worker; dropped when there is none. */
  send(command: Command, transfer?: Transferable[]): void;
  /** Ends the worker and the watchdog; `start` makes a new one. */
  stop(): void;
}

/** The failure report the training and comparison protocols share. */
interface FatalError {
  type: 'error';
  message: string;
  fatal: true;
}

/** True for a `{ type: 'error', message, fatal: true }` event. */
function isFatal(event: { type: string }): event is FatalError {
  return (
    event.type === 'error' &&
    'fatal' in event &&
    event.fatal === true &&
    'message' in event &&
    typeof event.message === 'string'
  );
}

/** Creates a client; no worker starts until `start`. */
export function createWorkerClient<Command, Event extends { type: string }>(
  options: WorkerClientOptions<Command, Event>,
): WorkerClient<Command> {
  const now = options.now ?? (() => Date.now());
  let worker: WorkerPort<Command, Event> | null = null;
  /** The current worker failed: the watchdog rests until the next start. */
  let failed = false;
  /** `onSilent` was called and the worker has not spoken since. */
  let silent = false;
  let lastHeard = 0;
  let pingId = 0;
  let pingTimer: ReturnType<typeof setInterval> | null = null;

  const fail = (message: string): void => {
    if (failed) return;
    failed = true;
    silent = false;
    options.onFatal(message);
  };

  const receive = (event: Event): void => {
    lastHeard = now();
    if (silent) {
      silent = false;
      options.watchdog?.onAnswer();
    }
    if (isFatal(event)) {
      fail(event.message);
      return;
    }
    const run = options.runOf?.(event);
    if (run !== undefined && options.currentRun && run !== options.currentRun()) {
      options.onStale?.(event);
      return;
    }
    options.onEvent(event);
  };

  const stopWatchdog = (): void => {
    if (pingTimer !== null) clearInterval(pingTimer);
    pingTimer = null;
  };

  const startWatchdog = (watchdog: WatchdogOptions<Command>): void => {
    stopWatchdog();
    if (watchdog.everyMs <= 0) return;
    pingTimer = setInterval(() => {
      if (failed || !worker) return;
      if (!silent && now() - lastHeard > watchdog.silentAfterMs) {
        silent = true;
        watchdog.onSilent();
      }
      client.send(watchdog.ping(++pingId));
    }, watchdog.everyMs);
  };

  const detach = (): void => {
    if (!worker) return;
    // A terminated worker's late messages must not reach the store.
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
    worker = null;
  };

  const client: WorkerClient<Command> = {
    get started() {
      return worker !== null;
    },
    start() {
      detach();
      failed = false;
      silent = false;
      lastHeard = now();
      const fresh = options.create();
      worker = fresh;
      fresh.onmessage = (e) => {
        if (worker === fresh) receive(e.data);
      };
      fresh.onerror = (e) => {
        if (worker === fresh) fail(e.message);
      };
      if (options.watchdog && pingTimer === null) startWatchdog(options.watchdog);
      options.onStart?.();
    },
    send(command, transfer) {
      if (!worker) return;
      if (transfer) worker.postMessage(command, transfer);
      else worker.postMessage(command);
    },
    stop() {
      stopWatchdog();
      detach();
    },
  };
  return client;
}
