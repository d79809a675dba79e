import { describe, expect, it } from 'vitest';
import {
  UINT32_TO_UNIT,
  createRng,
  createRngState,
  nextInt,
  nextUint32,
  nextUniform,
} from '../../src/rl/rng';

/**
 * An independent xoshiro128** (Blackman & Vigna, reference C code) in BigInt arithmetic:
 *
 *   result = rotl(s1 · 5, 7) · 9
 *   t = s1 << 9;  s2 ^= s0;  s3 ^= s1;  s1 ^= s2;  s0 ^= s3;  s2 ^= t;  s3 = rotl(s3, 11)
 *
 * all modulo 2^32.
 */
function bigXoshiro(seedState: ArrayLike<number>): () => number {
  const MASK = 0xffffffffn;
  const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (32n - k))) & MASK;
  const s = [0, 1, 2, 3].map((i) => BigInt(seedState[i]!));
  let s0 = s[0]!;
  let s1 = s[1]!;
  let s2 = s[2]!;
  let s3 = s[3]!;
  return () => {
    const result = (rotl((s1 * 5n) & MASK, 7n) * 9n) & MASK;
    const t = (s1 << 9n) & MASK;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11n);
    return Number(result);
  };
}

describe('createRngState', () => {
  it('gives the same four words for the same seed', () => {
    expect(Array.from(createRngState(42))).toEqual(Array.from(createRngState(42)));
  });

  it('gives unrelated states for seeds 0, 1, 2 and for a seed above 2^32', () => {
    const states = [0, 1, 2, 2 ** 32].map((seed) => Array.from(createRngState(seed)).join(','));
    expect(new Set(states).size).toBe(4);
  });

  it('is four uint32 words, never all zero', () => {
    for (let seed = 0; seed < 200; seed++) {
      const s = createRngState(seed);
      expect(s).toBeInstanceOf(Uint32Array);
      expect(s.length).toBe(4);
      expect(s[0]! | s[1]! | s[2]! | s[3]!).not.toBe(0);
    }
  });

  it('rejects a seed that is not a safe whole number', () => {
    expect(() => createRngState(1.5)).toThrow(RangeError);
    expect(() => createRngState(Number.NaN)).toThrow(RangeError);
    expect(() => createRngState(2 ** 60)).toThrow(RangeError);
  });
});

describe('nextUint32', () => {
  it('gives 11520, 0, 5927040 from the state (1, 2, 3, 4), worked by hand', () => {
    const s = Uint32Array.from([1, 2, 3, 4]);
    // Draw 1: rotl(2·5, 7)·9 = 1280·9 = 11520; t = 2 << 9 = 1024,
    // s2 = 3^1 = 2, s3 = 4^2 = 6, s1 = 2^2 = 0, s0 = 1^6 = 7, s2 ^= t → 1026, s3 = rotl(6, 11).
    expect(nextUint32(s)).toBe(11520);
    expect(Array.from(s)).toEqual([7, 0, 1026, 12288]);
    // Draw 2: rotl(0·5, 7)·9 = 0; s = (7^12288, 0^1029, 1026^7, rotl(12288, 11)).
    expect(nextUint32(s)).toBe(0);
    expect(Array.from(s)).toEqual([12295, 1029, 1029, 25165824]);
    // Draw 3: rotl(1029·5, 7)·9 = 658560·9 = 5927040.
    expect(nextUint32(s)).toBe(5927040);
  });

  it('matches an independent BigInt xoshiro128** for 10,000 draws from seeded states', () => {
    for (const seed of [0, 1, 12345, 2 ** 40 + 7]) {
      const s = createRngState(seed);
      const ref = bigXoshiro(s);
      for (let i = 0; i < 10_000; i++) {
        const got = nextUint32(s);
        const want = ref();
        if (got !== want) expect({ seed, i, got }).toEqual({ seed, i, got: want });
      }
    }
  });

  it('always returns a whole number in [0, 2^32)', () => {
    const s = createRngState(7);
    let bad = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = nextUint32(s);
      if (!(Number.isInteger(x) && x >= 0 && x < 2 ** 32)) bad++;
    }
    expect(bad).toBe(0);
  });

  it('continues the same stream from a copied state', () => {
    const a = createRngState(9);
    for (let i = 0; i < 10; i++) nextUint32(a);
    const b = a.slice();
    const fromA = Array.from({ length: 20 }, () => nextUint32(a));
    const fromB = Array.from({ length: 20 }, () => nextUint32(b));
    expect(fromB).toEqual(fromA);
  });
});

describe('nextUniform', () => {
  it('is nextUint32 · 2^-32', () => {
    expect(UINT32_TO_UNIT).toBe(2 ** -32);
    const a = createRngState(3);
    const b = createRngState(3);
    for (let i = 0; i < 100; i++) expect(nextUniform(a)).toBe(nextUint32(b) * 2 ** -32);
  });

  it('stays in [0, 1), even for the largest uint32', () => {
    expect(0xffffffff * UINT32_TO_UNIT).toBeLessThan(1);
    const s = createRngState(11);
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = nextUniform(s);
      min = Math.min(min, u);
      max = Math.max(max, u);
      sum += u;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // Mean 1/2, standard error √(1/12/n) ≈ 0.0009: allow 5 of them.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.0046);
  });
});

describe('nextInt', () => {
  it('returns whole numbers in [0, n) and hits both ends', () => {
    const s = createRngState(5);
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) seen.add(nextInt(s, 7));
    // Any value outside 0–6 or not whole would show up in the set.
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('is roughly uniform: chi-square over 6 bins of 60,000 seeded draws is below 20.5 (p ≈ 0.001, 5 df)', () => {
    const s = createRngState(2024);
    const counts = new Array<number>(6).fill(0);
    const n = 60_000;
    for (let i = 0; i < n; i++) counts[nextInt(s, 6)]!++;
    const expected = n / 6;
    const chi2 = counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(20.5);
  });

  it('with n = 4 is the top two bits of the draw', () => {
    const a = createRngState(8);
    const b = createRngState(8);
    for (let i = 0; i < 1000; i++) expect(nextInt(a, 4)).toBe(nextUint32(b) >>> 30);
  });
});

describe('createRng', () => {
  it('wraps a seed and draws the same stream as the free functions', () => {
    const rng = createRng(17);
    const s = createRngState(17);
    expect(rng.uniform()).toBe(nextUniform(s));
    expect(rng.int(10)).toBe(nextInt(s, 10));
    expect(Array.from(rng.state)).toEqual(Array.from(s));
  });

  it('uses a given state in place', () => {
    const s = createRngState(4);
    const rng = createRng(s);
    expect(rng.state).toBe(s);
    const before = s.slice();
    rng.uniform();
    expect(Array.from(s)).not.toEqual(Array.from(before));
  });
});
