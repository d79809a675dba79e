/**
 * A small heat grid of one number per state-action pair: each cell cut into the four action
 * triangles (Left, Down, Right, Up toward its edges, `trianglePoints`), each filled by its pair's
 * value through the caller's fill (a colour scale, or the traces' violet). What the learner tab draws for the eligibility traces
 * e(s, a) and for what Dyna-Q's model has seen, N(s, a).
 *
 * An ARIA grid like the main board and the DP grid (`grid-a11y`): one tab stop, the arrow keys
 * move it, Enter, Space or a click select a state; the caller names each cell. The selected cell
 * is outlined and, when given, its selected action's triangle too. Holes and the goal show their
 * tile (no pairs to fill). Built once per map; `update` rewrites fills, names and the marks only.
 */
import { select } from 'd3-selection';
import { isTerminalTile, tileLetter } from './describe';
import {
  CELL_SIZE,
  TILE_GAP,
  cellOrigin,
  closedPath,
  gridLayout,
  trianglePoints,
  type GridLayout,
} from './geometry';
import { createGridKeyboard } from './grid-a11y';
import { placeAt, setAttrs } from './svg';
import { INK_COLORS, TILE_COLORS } from './theme';

/** What the grid shows. */
export interface PairGridData {
  desc: readonly string[];
  /** One value per pair, at s·4 + a. */
  values: ArrayLike<number>;
  /** Fills a pair's triangle from its value (a `ColorScale` is one). */
  fill: (value: number) => string;
  /** The accessible name of state s's cell (it should say the numbers the cell shows). */
  name: (s: number) => string;
  /** The selected state, or null. */
  selected: number | null;
  /** The selected action of the selected state, outlined; null or absent: none. */
  selectedAction?: number | null;
}

/** A mounted pair grid. */
export interface PairGrid {
  readonly element: SVGSVGElement;
  update(data: PairGridData): void;
  destroy(): void;
}

const ACTIONS = [0, 1, 2, 3] as const;
/** The triangles' outlines, cell-local, one per action (the same in every cell). */
const WEDGES = ACTIONS.map((a) => closedPath(trianglePoints(a)));
/** A hole's or the goal's tile: the four triangles' box. */
const TILE_CORNERS = [
  [TILE_GAP / 2, TILE_GAP / 2],
  [CELL_SIZE - TILE_GAP / 2, TILE_GAP / 2],
  [CELL_SIZE - TILE_GAP / 2, CELL_SIZE - TILE_GAP / 2],
  [TILE_GAP / 2, CELL_SIZE - TILE_GAP / 2],
] as const;

/** Mounts the grid in `host`, named `label`; `onSelect` hears a chosen state. */
export function createPairGrid(
  host: HTMLElement,
  label: string,
  onSelect: (state: number) => void,
): PairGrid {
  const svg = select(host)
    .append('svg')
    .attr('class', 'pair-grid')
    .attr('role', 'grid')
    .attr('aria-label', label);
  let mapKey = '';
  let layout: GridLayout | null = null;
  let ncol = 1;
  /** Each state's cell, for the keyboard's roving tab stop. */
  let cells: SVGGElement[] = [];
  const keyboard = createGridKeyboard(
    svg.node()!,
    (s) => cells[s],
    () => layout,
    onSelect,
  );

  // One outline, moved to the selected cell (cells hold only what they show).
  const mark = setAttrs(svg.append('rect'), {
    class: 'pair-mark',
    width: CELL_SIZE - 2 * TILE_GAP,
    height: CELL_SIZE - 2 * TILE_GAP,
    rx: 8,
    fill: 'none',
    stroke: INK_COLORS.agent,
    'stroke-width': 6,
    'pointer-events': 'none',
  });

  /** Rows of cells: the four triangles of a frozen cell, or the tile of a hole or the goal. */
  const build = (desc: readonly string[]) => {
    mapKey = desc.join(',');
    layout = gridLayout(desc.length, desc[0]!.length);
    ncol = layout.ncol;
    const { nrow } = layout;
    cells = [];
    svg.attr('viewBox', `0 0 ${ncol * CELL_SIZE} ${nrow * CELL_SIZE}`);
    svg.selectAll('g[role="row"]').remove();
    for (let r = 0; r < nrow; r++) {
      const row = svg.insert('g', 'rect.pair-mark').attr('role', 'row');
      for (let c = 0; c < ncol; c++) {
        const s = r * ncol + c;
        const tile = tileLetter(desc, ncol, s);
        const cell = row
          .append('g')
          .attr('role', 'gridcell')
          .attr('data-state', s)
          .attr('class', 'pair-cell')
          .attr('transform', placeAt(...cellOrigin(ncol, s)));
        cells.push(cell.node()!);
        if (isTerminalTile(tile))
          cell
            .append('path')
            .attr('class', 'pair-tile')
            .attr('d', closedPath(TILE_CORNERS))
            .attr('fill', tile === 'H' ? TILE_COLORS.waterDark : TILE_COLORS.goalDark);
        else
          cell
            .selectAll('path')
            .data(ACTIONS)
            .join('path')
            .attr('class', 'pair-wedge')
            .attr('data-action', (a) => a)
            .attr('d', (a) => WEDGES[a]!)
            .attr('stroke', TILE_COLORS.board);
      }
    }
    keyboard.refresh();
  };

  return {
    element: svg.node()!,
    update(data) {
      if (data.desc.join(',') !== mapKey) build(data.desc);
      svg.selectAll<SVGGElement, unknown>('g.pair-cell').each(function () {
        const s = Number(this.getAttribute('data-state'));
        const picked = data.selected === s;
        const on = (a: number) => picked && data.selectedAction === a;
        select(this)
          .attr('aria-label', data.name(s))
          .attr('aria-selected', picked ? 'true' : 'false')
          .selectAll<SVGPathElement, number>('.pair-wedge')
          .attr('fill', (a) => data.fill(data.values[s * 4 + a] ?? NaN))
          .attr('stroke', (a) => (on(a) ? INK_COLORS.agent : TILE_COLORS.board))
          .attr('stroke-width', (a) => (on(a) ? 5 : 1.5))
          .filter(on)
          .raise();
      });
      const at = data.selected;
      const [x, y] = at === null ? [0, 0] : cellOrigin(ncol, at);
      mark
        .attr('display', at === null ? 'none' : null)
        .attr('x', x + TILE_GAP)
        .attr('y', y + TILE_GAP);
    },
    destroy() {
      keyboard.destroy();
      svg.remove();
    },
  };
}
