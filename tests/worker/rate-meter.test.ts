import { describe, expect, it } from 'vitest';
import { createRateMeter, RATE_WINDOW_MS } from '../../src/worker/rate-meter';

describe('the rate meter: steps per second over the last second', () => {
  it('reads 0 before a start and after a stop', () => {
    const meter = createRateMeter();
    meter.sample(100, 500);
    expect(meter.perSecond(200, 1000)).toBe(0);
    meter.start(0, 0);
    meter.sample(500, 2000);
    expect(meter.perSecond(500, 2000)).toBe(4000);
    meter.stop();
    expect(meter.perSecond(600, 3000)).toBe(0);
  });

  it('from a start at 10 ms with 100 steps: 2,100 steps at 510 ms is 2,000 in 0.5 s = 4,000/s', () => {
    const meter = createRateMeter();
    meter.start(10, 100);
    expect(meter.perSecond(10, 100)).toBe(0); // no time has passed: 0, not NaN or Infinity
    meter.sample(260, 1100);
    expect(meter.perSecond(510, 2100)).toBe(4000);
  });

  it('keeps one sample at or before the window’s start as its base, and drops older ones', () => {
    expect(RATE_WINDOW_MS).toBe(1000);
    const meter = createRateMeter();
    meter.start(0, 0);
    meter.sample(400, 400); // 1,000 steps/s at first
    meter.sample(1000, 1000);
    meter.sample(1400, 3000); // then 5,000 steps/s
    // At 1400 the window starts at 400: the base is the sample at 400 (400 steps).
    expect(meter.perSecond(1400, 3000)).toBe(((3000 - 400) * 1000) / 1000);
    meter.sample(2000, 6000);
    // At 2000 the window starts at 1000: the sample at exactly 1000 is the base (1,000 steps).
    expect(meter.perSecond(2000, 6000)).toBe(5000);
  });
});
