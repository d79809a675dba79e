import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hostTrainer, type Job } from '../../src/worker/worker-host';
import type { TrainerEndpoint } from '../../src/worker/protocol';
import {
  createFakeScope,
  FakeMessageChannel,
  lastFakeChannel,
  resetFakeChannels,
  type FakeScope,
} from './fake-scope';

/** The error event the host builds, as both trainers' protocols write it. */
type HostError = { type: 'error'; message: string; fatal: boolean };

/** Hosts a trainer that records its messages on a fake scope; returns the endpoint it was given. */
function host(scope: FakeScope) {
  const handled: unknown[] = [];
  let endpoint: TrainerEndpoint<Job, HostError> | null = null;
  hostTrainer<HostError>(
    scope as unknown as DedicatedWorkerGlobalScope,
    (e) => {
      endpoint = e;
      return { handle: (m) => handled.push(m) };
    },
    (message, fatal) => ({ type: 'error', message, fatal }),
  );
  if (!endpoint) throw new Error('the host never created its trainer');
  return { endpoint: endpoint as TrainerEndpoint<Job, HostError>, handled };
}

beforeEach(() => {
  resetFakeChannels();
  vi.stubGlobal('MessageChannel', FakeMessageChannel);
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('hostTrainer: the endpoint it gives the trainer', () => {
  it('posts events on the scope, with their transfer list or an empty one', () => {
    const scope = createFakeScope(2);
    const { endpoint } = host(scope);
    const buffer = new ArrayBuffer(8);
    endpoint.post({ type: 'error', message: 'a', fatal: false }, [buffer]);
    endpoint.post({ type: 'error', message: 'b', fatal: true }, undefined as never);
    expect(scope.posted).toEqual([
      { message: { type: 'error', message: 'a', fatal: false }, transfer: [buffer] },
      { message: { type: 'error', message: 'b', fatal: true }, transfer: [] },
    ]);
  });

  it("reads the clock from performance.now and the cores from the scope's navigator", () => {
    vi.spyOn(performance, 'now').mockReturnValue(1234.5);
    expect(host(createFakeScope(6)).endpoint.now()).toBe(1234.5);
    expect(host(createFakeScope(6)).endpoint.cores).toBe(6);
    expect(host(createFakeScope(undefined)).endpoint.cores).toBeUndefined();
  });

  it('runs zero-delay jobs through the channel, first scheduled first, no timer', () => {
    const { endpoint } = host(createFakeScope(2));
    const ran: string[] = [];
    endpoint.schedule(() => ran.push('a'), 0);
    endpoint.schedule(() => ran.push('b'), -1);
    endpoint.schedule(() => ran.push('c'), 0);
    expect(vi.getTimerCount()).toBe(0);
    expect(ran).toEqual([]);
    expect(lastFakeChannel().deliver()).toBe(3);
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('a cancelled zero-delay job does not run; the others still do, in order', () => {
    const { endpoint } = host(createFakeScope(2));
    const ran: string[] = [];
    endpoint.schedule(() => ran.push('a'), 0);
    const b = endpoint.schedule(() => ran.push('b'), 0);
    endpoint.schedule(() => ran.push('c'), 0);
    endpoint.cancel(b);
    expect(b.cancelled).toBe(true);
    lastFakeChannel().deliver();
    expect(ran).toEqual(['a', 'c']);
  });

  it('a channel message with no job waiting does nothing', () => {
    host(createFakeScope(2));
    const channel = lastFakeChannel();
    expect(() => channel.port1.onmessage?.()).not.toThrow();
  });

  it('runs a delayed job on a timer after its delay, not before', () => {
    const { endpoint } = host(createFakeScope(2));
    const ran: string[] = [];
    const job = endpoint.schedule(() => ran.push('late'), 5);
    expect(job.timer).not.toBeNull();
    expect(lastFakeChannel().queued).toBe(0);
    vi.advanceTimersByTime(4);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['late']);
  });

  it('cancelling a delayed job clears its timer, and it never runs', () => {
    const { endpoint } = host(createFakeScope(2));
    const ran: string[] = [];
    const job = endpoint.schedule(() => ran.push('late'), 5);
    expect(vi.getTimerCount()).toBe(1);
    endpoint.cancel(job);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10);
    expect(ran).toEqual([]);
  });

  it('a delayed job cancelled without its timer cleared still does not run', () => {
    const { endpoint } = host(createFakeScope(2));
    const ran: string[] = [];
    const job = endpoint.schedule(() => ran.push('late'), 5);
    job.cancelled = true;
    vi.advanceTimersByTime(10);
    expect(ran).toEqual([]);
  });

  it('cancelling a zero-delay job clears no timer', () => {
    const { endpoint } = host(createFakeScope(2));
    const clear = vi.spyOn(globalThis, 'clearTimeout');
    endpoint.cancel(endpoint.schedule(() => undefined, 0));
    expect(clear).not.toHaveBeenCalled();
  });
});

describe("hostTrainer: the scope's events", () => {
  it("hands each message's data to the trainer", () => {
    const scope = createFakeScope(2);
    const { handled } = host(scope);
    scope.receive({ type: 'ping', id: 7 });
    scope.receive('anything');
    expect(handled).toEqual([{ type: 'ping', id: 7 }, 'anything']);
  });

  it('answers a message that could not be read with a non-fatal error', () => {
    const scope = createFakeScope(2);
    const { handled } = host(scope);
    scope.fire('messageerror');
    expect(handled).toEqual([]);
    expect(scope.messages()).toEqual([
      { type: 'error', message: 'A message to the worker could not be read.', fatal: false },
    ]);
  });

  it('reports an error or a rejection that escaped the trainer as fatal, with its text', () => {
    const scope = createFakeScope(2);
    host(scope);
    scope.fire('error', { message: 'x is not defined' });
    scope.fire('unhandledrejection', { reason: new Error('lost') });
    expect(scope.messages()).toEqual([
      { type: 'error', message: 'Worker failed: x is not defined', fatal: true },
      { type: 'error', message: 'Worker failed: Error: lost', fatal: true },
    ]);
  });
});
