import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellName,
  checkEditedMap,
  fitToEditor,
  nextTile,
  resizeMap,
  timeLimitFor,
  TILE_CYCLE,
  withTile,
} from '../../src/rl/map-edit';
import { MAPS, reachableStates, type Tile } from '../../src/rl/maps';

describe('nextTile', () => {
  it('cycles Frozen → Hole → Goal → Start → Frozen', () => {
    expect(TILE_CYCLE).toEqual(['F', 'H', 'G', 'S']);
    expect(nextTile('F')).toBe('H');
    expect(nextTile('H')).toBe('G');
    expect(nextTile('G')).toBe('S');
    expect(nextTile('S')).toBe('F');
  });
});

describe('withTile', () => {
  it('sets one tile and leaves the input alone', () => {
    const rows = ['SF', 'FG'];
    expect(withTile(rows, 1, 0, 'H')).toEqual(['SF', 'HG']);
    expect(rows).toEqual(['SF', 'FG']);
  });

  it('returns the same rows when the tile is already there (a drag repaints nothing)', () => {
    const rows = ['SF', 'FG'];
    expect(withTile(rows, 0, 1, 'F')).toBe(rows);
  });

  it('refuses a cell off the map, naming it from 1', () => {
    expect(() => withTile(['SF', 'FG'], 2, 0, 'H')).toThrow('row 3, column 1');
    expect(() => withTile(['SF', 'FG'], 0, -1, 'H')).toThrow(RangeError);
  });
});

describe('resizeMap', () => {
  it('keeps tiles from the top left and fills new ones with frozen ice', () => {
    expect(resizeMap(['SF', 'FG'], 3, 4)).toEqual(['SFFF', 'FGFF', 'FFFF']);
    expect(resizeMap([...MAPS['4x4']], 2, 3)).toEqual(['SFF', 'FHF']);
  });

  it('sets rows and columns independently, 2 to 12, with the limit’s own message', () => {
    expect(resizeMap(['SF', 'FG'], 2, 12)[0]).toHaveLength(12);
    expect(resizeMap(['SF', 'FG'], 12, 2)).toHaveLength(12);
    expect(() => resizeMap(['SF', 'FG'], 1, 4)).toThrow(
      'Rows must be a whole number from 2 to 12; got 1.',
    );
    expect(() => resizeMap(['SF', 'FG'], 4, 13)).toThrow(
      'Columns must be a whole number from 2 to 12; got 13.',
    );
    expect(() => resizeMap(['SF', 'FG'], 2.5, 4)).toThrow(RangeError);
  });
});

describe('fitToEditor', () => {
  it('takes a map that fits as it is', () => {
    expect(fitToEditor([...MAPS['8x8']])).toEqual({ rows: [...MAPS['8x8']], resized: false });
  });

  it('cuts a map larger than 12 and pads a single row', () => {
    const big = Array.from({ length: 16 }, () => 'F'.repeat(16));
    const fit = fitToEditor(big);
    expect(fit.resized).toBe(true);
    expect(fit.rows).toHaveLength(12);
    expect(fit.rows[0]).toHaveLength(12);
    expect(fitToEditor(['SG'])).toEqual({ rows: ['SG', 'FF'], resized: true });
  });
});

describe('reachableStates', () => {
  it('reaches every tile of 4x4 but enters holes and the goal without leaving them', () => {
    // On 4x4 every tile can be stood on; the tile behind a hole is still reachable around it.
    expect([...reachableStates([...MAPS['4x4']], 0, 0)]).toEqual(new Array(16).fill(1));
  });

  it('stops at a wall of holes: on SHF/HFF/FFG only S and the two holes beside it are reached', () => {
    // 0 S, 1 H, 2 F / 3 H, 4 F, 5 F / 6 F, 7 F, 8 G
    expect([...reachableStates(['SHF', 'HFF', 'FFG'], 0, 0)]).toEqual([1, 1, 0, 1, 0, 0, 0, 0, 0]);
  });

  it('never leaves a goal: the F behind G on SGF is cut off', () => {
    expect([...reachableStates(['SGF'], 0, 0)]).toEqual([1, 1, 0]);
  });
});

