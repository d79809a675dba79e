/**
 * The grid as an ARIA grid (WAI-ARIA's grid pattern): one `row` per map row, one named `gridcell`
 * per state, a single tab stop that the arrow keys move (a roving tabindex), Enter or Space (or a
 * click) to select a cell. Pure DOM: the grid's renderer owns the cells and tells this module
 * where they are; nothing here knows about React or the store.
 */
import { ACTION_NAMES } from '../rl/env-basics';
import { maskActions } from '../rl/tables';
import { isTerminalTile, TILE_NAMES, type TileLetter } from './describe';
import { formatValue } from './format';

/** What a cell's accessible name says. */
export interface CellNameFacts {
  state: number;
  tile: TileLetter;
  /** V(s). */
  value: number;
  /** Bit a set when action a is greedy. */
  greedyMask: number;
  /** The agent stands here. */
  agentHere: boolean;
}

/**
 * A cell's accessible name, short enough to hear while moving: "state 4, V 0.56, greedy Left,
 * agent here"; the tile is named unless it is plain ice ("state 0, start, …"); holes and the goal
 * say the episode ends there.
 */
export function cellName(f: CellNameFacts): string {
  const parts = [`state ${f.state}`];
  if (f.tile !== 'F') parts.push(TILE_NAMES[f.tile]);
  if (isTerminalTile(f.tile)) parts.push('the episode ends here');
  else {
    parts.push(`V ${formatValue(f.value)}`);
    const greedy = maskActions(f.greedyMask).map((a) => ACTION_NAMES[a]);
    parts.push(
      greedy.length === 0
        ? 'no greedy action'
        : `greedy ${greedy.join(', ')}${greedy.length > 1 ? ' (tie)' : ''}`,
    );
  }
  if (f.agentHere) parts.push('agent here');
  return parts.join(', ');
}

/** Where the keyboard focus goes from state `s` on an nrow × ncol board for `key`, or null. */
export function movedFocus(key: string, s: number, nrow: number, ncol: number): number | null {
  const row = Math.floor(s / ncol);
  const col = s % ncol;
  const at = (r: number, c: number) =>
    Math.min(nrow - 1, Math.max(0, r)) * ncol + Math.min(ncol - 1, Math.max(0, c));
  switch (key) {
    case 'ArrowLeft':
      return at(row, col - 1);
    case 'ArrowRight':
      return at(row, col + 1);
    case 'ArrowUp':
      return at(row - 1, col);
    case 'ArrowDown':
      return at(row + 1, col);
    case 'Home':
      return at(row, 0);
    case 'End':
      return at(row, ncol - 1);
    case 'PageUp':
      return at(0, col);
    case 'PageDown':
      return at(nrow - 1, col);
    default:
      return null;
  }
}

/** The keyboard side of the ARIA grid. */
export interface GridKeyboard {
  /** The state holding the tab stop. */
  tabStop(): number;
  /** Gives the tab stop to the cells of a (new) board: tabindex 0 on one cell, −1 on the rest. */
  refresh(): void;
  /** Removes the listeners. */
  destroy(): void;
}

/**
 * Listens on `root` for keys and clicks on its cells (`[data-state]`): arrows, Home / End
 * (row), PageUp / PageDown (column) move the tab stop and the focus; Enter, Space or a click call
 * `onSelect`. `cellAt(s)` finds a state's cell, `size()` the board's rows and columns.
 */
export function createGridKeyboard(
  root: Element,
  cellAt: (s: number) => SVGGElement | undefined,
  size: () => { nrow: number; ncol: number } | null,
  onSelect?: (state: number) => void,
): GridKeyboard {
  let stop = 0;
  let stopCell: SVGGElement | undefined;

  const give = (s: number) => {
    const next = cellAt(s);
    if (!next) return;
    if (stopCell && stopCell !== next) stopCell.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    stop = s;
    stopCell = next;
  };

  const stateOf = (event: Event): number | null => {
    const cell = (event.target as Element | null)?.closest?.('[data-state]');
    return cell && root.contains(cell) ? Number(cell.getAttribute('data-state')) : null;
  };

  const onKey = (event: Event) => {
    const { key } = event as KeyboardEvent;
    const s = stateOf(event);
    const board = size();
    if (s === null || !board) return;
    if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      onSelect?.(s);
      return;
    }
    const next = movedFocus(key, s, board.nrow, board.ncol);
    if (next === null) return;
    event.preventDefault();
    give(next);
    cellAt(next)?.focus();
  };
  const onClick = (event: Event) => {
    const s = stateOf(event);
    if (s === null) return;
    give(s);
    onSelect?.(s);
  };
  root.addEventListener('keydown', onKey);
  root.addEventListener('click', onClick);

  return {
    tabStop: () => stop,
    refresh() {
      const board = size();
      const n = board ? board.nrow * board.ncol : 0;
      stopCell = undefined;
      for (let s = 0; s < n; s++) cellAt(s)?.setAttribute('tabindex', '-1');
      give(stop < n ? stop : 0);
    },
    destroy() {
      root.removeEventListener('keydown', onKey);
      root.removeEventListener('click', onClick);
    },
  };
}
