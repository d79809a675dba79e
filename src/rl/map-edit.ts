/**
 * Editing a map tile by tile: cycling and painting tiles, resizing, and checking every edit with
 * the core's own rules (`parseMap`) plus which tiles the agent could never stand on. Pure: maps
 * are arrays of row strings, and every edit returns new rows, never changing its input.
 */
import { defaultMaxSteps } from './env-basics';
import { MapError, parseMap, reachableStates, type Tile } from './maps';
import { checkLimit, type Limit } from './params';

/** Limits of the map editor's size: 2 to 12 tiles a side, rows and columns set apart. */
export const EDITOR_LIMITS = {
  rows: { label: 'Rows', min: 2, max: 12, integer: true },
  cols: { label: 'Columns', min: 2, max: 12, integer: true },
} as const satisfies Record<string, Limit>;

/** The tiles in the order a click cycles them: Frozen → Hole → Goal → Start → Frozen. */
export const TILE_CYCLE: readonly Tile[] = ['F', 'H', 'G', 'S'];

/** The tile after `tile` in `TILE_CYCLE`. */
export function nextTile(tile: Tile): Tile {
  return TILE_CYCLE[(TILE_CYCLE.indexOf(tile) + 1) % TILE_CYCLE.length]!;
}

/** A tile's name as the editor writes it. */
export const TILE_NAMES: Readonly<Record<Tile, string>> = {
  F: 'Frozen',
  H: 'Hole',
  G: 'Goal',
  S: 'Start',
};

/** "row 2, column 3" for state `s` on a map `ncol` wide (1-based, as `MapError` messages count). */
export function cellName(s: number, ncol: number): string {
  return `row ${Math.floor(s / ncol) + 1}, column ${(s % ncol) + 1}`;
}

/**
 * The rows with the tile at (row, col) set to `tile` (0-based). Returns `rows` itself when the
 * tile is already there, so a drag over painted tiles changes nothing. Throws `RangeError` off
 * the map.
 */
export function withTile(
  rows: readonly string[],
  row: number,
  col: number,
  tile: Tile,
): readonly string[] {
  const line = rows[row];
  if (line === undefined || !Number.isInteger(col) || col < 0 || col >= line.length)
    throw new RangeError(`There is no tile at row ${row + 1}, column ${col + 1} on this map.`);
  if (line[col] === tile) return rows;
  const out = [...rows];
  out[row] = line.slice(0, col) + tile + line.slice(col + 1);
  return out;
}

/**
 * The map resized to `nrow` × `ncol`: tiles keep their place from the top left, new tiles are
 * frozen, tiles beyond the new size are dropped. Both sides must be within `EDITOR_LIMITS`
 * (throws `RangeError` with the limit's own message otherwise).
 */
export function resizeMap(rows: readonly string[], nrow: number, ncol: number): string[] {
  const error = checkLimit(EDITOR_LIMITS.rows, nrow) ?? checkLimit(EDITOR_LIMITS.cols, ncol);
  if (error) throw new RangeError(error);
  const out: string[] = [];
  for (let r = 0; r < nrow; r++) out.push((rows[r] ?? '').slice(0, ncol).padEnd(ncol, 'F'));
  return out;
}

/** Clamps a side into the editor's range. */
function clampSide(n: number, limit: { min: number; max: number }): number {
  return Math.min(limit.max, Math.max(limit.min, n));
}

/**
 * The editor's starting point for a map of any size the lab accepts (1–32 a side): the map
 * itself when it fits the editor's 2–12, else cut or padded to fit (`resized` says so).
 */
export function fitToEditor(rows: readonly string[]): { rows: string[]; resized: boolean } {
  const nrow = clampSide(rows.length, EDITOR_LIMITS.rows);
  const ncol = clampSide(rows[0]?.length ?? 0, EDITOR_LIMITS.cols);
  const resized = nrow !== rows.length || ncol !== (rows[0]?.length ?? 0);
  return { rows: resized ? resizeMap(rows, nrow, ncol) : [...rows], resized };
}

/** What the editor knows about a map after an edit. */
export interface EditCheck {
  /** The first rule the map breaks (the core's `MapError`), or null when it can be trained. */
  error: MapError | null;
  /**
   * States the agent can never stand on, in order: tiles other than holes that no sequence of
   * moves from the start reaches (empty when there is no single start to move from).
   */
  unreachable: number[];
}

/** Checks edited rows with `parseMap` and finds the tiles cut off from the start. */
export function checkEditedMap(rows: readonly string[]): EditCheck {
  let error: MapError | null = null;
  try {
    parseMap(rows);
  } catch (e) {
    if (!(e instanceof MapError)) throw e;
    error = e;
  }
  const tiles = rows.join('');
  const ncol = rows[0]?.length ?? 0;
  const first = tiles.indexOf('S');
  if (first < 0 || tiles.indexOf('S', first + 1) >= 0 || ncol === 0)
    return { error, unreachable: [] };
  const seen = reachableStates(rows, Math.floor(first / ncol), first % ncol);
  const unreachable: number[] = [];
  for (let s = 0; s < tiles.length; s++) if (!seen[s] && tiles[s] !== 'H') unreachable.push(s);
  return { error, unreachable };
}

/**
 * The time limit of a run on `rows` when the previous run was on `previous.map` with
 * `previous.maxSteps`. The rule the map picker follows: a limit left at Gymnasium's for the old
 * map's size (100 up to 16 tiles, 200 above: 100 for 4x4, 200 for 8x8) becomes Gymnasium's for
 * the new size; a limit the user chose is kept.
 */
export function timeLimitFor(
  rows: readonly string[],
  previous: { map: readonly string[]; maxSteps: number },
): number {
  const wasDefault =
    previous.maxSteps === defaultMaxSteps(previous.map.length, previous.map[0]?.length ?? 0);
  return wasDefault ? defaultMaxSteps(rows.length, rows[0]!.length) : previous.maxSteps;
}
