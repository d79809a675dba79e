import { describe, expect, it } from 'vitest';
import { nextUniform, nextUint32, UINT32_TO_UNIT } from '../../src/rl/rng';
import { rngDrawing } from './rng-drawing';

describe('rngDrawing: a generator state that draws given uniforms next', () => {
  it('draws exactly 0.5, then 0.25 (and the boundary values 0 and 1 − 2⁻³²)', () => {
    const rng = rngDrawing(0.5, 0.25);
    expect(nextUniform(rng)).toBe(0.5);
    expect(nextUniform(rng)).toBe(0.25);
    const edges = rngDrawing(0, 1 - UINT32_TO_UNIT);
    expect(nextUint32(edges)).toBe(0);
    expect(nextUint32(edges)).toBe(2 ** 32 - 1);
  });

  it('refuses a number no uint32 draws', () => {
    expect(() => rngDrawing(0.1)).toThrow(RangeError);
    expect(() => rngDrawing(1)).toThrow(RangeError);
  });
});
