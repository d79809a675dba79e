import { describe, expect, it } from 'vitest';
import { createTdUpdate, tdRule } from '../../src/rl/td-rule';

describe('tdRule: td_target = r + γ·bootstrap, td_error = td_target − Q, Q ← Q + α·td_error', () => {
  it('worked numbers: Q 0.3, r 0, γ 0.9, bootstrap 0.5, α 0.5 → target 0.45, error 0.15, Q 0.375', () => {
    const u = tdRule(createTdUpdate(), 0.3, 0, 0.9, 0.5, 0.5);
    expect(u.qBefore).toBe(0.3);
    expect(u.bootstrap).toBe(0.5);
    expect(u.tdTarget).toBe(0.45);
    expect(u.tdError).toBeCloseTo(0.15, 15);
    expect(u.qAfter).toBeCloseTo(0.375, 15);
  });

  it('entering the goal from Q = 0 with α 0.1: target 1 (the bootstrap of a terminal s′ is 0), Q 0.1', () => {
    const u = tdRule(createTdUpdate(), 0, 1, 0.99, 0, 0.1);
    expect([u.tdTarget, u.tdError, u.qAfter]).toEqual([1, 1, 0.1]);
  });

  it('a negative error moves Q down: Q 0.8, r 0, γ 1, bootstrap 0.2, α 0.25 → Q 0.65', () => {
    const u = tdRule(createTdUpdate(), 0.8, 0, 1, 0.2, 0.25);
    expect(u.tdError).toBeCloseTo(-0.6, 15);
    expect(u.qAfter).toBeCloseTo(0.65, 15);
  });

  it('α = 0 leaves Q exactly where it was; γ = 0 makes the target the reward alone', () => {
    expect(tdRule(createTdUpdate(), 0.7, 0, 0.99, 0.9, 0).qAfter).toBe(0.7);
    expect(tdRule(createTdUpdate(), 0.7, 1, 0, 0.9, 0.5).tdTarget).toBe(1);
  });

  it('evaluates in the fast loop’s order, so its numbers are the inlined ones bit for bit', () => {
    for (const [q, r, g, b, a] of [
      [0.123456789, 0, 0.99, 0.987654321, 0.1],
      [0.3, 1, 0.999, 0.7, 0.05],
      [1e-9, 0, 0.9, 1e-7, 1],
    ] as const) {
      const u = tdRule(createTdUpdate(), q, r, g, b, a);
      const inlined = r + g * b - q;
      expect(Object.is(u.tdError, inlined)).toBe(true);
      expect(Object.is(u.qAfter, q + a * inlined)).toBe(true);
    }
  });

  it('writes into the record it is given and returns it (no allocation per call)', () => {
    const out = createTdUpdate();
    expect(tdRule(out, 0, 0, 0.5, 0, 0.5)).toBe(out);
  });
});
