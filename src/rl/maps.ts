/**
 * Ice Maze maps as Gymnasium's FrozenLake-v1 writes them: rows of S (start), F (frozen),
 * H (hole) and G (goal). Parsing validates a map and names the row, column or rule it breaks.
 */
import { createRng, type Rng } from './rng';

/** One map tile. */
export type Tile = 'S' | 'F' | 'H' | 'G';

/** Gymnasium's named maps (`gymnasium/envs/toy_text/frozen_lake.py`, `MAPS`). */
export const MAPS = {
  '4x4': ['SFFF', 'FHFH', 'FFFH', 'HFFG'],
  '8x8': [
    'SFFFFFFF',
    'FFFFFFFF',
    'FFFHFFFF',
    'FFFFFHFF',
    'FFFHFFFF',
    'FHHFFFHF',
    'FHFFHFHF',
    'FFFHFFFG',
  ],
} as const satisfies Record<string, readonly string[]>;

/** A named map key. */
export type MapName = keyof typeof MAPS;

/** Smallest and largest side a map may have (the grid must stay drawable and trainable). */
export const MIN_MAP_SIDE = 1;
export const MAX_MAP_SIDE = 32;

/** A map that broke a rule; `row` and `col` are 0-based when the problem has a place. */
export class MapError extends Error {
  constructor(
    message: string,
    /** Which rule was broken. */
    readonly rule:
      | 'empty'
      | 'not-rectangular'
      | 'bad-tile'
      | 'no-start'
      | 'many-starts'
      | 'no-goal'
      | 'unreachable'
      | 'too-small'
      | 'too-large',
    readonly row?: number,
    readonly col?: number,
  ) {
    super(message);
    this.name = 'MapError';
  }
}

/** True if `name` is one of Gymnasium's named maps. */
export function isMapName(name: string): name is MapName {
  return Object.prototype.hasOwnProperty.call(MAPS, name);
}

/**
 * Splits a map written on one line (`SFFF,FHFH,FFFH,HFFG`, or separated by `/`, `;`, spaces or
 * new lines) into rows. Letters are upper-cased; nothing else is changed, so `parseMap` can still
 * name a bad character where it stands.
 */
export function splitMapRows(text: string): string[] {
  return (
    text
      .trim()
      .split(/[\s,;/|]+/)
      .filter((r) => r.length > 0)
      // ASCII only: 'ſ'.toUpperCase() is 'S' and 'ß' becomes 'SS', which would hide a bad character.
      .map((r) => r.replace(/[a-z]+/g, (x) => x.toUpperCase()))
  );
}

/**
 * Validates rows of tiles and returns them unchanged. Throws a `MapError` naming the first
 * problem (rows and columns in messages count from 1, as a person reads a grid).
 *
 * Rules: 1–32 rows of equal length 1–32, only S F H G, exactly one S, at least one G, and some G
 * reachable from S by moves through non-hole tiles (Gymnasium's `is_valid`).
 */
export function parseMap(rows: readonly string[]): string[] {
  if (rows.length === 0) throw new MapError('The map is empty: give at least one row.', 'empty');
  if (rows.length > MAX_MAP_SIDE)
    throw new MapError(
      `The map has ${rows.length} rows; at most ${MAX_MAP_SIDE} are allowed.`,
      'too-large',
    );
  const ncol = rows[0]!.length;
  if (ncol < MIN_MAP_SIDE) throw new MapError('Row 1 is empty.', 'empty', 0);
  if (ncol > MAX_MAP_SIDE)
    throw new MapError(
      `The map has ${ncol} columns; at most ${MAX_MAP_SIDE} are allowed.`,
      'too-large',
    );
  let start: [number, number] | undefined;
  let goals = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length !== ncol)
      throw new MapError(
        `Row ${r + 1} has ${row.length} tiles but row 1 has ${ncol}: the map must be rectangular.`,
        'not-rectangular',
        r,
      );
    for (let c = 0; c < ncol; c++) {
      const ch = row[c]!;
      if (ch !== 'S' && ch !== 'F' && ch !== 'H' && ch !== 'G')
        throw new MapError(
          `Unknown tile "${ch}" at row ${r + 1}, column ${c + 1}: use S (start), F (frozen), H (hole) or G (goal).`,
          'bad-tile',
          r,
          c,
        );
      if (ch === 'S') {
        if (start)
          throw new MapError(
            `A second start S at row ${r + 1}, column ${c + 1} (the first is at row ${start[0] + 1}, column ${start[1] + 1}): a map has exactly one S.`,
            'many-starts',
            r,
            c,
          );
        start = [r, c];
      } else if (ch === 'G') goals++;
    }
  }
  if (rows.length * ncol < 2)
    throw new MapError('The map needs at least two tiles: one S and one G.', 'too-small');
  if (!start) throw new MapError('The map has no start: put one S on it.', 'no-start');
  if (goals === 0) throw new MapError('The map has no goal: put at least one G on it.', 'no-goal');
  if (!goalReachable(rows, start[0], start[1]))
    throw new MapError(
      `No goal G can be reached from the start S at row ${start[0] + 1}, column ${start[1] + 1} without crossing a hole H.`,
      'unreachable',
      start[0],
      start[1],
    );
  return [...rows];
}

