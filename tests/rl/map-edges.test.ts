import { describe, expect, it } from 'vitest';
import {
  checkEditedMap,
  fitToEditor,
  timeLimitFor,
  withTile,
  EDITOR_LIMITS,
} from '../../src/rl/map-edit';
import { defaultMaxSteps } from '../../src/rl/env-basics';
import {
  generateRandomMap,
  MAX_MAP_SIDE,
  parseMap,
  reachableStates,
  splitMapRows,
} from '../../src/rl/maps';
import { createRng, type Rng } from '../../src/rl/rng';

/** An `Rng` whose uniforms are `draws` in order (then 0), for a map drawn tile by tile. */
function drawsOf(draws: readonly number[]): Rng {
  let i = 0;
  return { ...createRng(0), uniform: () => draws[i++] ?? 0 };
}

describe('splitMapRows', () => {
  it('drops the empty rows a leading or trailing separator leaves', () => {
    expect(splitMapRows(',sf,FG,')).toEqual(['SF', 'FG']);
  });
});

describe('parseMap, edge rules', () => {
  it('says a one-tile map needs an S and a G', () => {
    expect(() => parseMap(['S'])).toThrow('The map needs at least two tiles: one S and one G.');
  });

  it('reaches a goal to the left of the start', () => {
    expect(parseMap(['GS'])).toEqual(['GS']);
  });
});

describe('reachableStates, the start itself', () => {
  it('marks the start at row r0, column c0 even when only holes surround it', () => {
    // State = r0·ncol + c0 = 1·3 + 1 = 4; its four neighbours are holes, entered but not left.
    expect(Array.from(reachableStates(['HHH', 'HSH', 'HHH'], 1, 1))).toEqual([
      0, 1, 0, 1, 1, 1, 0, 1, 0,
    ]);
  });
});

describe('generateRandomMap, limits and draws', () => {
  it('draws a map of the largest side', () => {
    expect(generateRandomMap(MAX_MAP_SIDE, 0.9, 1)).toHaveLength(MAX_MAP_SIDE);
  });

  it('names the sizes it accepts', () => {
    expect(() => generateRandomMap(MAX_MAP_SIDE + 1)).toThrow(
      `Random map size must be a whole number from 2 to ${MAX_MAP_SIDE}.`,
    );
  });

  it('refuses p = 0 at once, naming the range of p', () => {
    expect(() => generateRandomMap(2, 0)).toThrow(
      'The frozen-tile probability p must be in (0, 1].',
    );
  });

  it('makes a tile a hole when its draw equals p (frozen only below p)', () => {
    // Tiles in reading order: (0, 0) is then S, (0, 1) draws 0.5 = p, (1, 0) draws 0, (1, 1) is G.
    expect(generateRandomMap(2, 0.5, drawsOf([0, 0.5, 0, 0]))).toEqual(['SH', 'FG']);
  });
});

describe('withTile off the map', () => {
  it('refuses the column just past the row’s end', () => {
    expect(() => withTile(['SF', 'FG'], 0, 2, 'H')).toThrow(
      'There is no tile at row 1, column 3 on this map.',
    );
  });
});

describe('fitToEditor, degenerate and wide maps', () => {
  it('pads an empty map to the smallest editor map, frozen', () => {
    const side = EDITOR_LIMITS.rows.min;
    expect(fitToEditor([])).toEqual({ rows: Array(side).fill('F'.repeat(side)), resized: true });
  });

  it('cuts a map that is only too wide', () => {
    const wide = [
      'S' + 'F'.repeat(EDITOR_LIMITS.cols.max),
      'F'.repeat(EDITOR_LIMITS.cols.max) + 'G',
    ];
    const fitted = fitToEditor(wide);
    expect(fitted.resized).toBe(true);
    expect(fitted.rows.map((r) => r.length)).toEqual([
      EDITOR_LIMITS.cols.max,
      EDITOR_LIMITS.cols.max,
    ]);
  });
});

describe('checkEditedMap, degenerate maps', () => {
  it('reports an empty map with no unreachable tiles', () => {
    const check = checkEditedMap([]);
    expect(check.error?.rule).toBe('empty');
    expect(check.unreachable).toEqual([]);
  });

  it('reports an empty first row without searching from a start', () => {
    const check = checkEditedMap(['', 'SG']);
    expect(check.error?.rule).toBe('empty');
    expect(check.unreachable).toEqual([]);
  });

  it('lists no unreachable tile when there are two starts', () => {
    // From the first S the second is cut off by holes, but with two starts there is no single
    // start to move from.
    const check = checkEditedMap(['SH', 'HS']);
    expect(check.error?.rule).toBe('many-starts');
    expect(check.unreachable).toEqual([]);
  });

  it('passes on an error that is not a broken map rule', () => {
    expect(() => checkEditedMap([null as unknown as string])).toThrow(TypeError);
  });
});

describe('timeLimitFor after an empty map', () => {
  it('treats the empty map’s default limit as a default', () => {
    const rows = ['SFFF', 'FFFF', 'FFFF', 'FFFG', 'FFFF'];
    expect(timeLimitFor(rows, { map: [], maxSteps: defaultMaxSteps(0, 0) })).toBe(
      defaultMaxSteps(rows.length, rows[0]!.length),
    );
  });
});
