/**
 * Words for the grid: accessible names, cell titles, number formats and how a trajectory ended.
 * Rows and columns are counted from 1 here, as a person reads a grid; states from 0, as the code
 * and Gymnasium number them.
 */
import { ACTION_NAMES } from '../rl/env-basics';
import { maskActions } from '../rl/tables';
import type { GridView } from '../shared/grid-view';
import { formatThousands, formatValue } from './format';

/** A map tile letter. */
export type TileLetter = 'S' | 'F' | 'H' | 'G';

/** How an episode (or the last step) ended: in a hole, at the goal, or cut by the time limit. */
export type Outcome = 'hole' | 'goal' | 'timeout';

/** Tile names as the lesson says them. */
export const TILE_NAMES: Readonly<Record<TileLetter, string>> = {
  S: 'start',
  F: 'frozen',
  H: 'hole',
  G: 'goal',
};

/** What each view shows, for accessible names. */
export const VIEW_NAMES: Readonly<Record<GridView, string>> = {
  v: 'state values V',
  q: 'action values Q',
  a: 'advantages A',
  n: 'visit counts N',
  td: 'latest TD error sizes |δ|',
};

/**
 * Legend captions; `_x` marks a subscript x (the legend draws it lowered, e.g. maxₐ).
 * A(s,a) = Q(s,a) − V(s) and V(s) = max_a Q(s,a).
 */
export const VIEW_LABELS: Readonly<Record<GridView, string>> = {
  v: 'V(s) = max_a Q(s,a)',
  q: 'Q(s,a)',
  a: 'A(s,a) = Q(s,a) − V(s)',
  n: 'N(s,a), updates per action',
  td: '|δ(s,a)|, latest TD error',
};

/**
 * What a layer adds to a cell's title, for the per-action views that are not about Q:
 *   'n'   "N(s) = 7 updates: Left 2, Down 0, Right 5, Up 0."   (N(s) = Σ_a N(s, a))
 *   'td'  "Latest |δ|: Left 0.12, Down 0.00, Right 0.05, Up 0.00."
 * Empty for the other views and for terminal tiles (no action is taken there).
 */
export function layerSentence(
  view: GridView,
  tile: TileLetter,
  perAction: readonly number[],
): string {
  if (isTerminalTile(tile) || (view !== 'n' && view !== 'td')) return '';
  const list = (fmt: (x: number) => string) =>
    ACTION_NAMES.map((name, a) => `${name} ${fmt(perAction[a] ?? NaN)}`).join(', ');
  if (view === 'n') {
    const total = perAction.reduce((sum, x) => sum + x, 0);
    return ` N(s) = ${formatThousands(total)} updates: ${list(formatThousands)}.`;
  }
  return ` Latest |δ|: ${list((x) => formatValue(Math.abs(x)))}.`;
}

/** The tile letter at state s of a map (`'F'` outside the map or for an unknown letter). */
export function tileLetter(desc: readonly string[], ncol: number, s: number): TileLetter {
  const ch = desc[Math.floor(s / ncol)]?.[s % ncol];
  return ch === 'S' || ch === 'H' || ch === 'G' ? ch : 'F';
}

/** Holes and goals end the episode: nothing is learned there and no action is taken. */
export function isTerminalTile(tile: TileLetter): boolean {
  return tile === 'H' || tile === 'G';
}

/** The accessible name of the board, e.g. "Ice Maze 4 by 4, view: state values V". */
export function gridLabel(nrow: number, ncol: number, view: GridView, title = 'Ice Maze'): string {
  return `${title} ${nrow} by ${ncol}, view: ${VIEW_NAMES[view]}`;
}

/** The facts a cell's title states. */
export interface CellFacts {
  state: number;
  ncol: number;
  tile: TileLetter;
  /** V(s). */
  value: number;
  /** Bit a set when action a is greedy. */
  greedyMask: number;
}

/**
 * The title of a cell, e.g. "State 5 (row 2, column 2), hole. V = 0.00, the episode ends here." or
 * "State 0 (row 1, column 1), start. V = 0.00. Greedy: Left, Down, Right, Up (tie)."
 */
export function cellTitle(f: CellFacts): string {
  const row = Math.floor(f.state / f.ncol) + 1;
  const col = (f.state % f.ncol) + 1;
  const head = `State ${f.state} (row ${row}, column ${col}), ${TILE_NAMES[f.tile]}`;
  if (isTerminalTile(f.tile)) return `${head}. V = ${formatValue(f.value)}, the episode ends here.`;
  const greedy = maskActions(f.greedyMask).map((a) => ACTION_NAMES[a]);
  const policy =
    greedy.length === 0
      ? 'no greedy action'
      : `Greedy: ${greedy.join(', ')}${greedy.length > 1 ? ' (tie)' : ''}`;
  return `${head}. V = ${formatValue(f.value)}. ${policy}.`;
}

/**
 * How a trajectory ended: `'goal'` or `'hole'` when it terminated on such a tile, `'timeout'`
 * when it was truncated, `null` while it is still running.
 */
export function trajectoryOutcome(
  desc: readonly string[],
  ncol: number,
  lastState: number,
  terminated: boolean,
  truncated: boolean,
): Outcome | null {
  if (terminated) {
    const tile = tileLetter(desc, ncol, lastState);
    if (tile === 'G') return 'goal';
    if (tile === 'H') return 'hole';
  }
  return truncated ? 'timeout' : null;
}

/** The words over the agent after a step: "random" for an ε-exploratory action, "slipped" when the ice moved it elsewhere. */
export function stepLabel(explored: boolean, slipped: boolean): string {
  const parts: string[] = [];
  if (explored) parts.push('random (ε)');
  if (slipped) parts.push('slipped!');
  return parts.join(' · ');
}

/** Splits a caption at `_x` subscripts: "max_a Q" → [{ text: "max" }, { text: "a", sub: true }, { text: " Q" }]. */
export function captionParts(label: string): { text: string; sub: boolean }[] {
  const parts: { text: string; sub: boolean }[] = [];
  const re = /_([A-Za-z0-9′']+)/g;
  let last = 0;
  for (let m = re.exec(label); m; m = re.exec(label)) {
    if (m.index > last) parts.push({ text: label.slice(last, m.index), sub: false });
    parts.push({ text: m[1]!, sub: true });
    last = m.index + m[0].length;
  }
  if (last < label.length) parts.push({ text: label.slice(last), sub: false });
  return parts;
}

/** A caption without subscript marks, for titles and aria labels: "max_a" → "max over a". */
export function plainCaption(label: string): string {
  return label.replace(/max_([A-Za-z0-9′']+)/g, 'max over $1').replace(/_/g, '');
}
