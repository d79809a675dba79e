/**
 * The time-sliced loop and the pacer on their own, on a fake clock: what an idle loop does (no
 * work, no `stopped`), that the run's end schedules nothing more, when `wakeWithin` moves the
 * pending slice (only sooner), and the pacer's cap and waits.
 */
import { describe, expect, it } from 'vitest';
import {
  createPacer,
  createSliceLoop,
  MAX_BACKLOG_MS,
  type SliceBody,
} from '../../src/worker/slice-loop';
import { createFakePort } from './fake-endpoint';

/** A loop over a fake clock whose body counts its calls; `work` ends the run when `done()` says. */
function loopOnFakeClock(done: () => boolean = () => false) {
  const port = createFakePort<{ type: string }>(1000);
  let schedules = 0;
  const clock = {
    now: () => port.now(),
    cancel: (h: number) => port.cancel(h),
    schedule: (fn: () => void, ms: number) => {
      schedules++;
      return port.schedule(fn, ms);
    },
  };
  const calls = {
    work: [] as number[],
    after: [] as boolean[],
    stopped: 0,
    failed: [] as unknown[],
  };
  const body: SliceBody = {
    work(start) {
      calls.work.push(start);
      return done();
    },
    after: (d) => calls.after.push(d),
    delay: () => 20,
    stopped: () => calls.stopped++,
    fail: (e) => calls.failed.push(e),
  };
  const loop = createSliceLoop(clock, 8, body);
  return { port, loop, calls, schedules: () => schedules };
}

describe('an idle loop', () => {
  it('is not running, and stopping it reports nothing', () => {
    const { loop, calls } = loopOnFakeClock();
    expect(loop.running).toBe(false);
    loop.stop();
    expect(calls.stopped).toBe(0);
  });

  it('does no work when woken: the slice finds it idle', () => {
    const { port, loop, calls } = loopOnFakeClock();
    loop.wakeWithin(5);
    port.runAll();
    expect(calls.work).toEqual([]);
    expect(loop.running).toBe(false);
  });
});

describe('a running loop', () => {
  it('stops at the run’s end: after(true), stopped once, and nothing more scheduled', () => {
    const { port, loop, calls } = loopOnFakeClock(() => true);
    loop.start(10);
    port.runNext();
    expect(calls.work).toEqual([1010]);
    expect(calls.after).toEqual([true]);
    expect(calls.stopped).toBe(1);
    expect(port.pending()).toBe(0);
  });

  it('wakeWithin moves the pending slice sooner, never later, and leaves one due as soon alone', () => {
    const { port, loop, calls, schedules } = loopOnFakeClock();
    loop.start(50); // due at 1050
    loop.wakeWithin(100); // later than 1050: kept
    loop.wakeWithin(50); // as soon: kept
    expect(schedules()).toBe(1);
    port.advance(50);
    expect(calls.work).toEqual([1050]);
    // The next slice is due 20 ms on (the body's delay); waking within 5 ms brings it forward.
    loop.wakeWithin(5);
    expect(schedules()).toBe(3);
    port.advance(5);
    expect(calls.work).toEqual([1050, 1055]);
    loop.stop();
  });
});

describe('the pacer', () => {
  it(`caps the credit at ${MAX_BACKLOG_MS} ms worth: 50 steps/s after 10 s idle earns 5, not 500`, () => {
    const pacer = createPacer();
    pacer.reset(0);
    expect(pacer.earn(10_000, 50)).toBe(5);
  });

  it('waits (1 − credit)·1000/speed ms for the next unit: 100 ms at 10/s from nothing', () => {
    const pacer = createPacer();
    pacer.reset(0);
    expect(pacer.untilNext(10)).toBe(100);
    pacer.earn(40, 10); // 0.4 earned
    expect(pacer.untilNext(10)).toBe(60);
  });

  it('counts a credit short of 1 by rounding only (1000 ms at 1/s summed in pieces) as a whole unit', () => {
    const pacer = createPacer();
    pacer.reset(0);
    // Ten times 0.1 sums to 0.9999999999999999 in binary.
    let t = 0;
    for (let k = 0; k < 10; k++) pacer.earn((t += 100), 1);
    expect(pacer.untilNext(1)).toBe(0);
    expect(pacer.earn(t, 1)).toBe(1);
  });
});
