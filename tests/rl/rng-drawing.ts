/**
 * Generator states crafted to draw given numbers next, for tests of what happens exactly on a
 * boundary (a uniform equal to 0.5, or to a cumulative probability), which a seed search cannot
 * reach: a given 32-bit draw comes up about once in 2³² seeds.
 *
 * xoshiro128**'s output depends on the second state word only, r = rotl(5·s₁, 7)·9 (mod 2³²), so
 * s₁ = rotr(r·9⁻¹, 7)·5⁻¹ (the inverses mod 2³² exist: 5 and 9 are odd). After one draw the second
 * word is s₁ ⊕ s₂ ⊕ s₀, so s₂ picks the second draw's word.
 */
import { UINT32_TO_UNIT, type RngState } from '../../src/rl/rng';

/** The inverse of an odd `a` modulo 2³², by Newton's iteration y ← y·(2 − a·y) (bits double). */
function inverseMod32(a: number): number {
  let y = a;
  for (let i = 0; i < 5; i++) y = Math.imul(y, 2 - Math.imul(a, y));
  return y >>> 0;
}

const INV5 = inverseMod32(5);
const INV9 = inverseMod32(9);

/** The second state word whose xoshiro128** output is the uint32 `r`. */
function wordFor(r: number): number {
  const x = Math.imul(r, INV9) >>> 0;
  const m = ((x >>> 7) | (x << 25)) >>> 0;
  return Math.imul(m, INV5) >>> 0;
}

/** The uint32 whose uniform is `u`; throws unless u is a multiple of 2⁻³² in [0, 1). */
function uint32Of(u: number): number {
  const r = u / UINT32_TO_UNIT;
  if (!Number.isInteger(r) || r < 0 || r >= 2 ** 32) throw new RangeError(`no uint32 draws ${u}`);
  return r;
}

/**
 * A state whose next `nextUniform` draws are exactly `first` and then `second` (each a multiple
 * of 2⁻³² in [0, 1); `second` defaults to 0.5).
 */
export function rngDrawing(first: number, second = 0.5): RngState {
  const s0 = 1;
  const s1 = wordFor(uint32Of(first));
  const s2 = (wordFor(uint32Of(second)) ^ s1 ^ s0) >>> 0;
  return Uint32Array.from([s0, s1, s2, 1]);
}