describe('checkEditedMap', () => {
  it('passes a trainable map with nothing cut off', () => {
    expect(checkEditedMap([...MAPS['4x4']])).toEqual({ error: null, unreachable: [] });
  });

  it('reports no start', () => {
    const check = checkEditedMap(['FF', 'FG']);
    expect(check.error?.rule).toBe('no-start');
    expect(check.error?.message).toBe('The map has no start: put one S on it.');
    expect(check.unreachable).toEqual([]);
  });

  it('reports no goal', () => {
    expect(checkEditedMap(['SF', 'FF']).error?.message).toBe(
      'The map has no goal: put at least one G on it.',
    );
  });

  it('reports more than one start, naming both', () => {
    expect(checkEditedMap(['SF', 'SG']).error?.message).toBe(
      'A second start S at row 2, column 1 (the first is at row 1, column 1): a map has exactly one S.',
    );
  });

  it('reports no path from S to G, naming the start, and lists the tiles cut off', () => {
    const check = checkEditedMap(['SHF', 'HFF', 'FFG']);
    expect(check.error?.rule).toBe('unreachable');
    expect(check.error?.message).toBe(
      'No goal G can be reached from the start S at row 1, column 1 without crossing a hole H.',
    );
    // Tiles 2, 4, 5, 6, 7 (frozen) and 8 (the goal) can never be stood on.
    expect(check.unreachable).toEqual([2, 4, 5, 6, 7, 8]);
    expect(check.unreachable.map((s) => cellName(s, 3))).toContain('row 3, column 3');
  });

  it('lists tiles cut off even on a trainable map', () => {
    // 0 S, 1 F, 2 H / 3 F, 4 G, 5 H / 6 H, 7 F, 8 F: the corner 7, 8 lies behind holes and G.
    const check = checkEditedMap(['SFH', 'FGH', 'HFF']);
    expect(check.error).toBeNull();
    expect(check.unreachable).toEqual([7, 8]);
  });
});

describe('timeLimitFor', () => {
  it('follows Gymnasium for the new size when the old limit was Gymnasium’s', () => {
    const lesson = { map: [...MAPS['4x4']], maxSteps: 100 };
    expect(timeLimitFor(['SFFFF', 'FFFFF', 'FFFFF', 'FFFFG'], lesson)).toBe(200); // 20 tiles
    expect(timeLimitFor(['SFF', 'FFF', 'FFG'], lesson)).toBe(100); // 9 tiles
    expect(timeLimitFor([...MAPS['4x4']], { map: [...MAPS['8x8']], maxSteps: 200 })).toBe(100);
  });

  it('keeps a limit the user chose', () => {
    expect(timeLimitFor(['SFF', 'FFG'], { map: [...MAPS['4x4']], maxSteps: 37 })).toBe(37);
  });
});

describe('cellName', () => {
  it('counts rows and columns from 1', () => {
    expect(cellName(0, 4)).toBe('row 1, column 1');
    expect(cellName(6, 4)).toBe('row 2, column 3');
  });
});

describe('edits, property-based', () => {
  const tile = fc.constantFrom<Tile>('S', 'F', 'H', 'G');
  const map = fc
    .tuple(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 12 }))
    .chain(([nrow, ncol]) =>
      fc.array(fc.array(tile, { minLength: ncol, maxLength: ncol }), {
        minLength: nrow,
        maxLength: nrow,
      }),
    )
    .map((grid) => grid.map((r) => r.join('')));

  it('any map of 2–12 a side is checked without throwing, and cut-off tiles are never holes', () => {
    fc.assert(
      fc.property(map, (rows) => {
        const check = checkEditedMap(rows);
        const tiles = rows.join('');
        for (const s of check.unreachable) expect(tiles[s]).not.toBe('H');
        // With exactly one S and a G, "no path" is the error exactly when every G is cut off.
        const starts = tiles.split('S').length - 1;
        const goals = [...tiles].flatMap((t, s) => (t === 'G' ? [s] : []));
        if (starts === 1 && goals.length > 0)
          expect(check.error?.rule === 'unreachable').toBe(
            goals.every((g) => check.unreachable.includes(g)),
          );
      }),
      { numRuns: 500, seed: 8 },
    );
  });

  it('cycling a tile four times gives the map back; resizing keeps what fits', () => {
    fc.assert(
      fc.property(
        map,
        fc.nat(),
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 2, max: 12 }),
        (rows, pick, nrow, ncol) => {
          const s = pick % rows.join('').length;
          const r = Math.floor(s / rows[0]!.length);
          const c = s % rows[0]!.length;
          let out: readonly string[] = rows;
          for (let i = 0; i < 4; i++) out = withTile(out, r, c, nextTile(out[r]![c] as Tile));
          expect(out).toEqual(rows);
          const resized = resizeMap(rows, nrow, ncol);
          expect(resized).toHaveLength(nrow);
          for (let i = 0; i < Math.min(nrow, rows.length); i++)
            expect(resized[i]!.slice(0, Math.min(ncol, rows[0]!.length))).toBe(
              rows[i]!.slice(0, Math.min(ncol, rows[0]!.length)),
            );
        },
      ),
      { numRuns: 300, seed: 9 },
    );
  });
});
