import { describe, expect, it } from 'vitest';
import { createRngState } from '../../src/rl/rng';

/**
 * An independent createRngState in BigInt arithmetic, as rng.ts documents it: the seed's low 32
 * bits xor the high part times 0x27d4eb2d, then word i (0–3) is splitmix32's finaliser
 * (murmur3's fmix32) of x + (i + 2)·φ, φ = 0x9e3779b9: the loop adds φ once and splitmix32 once
 * more. Exported runs replay from their seed, so the words themselves are the contract.
 */
function bigSeedWords(seed: number): number[] {
  const MASK = 0xffffffffn;
  const PHI = 0x9e3779b9n;
  const hi = BigInt(Math.floor(seed / 2 ** 32)) & MASK;
  const lo = BigInt(seed) & MASK;
  const x0 = (lo ^ ((hi * 0x27d4eb2dn) & MASK)) & MASK;
  const fmix = (z0: bigint): bigint => {
    let z = ((z0 ^ (z0 >> 16n)) * 0x85ebca6bn) & MASK;
    z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) & MASK;
    return z ^ (z >> 16n);
  };
  return [0n, 1n, 2n, 3n].map((i) => Number(fmix((x0 + (i + 2n) * PHI) & MASK)));
}

describe('createRngState seeding', () => {
  it('gives the four words of the BigInt splitmix32 reference for small, negative and large seeds', () => {
    for (const seed of [0, 1, 42, 12345, -7, 2 ** 32 - 1, 2 ** 40 + 7]) {
      expect({ seed, words: Array.from(createRngState(seed)) }).toEqual({
        seed,
        words: bigSeedWords(seed),
      });
    }
  });

  it('names the seed it refuses', () => {
    expect(() => createRngState(1.5)).toThrow('Seed must be a whole number, got 1.5');
  });
});