/**
 * The states the agent can ever stand on, starting at (r0, c0): 1 where reachable. Reachability
 * over the transition model: from a frozen or start tile every one of the four moves has positive
 * probability under some action, slippery or not (on slippery ice direction d is the intended
 * move of action d when the success rate is above 0, and a side move of actions d ± 1 when it is
 * below 1), a move into the border stays put, and holes and goals are absorbing, so they are
 * entered but never left. State = row · ncol + col.
 */
export function reachableStates(rows: readonly string[], r0: number, c0: number): Uint8Array {
  const nrow = rows.length;
  const ncol = rows[0]!.length;
  const seen = new Uint8Array(nrow * ncol);
  const stack = [r0 * ncol + c0];
  seen[r0 * ncol + c0] = 1;
  while (stack.length > 0) {
    const s = stack.pop()!;
    const r = Math.floor(s / ncol);
    const c = s % ncol;
    const tile = rows[r]![c];
    if (tile === 'G' || tile === 'H') continue;
    const around: Array<[number, number]> = [
      [r, c - 1],
      [r + 1, c],
      [r, c + 1],
      [r - 1, c],
    ];
    for (const [rr, cc] of around) {
      if (rr < 0 || rr >= nrow || cc < 0 || cc >= ncol) continue;
      const n = rr * ncol + cc;
      if (seen[n]) continue;
      seen[n] = 1;
      stack.push(n);
    }
  }
  return seen;
}

/** True when some G is among the states reachable from (r0, c0). */
function goalReachable(rows: readonly string[], r0: number, c0: number): boolean {
  const seen = reachableStates(rows, r0, c0);
  const tiles = rows.join('');
  for (let s = 0; s < tiles.length; s++) if (seen[s] && tiles[s] === 'G') return true;
  return false;
}

/**
 * Draws `generateRandomMap` makes before it gives up. At the page's limits (p ≥ 0.5, side ≤ 12) the
 * hardest case, 12x12 at p = 0.5, has a path in about 1 % of draws (measured: 0.98 % of 20,000), so
 * 10,000 draws all fail with probability about 0.99^10000 ≈ e^−98; below p = 0.5 (a broken limit, a
 * caller of its own) it throws within 10,000 draws (about 0.1 s) instead of looping for ever.
 */
export const RANDOM_MAP_MAX_TRIES = 10_000;

/**
 * A random square map like Gymnasium's `generate_random_map(size, p)`: each tile frozen with
 * probability `p`, else a hole; S at the top left, G at the bottom right; drawn again until G is
 * reachable, at most `RANDOM_MAP_MAX_TRIES` times (then a RangeError). Seeded with this project's
 * generator, so the same seed gives the same map here (not the same map as NumPy's generator would).
 */
export function generateRandomMap(size = 8, p = 0.8, seed: number | Rng = 0): string[] {
  if (!Number.isInteger(size) || size < 2 || size > MAX_MAP_SIDE)
    throw new RangeError(`Random map size must be a whole number from 2 to ${MAX_MAP_SIDE}.`);
  if (!(p > 0 && p <= 1)) throw new RangeError('The frozen-tile probability p must be in (0, 1].');
  const rng = typeof seed === 'number' ? createRng(seed) : seed;
  for (let tries = 0; tries < RANDOM_MAP_MAX_TRIES; tries++) {
    const board: string[][] = [];
    for (let r = 0; r < size; r++) {
      const row: string[] = [];
      for (let c = 0; c < size; c++) row.push(rng.uniform() < p ? 'F' : 'H');
      board.push(row);
    }
    board[0]![0] = 'S';
    board[size - 1]![size - 1] = 'G';
    const rows = board.map((r) => r.join(''));
    if (goalReachable(rows, 0, 0)) return rows;
  }
  throw new RangeError(
    `No ${size}x${size} map with a path from S to G in ${RANDOM_MAP_MAX_TRIES} draws at p = ${p}: ` +
      'raise the frozen-tile probability p.',
  );
}
