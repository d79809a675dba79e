import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createWorkerClient,
  type WorkerClientOptions,
  type WorkerPort,
} from '../../src/store/worker-client';

type Command = { type: 'hello' } | { type: 'work'; n: number } | { type: 'ping'; id: number };
type Event =
  | { type: 'done'; runId: number }
  | { type: 'note' }
  | { type: 'error'; message: string; fatal: boolean };

/** A fake worker: records commands, emits events and errors on demand. */
interface FakePort extends WorkerPort<Command, Event> {
  sent: Command[];
  terminated: boolean;
  emit(event: Event): void;
  crash(message: string): void;
}

function fakePort(): FakePort {
  const port: FakePort = {
    sent: [],
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(command) {
      port.sent.push(command);
    },
    terminate() {
      port.terminated = true;
    },
    emit(event) {
      port.onmessage?.({ data: event } as MessageEvent<Event>);
    },
    crash(message) {
      port.onerror?.({ message } as ErrorEvent);
    },
  };
  return port;
}

/** A client over fake ports, with every callback recorded. */
function setup(extra: Partial<WorkerClientOptions<Command, Event>> = {}) {
  const ports: FakePort[] = [];
  const events: Event[] = [];
  const stale: Event[] = [];
  const fatal: string[] = [];
  let run = 1;
  const client = createWorkerClient<Command, Event>({
    create: () => {
      const port = fakePort();
      ports.push(port);
      return port;
    },
    onStart: () => client.send({ type: 'hello' }),
    onEvent: (e) => events.push(e),
    onFatal: (m) => fatal.push(m),
    runOf: (e) => (e.type === 'done' ? e.runId : undefined),
    currentRun: () => run,
    onStale: (e) => stale.push(e),
    ...extra,
  });
  return { client, ports, events, stale, fatal, setRun: (r: number) => (run = r) };
}

describe('worker client: start and send', () => {
  it('starts no worker until start, and drops commands while there is none', () => {
    const { client, ports } = setup();
    expect(client.started).toBe(false);
    client.send({ type: 'work', n: 1 });
    expect(ports).toHaveLength(0);
    client.start();
    expect(client.started).toBe(true);
    client.send({ type: 'work', n: 2 });
    // What a fresh worker must hear first comes first.
    expect(ports[0]!.sent).toEqual([{ type: 'hello' }, { type: 'work', n: 2 }]);
  });

  it('a restart ends the old worker, whose late events never arrive', () => {
    const { client, ports, events } = setup();
    client.start();
    const old = ports[0]!;
    const lateHandler = old.onmessage;
    client.start();
    expect(old.terminated).toBe(true);
    expect(old.onmessage).toBeNull();
    lateHandler?.({ data: { type: 'note' } } as MessageEvent<Event>);
    expect(events).toEqual([]);
    ports[1]!.emit({ type: 'note' });
    expect(events).toEqual([{ type: 'note' }]);
  });

  it('stop ends the worker; a later start makes a new one', () => {
    const { client, ports } = setup();
    client.start();
    client.stop();
    expect(ports[0]!.terminated).toBe(true);
    expect(client.started).toBe(false);
    client.start();
    expect(ports).toHaveLength(2);
  });
});

describe('worker client: stale runs and failures', () => {
  it('an event of another run goes to onStale, events of the current run or of none to onEvent', () => {
    const { client, ports, events, stale, setRun } = setup();
    client.start();
    const port = ports[0]!;
    port.emit({ type: 'done', runId: 1 });
    port.emit({ type: 'note' });
    setRun(2);
    port.emit({ type: 'done', runId: 1 });
    expect(events).toEqual([{ type: 'done', runId: 1 }, { type: 'note' }]);
    expect(stale).toEqual([{ type: 'done', runId: 1 }]);
  });

  it('a fatal error message and the worker’s error event each report once per worker', () => {
    const { client, ports, events, fatal } = setup();
    client.start();
    ports[0]!.emit({ type: 'error', message: 'refused', fatal: false });
    expect(events).toEqual([{ type: 'error', message: 'refused', fatal: false }]);
    ports[0]!.emit({ type: 'error', message: 'loop threw', fatal: true });
    ports[0]!.crash('and then died');
    expect(fatal).toEqual(['loop threw']);
    client.start();
    ports[1]!.crash('out of memory');
    expect(fatal).toEqual(['loop threw', 'out of memory']);
    expect(events).toHaveLength(1);
  });
});

describe('worker client: the ping watchdog', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const watchdog = (log: string[]) => ({
    everyMs: 100,
    silentAfterMs: 1000,
    ping: (id: number): Command => ({ type: 'ping', id }),
    onSilent: () => log.push('silent'),
    onAnswer: () => log.push('answer'),
  });

  it('pings on its interval and reports a silence once, then the answer', () => {
    const log: string[] = [];
    const { client, ports } = setup({ watchdog: watchdog(log) });
    client.start();
    vi.advanceTimersByTime(300);
    expect(ports[0]!.sent.filter((c) => c.type === 'ping').map((c) => c.type)).toHaveLength(3);
    vi.advanceTimersByTime(1000);
    expect(log).toEqual(['silent']);
    vi.advanceTimersByTime(1000);
    expect(log).toEqual(['silent']);
    ports[0]!.emit({ type: 'note' });
    expect(log).toEqual(['silent', 'answer']);
    client.stop();
  });

  it('counts any event as an answer: a worker busy sending progress is not reported', () => {
    const log: string[] = [];
    const { client, ports } = setup({ watchdog: watchdog(log) });
    client.start();
    for (let t = 0; t < 5000; t += 100) {
      ports[0]!.emit({ type: 'note' });
      vi.advanceTimersByTime(100);
    }
    expect(log).toEqual([]);
    client.stop();
  });

  it('rests while the worker has failed and after stop', () => {
    const log: string[] = [];
    const { client, ports } = setup({ watchdog: watchdog(log) });
    client.start();
    ports[0]!.crash('gone');
    const sent = ports[0]!.sent.length;
    vi.advanceTimersByTime(5000);
    expect(ports[0]!.sent).toHaveLength(sent);
    expect(log).toEqual([]);
    client.start();
    client.stop();
    vi.advanceTimersByTime(5000);
    expect(ports[1]!.sent).toEqual([{ type: 'hello' }]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
