import { describe, expect, it } from 'vitest';
import {
  MAPS,
  MAX_MAP_SIDE,
  MapError,
  generateRandomMap,
  isMapName,
  parseMap,
  splitMapRows,
} from '../../src/rl/maps';
import { createRng } from '../../src/rl/rng';

/** The MapError `fn` throws (fails the test if it throws nothing or something else). */
function mapError(fn: () => unknown): MapError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(MapError);
    return e as MapError;
  }
  throw new Error('expected a MapError, nothing was thrown');
}

describe('MAPS', () => {
  it("holds Gymnasium's 4x4 and 8x8 maps", () => {
    expect(MAPS['4x4']).toEqual(['SFFF', 'FHFH', 'FFFH', 'HFFG']);
    expect(MAPS['8x8']).toHaveLength(8);
    expect(MAPS['8x8'][0]).toBe('SFFFFFFF');
    expect(MAPS['8x8'][7]).toBe('FFFHFFFG');
    expect(isMapName('4x4')).toBe(true);
    expect(isMapName('8x8')).toBe(true);
    expect(isMapName('toString')).toBe(false);
    expect(isMapName('16x16')).toBe(false);
  });

  it('are valid maps', () => {
    expect(parseMap(MAPS['4x4'])).toEqual([...MAPS['4x4']]);
    expect(parseMap(MAPS['8x8'])).toEqual([...MAPS['8x8']]);
  });
});

describe('splitMapRows', () => {
  it("splits 'sfff,fhfh,fffh,hffg' into upper-case rows", () => {
    expect(splitMapRows('sfff,fhfh,fffh,hffg')).toEqual(['SFFF', 'FHFH', 'FFFH', 'HFFG']);
  });

  it('accepts slashes, semicolons, spaces and new lines, and ignores empty pieces', () => {
    expect(splitMapRows('  SF/FG ')).toEqual(['SF', 'FG']);
    expect(splitMapRows('SF;FG')).toEqual(['SF', 'FG']);
    expect(splitMapRows('SF\nFG\n')).toEqual(['SF', 'FG']);
    expect(splitMapRows('SF,, FG')).toEqual(['SF', 'FG']);
  });

  it('leaves other characters in place so parseMap can name them', () => {
    expect(splitMapRows('sx,fg')).toEqual(['SX', 'FG']);
    expect(mapError(() => parseMap(splitMapRows('sx,fg'))).rule).toBe('bad-tile');
  });
});

describe('parseMap', () => {
  it('returns a copy of valid rows', () => {
    const rows = ['SFG'];
    const out = parseMap(rows);
    expect(out).toEqual(['SFG']);
    expect(out).not.toBe(rows);
  });

  it("rejects no rows: rule 'empty'", () => {
    const e = mapError(() => parseMap([]));
    expect(e.rule).toBe('empty');
    expect(e.name).toBe('MapError');
    expect(e.message).toMatch(/empty/);
  });

  it("rejects an empty first row: rule 'empty' at row 1", () => {
    const e = mapError(() => parseMap(['']));
    expect(e.rule).toBe('empty');
    expect(e.row).toBe(0);
    expect(e.message).toMatch(/Row 1/);
  });

  it("rejects rows of different lengths, naming the row: rule 'not-rectangular'", () => {
    const e = mapError(() => parseMap(['SFF', 'FFF', 'FG']));
    expect(e.rule).toBe('not-rectangular');
    expect(e.row).toBe(2);
    expect(e.col).toBeUndefined();
    expect(e.message).toMatch(/Row 3 has 2 tiles but row 1 has 3/);
  });

  it("rejects an unknown tile, naming row and column from 1: rule 'bad-tile'", () => {
    const e = mapError(() => parseMap(['SFF', 'FXF', 'FFG']));
    expect(e.rule).toBe('bad-tile');
    expect(e.row).toBe(1);
    expect(e.col).toBe(1);
    expect(e.message).toMatch(/"X" at row 2, column 2/);
  });

  it('rejects lower-case tiles (splitMapRows upper-cases, parseMap does not)', () => {
    const e = mapError(() => parseMap(['sfg']));
    expect(e.rule).toBe('bad-tile');
    expect([e.row, e.col]).toEqual([0, 0]);
    expect(e.message).toMatch(/row 1, column 1/);
  });

  it("rejects a map without S: rule 'no-start'", () => {
    const e = mapError(() => parseMap(['FFG']));
    expect(e.rule).toBe('no-start');
    expect(e.message).toMatch(/no start/);
  });

  it("rejects a second S, naming both places: rule 'many-starts'", () => {
    const e = mapError(() => parseMap(['SF', 'SG']));
    expect(e.rule).toBe('many-starts');
    expect([e.row, e.col]).toEqual([1, 0]);
    expect(e.message).toMatch(/row 2, column 1/);
    expect(e.message).toMatch(/first is at row 1, column 1/);
  });

  it("rejects a map without G: rule 'no-goal'", () => {
    const e = mapError(() => parseMap(['SF', 'FF']));
    expect(e.rule).toBe('no-goal');
    expect(e.message).toMatch(/no goal/);
  });

  it("rejects a map whose every G is walled off by holes: rule 'unreachable'", () => {
    expect(mapError(() => parseMap(['SHG'])).rule).toBe('unreachable');
    expect(mapError(() => parseMap(['SFH', 'FHF', 'HFG'])).rule).toBe('unreachable');
  });

  it('accepts a G reachable only the long way round, and a second G when one is reachable', () => {
    expect(parseMap(['SHG', 'FHF', 'FFF'])).toEqual(['SHG', 'FHF', 'FFF']);
    expect(parseMap(['SFG', 'HHH', 'GFF'])).toEqual(['SFG', 'HHH', 'GFF']);
  });

  it("rejects a single tile: rule 'too-small'", () => {
    expect(mapError(() => parseMap(['S'])).rule).toBe('too-small');
  });

  it(`accepts ${MAX_MAP_SIDE} rows and ${MAX_MAP_SIDE} columns`, () => {
    const wide = 'S' + 'F'.repeat(MAX_MAP_SIDE - 2) + 'G';
    expect(parseMap([wide])).toEqual([wide]);
    const tall = ['S', ...new Array<string>(MAX_MAP_SIDE - 2).fill('F'), 'G'];
    expect(parseMap(tall)).toHaveLength(MAX_MAP_SIDE);
  });

  it("rejects 33 rows: rule 'too-large'", () => {
    const tall = ['S', ...new Array<string>(31).fill('F'), 'G'];
    expect(tall).toHaveLength(33);
    const e = mapError(() => parseMap(tall));
    expect(e.rule).toBe('too-large');
    expect(e.message).toMatch(/33 rows/);
  });

  it("rejects 33 columns: rule 'too-large'", () => {
    const wide = 'S' + 'F'.repeat(31) + 'G';
    expect(wide).toHaveLength(33);
    const e = mapError(() => parseMap([wide]));
    expect(e.rule).toBe('too-large');
    expect(e.message).toMatch(/33 columns/);
  });
});

