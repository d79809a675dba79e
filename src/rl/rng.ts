/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna, 2018), seeded through splitmix32.
 *
 * The whole generator state is four uint32 words in a `Uint32Array`, so it can be copied, sent to
 * a worker, saved in an export and restored: the same seed gives the same stream on every engine,
 * and a run cut into any number of calls draws exactly the same numbers as one long call.
 *
 * The hot loop in `q-learning.ts` inlines the same recurrence on local variables; `nextUint32`
 * here is the reference both are tested against.
 */

/** Generator state: four uint32 words, never all zero. */
export type RngState = Uint32Array;

/** 2^-32: maps a uint32 onto [0, 1). */
export const UINT32_TO_UNIT = 2.3283064365386963e-10;

/** splitmix32 step, used only to spread a user seed over the four state words. */
function splitmix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * A fresh generator state for an integer seed (any safe integer; it is reduced to 32 bits
 * after mixing in the high part, so seeds 0, 1, 2… give unrelated streams).
 */
export function createRngState(seed: number): RngState {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`Seed must be a whole number, got ${seed}`);
  const hi = Math.floor(seed / 0x100000000) | 0;
  let x = (seed | 0) ^ Math.imul(hi, 0x27d4eb2d);
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9) | 0;
    s[i] = splitmix32(x);
  }
  if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1;
  return s;
}

/** Advances `s` in place and returns the next uint32 of xoshiro128**. */
export function nextUint32(s: RngState): number {
  const s0 = s[0]!;
  const s1 = s[1]!;
  const s2 = s[2]!;
  const s3 = s[3]!;
  const m = Math.imul(s1, 5);
  const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
  const t = s1 << 9;
  let n2 = s2 ^ s0;
  let n3 = s3 ^ s1;
  const n1 = s1 ^ n2;
  const n0 = s0 ^ n3;
  n2 ^= t;
  n3 = (n3 << 11) | (n3 >>> 21);
  s[0] = n0;
  s[1] = n1;
  s[2] = n2;
  s[3] = n3;
  return r;
}

/** A uniform draw in [0, 1) with 32 bits of resolution. */
export function nextUniform(s: RngState): number {
  return nextUint32(s) * UINT32_TO_UNIT;
}

/** A uniform integer in [0, n) for 1 ≤ n ≤ 2^32 (multiply-shift: no modulo bias worth naming). */
export function nextInt(s: RngState, n: number): number {
  return Math.floor(nextUint32(s) * UINT32_TO_UNIT * n);
}

/** A convenience generator object over a state, for code off the hot path. */
export interface Rng {
  /** The live state words (mutated by every draw). */
  readonly state: RngState;
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/** Wraps a state (or a seed) in an `Rng`. */
export function createRng(seedOrState: number | RngState): Rng {
  const state = typeof seedOrState === 'number' ? createRngState(seedOrState) : seedOrState;
  return {
    state,
    uniform: () => nextUniform(state),
    int: (n: number) => nextInt(state, n),
  };
}
