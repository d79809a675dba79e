import { describe, expect, it } from 'vitest';
import { subscript, vAt } from '../../src/viz/dp-format';

describe('dp-format', () => {
  it('writes sweep numbers as subscript digits', () => {
    expect(subscript(0)).toBe('₀');
    expect(subscript(1234567890)).toBe('₁₂₃₄₅₆₇₈₉₀');
    expect(vAt(3)).toBe('V₃');
  });
});