describe('generateRandomMap', () => {
  it('gives the same map for the same seed', () => {
    expect(generateRandomMap(8, 0.8, 123)).toEqual(generateRandomMap(8, 0.8, 123));
  });

  it('gives different maps for different seeds', () => {
    const maps = new Set<string>();
    for (let seed = 0; seed < 20; seed++) maps.add(generateRandomMap(8, 0.8, seed).join(','));
    expect(maps.size).toBe(20);
  });

  it('is square, S at the top left, G at the bottom right, F and H elsewhere', () => {
    for (let seed = 0; seed < 50; seed++) {
      const rows = generateRandomMap(6, 0.7, seed);
      expect(rows).toHaveLength(6);
      const tiles = rows.join('');
      expect(tiles).toMatch(/^S[FH]{34}G$/);
    }
  });

  it('is always a valid map (parseMap accepts 300 seeds over sizes 2–12 and p 0.5–0.9)', () => {
    let accepted = 0;
    for (let seed = 0; seed < 300; seed++) {
      const size = 2 + (seed % 11);
      const p = 0.5 + 0.1 * (seed % 5);
      const rows = generateRandomMap(size, p, seed);
      expect(rows).toHaveLength(size);
      expect(parseMap(rows)).toEqual(rows);
      accepted++;
    }
    expect(accepted).toBe(300);
  });

  it('uses about a fraction p of frozen tiles', () => {
    let frozen = 0;
    let inner = 0;
    for (let seed = 0; seed < 40; seed++) {
      const tiles = generateRandomMap(16, 0.9, seed).join('').slice(1, -1);
      for (const t of tiles) if (t === 'F') frozen++;
      inner += tiles.length;
    }
    // Redraws of unreachable maps favour frozen tiles a little; 0.9 ± 0.02 is plenty.
    expect(Math.abs(frozen / inner - 0.9)).toBeLessThan(0.02);
  });

  it('accepts an Rng and advances it', () => {
    const rng = createRng(5);
    const first = generateRandomMap(8, 0.8, rng);
    const second = generateRandomMap(8, 0.8, rng);
    expect(first).toEqual(generateRandomMap(8, 0.8, 5));
    expect(second).not.toEqual(first);
  });

  it('defaults to size 8, p 0.8, seed 0', () => {
    expect(generateRandomMap()).toEqual(generateRandomMap(8, 0.8, 0));
    expect(generateRandomMap()).toHaveLength(8);
  });

  it('rejects sizes 1, 33 and 2.5, and p outside (0, 1]', () => {
    expect(() => generateRandomMap(1)).toThrow(RangeError);
    expect(() => generateRandomMap(33)).toThrow(RangeError);
    expect(() => generateRandomMap(2.5)).toThrow(RangeError);
    expect(() => generateRandomMap(Number.NaN)).toThrow(RangeError);
    expect(() => generateRandomMap(4, 0)).toThrow(RangeError);
    expect(() => generateRandomMap(4, 1.5)).toThrow(RangeError);
    expect(() => generateRandomMap(4, Number.NaN)).toThrow(RangeError);
  });

  it('with p = 1 is all frozen', () => {
    expect(generateRandomMap(3, 1, 9)).toEqual(['SFF', 'FFF', 'FFG']);
  });
});
