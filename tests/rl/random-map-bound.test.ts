import { describe, expect, it } from 'vitest';
import { generateRandomMap, parseMap, RANDOM_MAP_MAX_TRIES } from '../../src/rl/maps';
import { RANDOM_MAP_LIMITS } from '../../src/rl/params';
import { createRng, type Rng } from '../../src/rl/rng';

/** A seeded generator that counts its uniform draws. */
function countingRng(seed: number): Rng & { draws: number } {
  const rng = createRng(seed);
  const counting = {
    state: rng.state,
    draws: 0,
    uniform: () => {
      counting.draws++;
      return rng.uniform();
    },
    int: (n: number) => rng.int(n),
  };
  return counting;
}

describe('generateRandomMap gives up after a bounded number of draws', () => {
  it('p far below the page’s limit: a clear RangeError after exactly 10,000 boards', () => {
    const rng = countingRng(1);
    // 2x2 at p = 1e-9: a path needs one of the two middle tiles frozen (probability ≈ 2·10⁻⁹).
    expect(() => generateRandomMap(2, 1e-9, rng)).toThrow(
      new RangeError(
        `No 2x2 map with a path from S to G in ${RANDOM_MAP_MAX_TRIES} draws at p = 1e-9: ` +
          'raise the frozen-tile probability p.',
      ),
    );
    // Each board draws one uniform per tile: 10,000 boards × 4 tiles.
    expect(RANDOM_MAP_MAX_TRIES).toBe(10_000);
    expect(rng.draws).toBe(40_000);
  });

  it('12x12 at p = 0.01 fails the same way, promptly (well inside the test’s 5 s)', () => {
    expect(() => generateRandomMap(12, 0.01, 7)).toThrow(/No 12x12 map .* at p = 0\.01: raise/);
  });

  it('at the page’s hardest allowed setting (12x12, p = 0.5) every seed 0–29 still gives a map', () => {
    const side = RANDOM_MAP_LIMITS.size.max;
    const p = RANDOM_MAP_LIMITS.p.min;
    expect([side, p]).toEqual([12, 0.5]);
    for (let seed = 0; seed < 30; seed++) {
      const rng = countingRng(seed);
      const rows = generateRandomMap(side, p, rng);
      // A valid map (parseMap checks S, G and a path), found well before the bound.
      expect(parseMap(rows)).toEqual(rows);
      expect(rng.draws).toBeLessThan(RANDOM_MAP_MAX_TRIES * side * side);
    }
  });
});
