import { describe, expect, it } from 'vitest';
import { fullSpeedIntervalMs } from '../../src/components/board/GridView';

describe('the grid at full speed', () => {
  it('draws at most every 100 ms up to 8x8, and in proportion to the cells above', () => {
    expect(fullSpeedIntervalMs(16)).toBe(100);
    expect(fullSpeedIntervalMs(64)).toBe(100);
    expect(fullSpeedIntervalMs(144)).toBe(225);
    expect(fullSpeedIntervalMs(0)).toBe(100);
  });
});
