/**
 * The rest between full-speed slices: none on a machine with cores to spare, none while the page
 * keeps up, `MAX_SPEED_REST_MS` on a small machine once the page has left a snapshot unanswered
 * for more than `PAGE_LATE_MS`.
 */
import { describe, expect, it } from 'vitest';
import { LESSON_PARAMS } from '../../src/rl/params';
import type { CompareCommand, CompareEvent } from '../../src/worker/compare-protocol';
import { createCompareTrainer } from '../../src/worker/compare-trainer';
import type { RunSettings, TrainerCommand } from '../../src/worker/protocol';
import {
  MAX_SPEED_REST_MS,
  PAGE_LATE_MS,
  REST_BELOW_CORES,
  restBetweenSlices,
} from '../../src/worker/rest';
import { createTrainer } from '../../src/worker/trainer';
import { createFakeEndpoint, createFakePort, type FakePort } from './fake-endpoint';

const SETTINGS: RunSettings = {
  map: ['SFFF', 'FHFH', 'FFFH', 'HFFG'],
  isSlippery: true,
  successRate: 1 / 3,
  maxSteps: 100,
  seed: 1,
  episodes: 10_000_000,
  frameInterval: 1000,
  params: { ...LESSON_PARAMS },
};

describe('restBetweenSlices', () => {
  const host = (cores: number | undefined, time: number) => ({ cores, now: () => time });
  const gate = (since: number | null) => ({ unansweredSince: () => since });

  it('never rests with REST_BELOW_CORES cores or more, however late the page', () => {
    expect(restBetweenSlices(host(REST_BELOW_CORES, 10_000), gate(0))).toBe(0);
    expect(restBetweenSlices(host(16, 10_000), gate(0))).toBe(0);
  });

  it('on fewer cores rests only once a snapshot went unanswered for more than PAGE_LATE_MS', () => {
    for (const cores of [1, 2, REST_BELOW_CORES - 1, undefined]) {
      expect(restBetweenSlices(host(cores, 1000), gate(null))).toBe(0);
      expect(restBetweenSlices(host(cores, 1000), gate(1000 - PAGE_LATE_MS))).toBe(0);
      expect(restBetweenSlices(host(cores, 1000), gate(999 - PAGE_LATE_MS))).toBe(
        MAX_SPEED_REST_MS,
      );
    }
  });
});

/** Wraps `port.schedule` to record the delay of every slice scheduled. */
function recordDelays<E extends { type: string }>(port: FakePort<E>): number[] {
  const delays: number[] = [];
  const schedule = port.schedule.bind(port);
  port.schedule = (fn, delayMs) => {
    delays.push(delayMs);
    return schedule(fn, delayMs);
  };
  return delays;
}

/** A page that asks for the next snapshot as soon as one arrives (a page that keeps up). */
function keepsUp<E extends { type: string }>(port: FakePort<E>, ask: () => void): void {
  const post = port.post.bind(port);
  port.post = (event, transfer) => {
    post(event, transfer);
    if (event.type === 'snapshot') queueMicrotask(ask);
  };
}

function training(cores: number | undefined) {
  const port = Object.assign(createFakeEndpoint(1000, 1), { cores });
  const trainer = createTrainer(port);
  const send = (c: TrainerCommand) => trainer.handle(c);
  send({ type: 'init', settings: SETTINGS });
  return { port, send, delays: recordDelays(port) };
}

describe('the training worker at full speed', () => {
  it('on two cores does not rest while the page keeps up', async () => {
    const { port, send, delays } = training(2);
    keepsUp(port, () => send({ type: 'request-snapshot' }));
    // The page drew the snapshot after init and asks for the next.
    send({ type: 'request-snapshot' });
    send({ type: 'play' });
    for (let i = 0; i < 60; i++) {
      port.runNext();
      await Promise.resolve();
    }
    expect(port.time).toBeGreaterThan(1000 + PAGE_LATE_MS);
    expect(delays.length).toBeGreaterThan(30);
    expect(delays.every((d) => d === 0)).toBe(true);
  });

  it('on two cores rests once the page leaves a snapshot unanswered too long', () => {
    const { port, send, delays } = training(2);
    send({ type: 'play' });
    // The snapshot after init was answered by nobody since: the page is silent.
    const start = port.time;
    for (let i = 0; i < 60; i++) port.runNext();
    const lateAt = delays.findIndex((d) => d > 0);
    expect(lateAt).toBeGreaterThan(0);
    expect(delays.slice(lateAt).every((d) => d === MAX_SPEED_REST_MS)).toBe(true);
    expect(port.time - start).toBeGreaterThan(PAGE_LATE_MS);
    // The page answers: no more rest.
    send({ type: 'request-snapshot' });
    const n = delays.length;
    port.runNext();
    expect(delays.slice(n).every((d) => d === 0)).toBe(true);
  });

  it('with cores to spare never rests, even for a silent page', () => {
    const { port, send, delays } = training(8);
    send({ type: 'play' });
    for (let i = 0; i < 60; i++) port.runNext();
    expect(port.time).toBeGreaterThan(1000 + PAGE_LATE_MS);
    expect(delays.every((d) => d === 0)).toBe(true);
  });
});

describe('the comparison worker at full speed', () => {
  it('rests only for a late page on two cores, never on eight', () => {
    for (const cores of [2, 8]) {
      const port = Object.assign(createFakePort<CompareEvent>(1000, 1), { cores });
      const trainer = createCompareTrainer(port);
      const send = (c: CompareCommand) => trainer.handle(c);
      send({ type: 'init', settings: SETTINGS, algorithms: ['q-learning', 'sarsa'] });
      send({ type: 'set-speed', speed: 'max' });
      const delays = recordDelays(port);
      send({ type: 'play' });
      for (let i = 0; i < 60; i++) port.runNext();
      expect(port.time).toBeGreaterThan(1000 + PAGE_LATE_MS);
      expect(delays.some((d) => d === MAX_SPEED_REST_MS)).toBe(cores === 2);
      expect(delays.filter((d) => d > 0).length).toBe(
        cores === 2 ? delays.filter((d) => d === MAX_SPEED_REST_MS).length : 0,
      );
    }
  });
});
