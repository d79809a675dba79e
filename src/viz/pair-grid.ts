/**
 * A small heat grid of one number per state-action pair: each cell cut into the four action
 * triangles (Left, Down, Right, Up toward its edges, `trianglePoints`), each filled by its pair's
 * value through the caller's colour scale. What the learner tab draws for the eligibility traces
 * e(s, a) and for what Dyna-Q's model has seen, N(s, a).
 *
 * An ARIA grid like the main board and the DP grid (`grid-a11y`): one tab stop, the arrow keys
 * move it, Enter, Space or a click select a state; the caller names each cell. The selected cell
 * is outlined and, when given, its selected action's triangle too. Built once per map; `update`
 * rewrites fills, names and the marks only.
 */
import { select } from 'd3-selection';
import { tileLetter } from './describe';
import {
  CELL_SIZE,
  TILE_GAP,
  cellOrigin,
  closedPath,
  gridLayout,
  trianglePoints,
} from './geometry';
import { createGridKeyboard } from './grid-a11y';
import type { ColorScale } from './scales';
import { placeAt, setAttrs } from './svg';
import { INK_COLORS, TILE_COLORS } from './theme';

/** What the grid shows. */
export interface PairGridData {
  desc: readonly string[];
  /** One value per pair, at s·4 + a. */
  values: ArrayLike<number>;
  /** Fills a pair's triangle from its value. */
  scale: ColorScale;
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
  let nrow = 0;
  let ncol = 0;
  const cellAt = (s: number) => svg.select<SVGGElement>(`g[data-state="${s}"]`).node() ?? undefined;
  const keyboard = createGridKeyboard(
    svg.node()!,
    cellAt,
    () => (nrow ? { nrow, ncol } : null),
    onSelect,
  );

  const build = (desc: readonly string[]) => {
    ({ nrow, ncol } = gridLayout(desc.length, desc[0]!.length));
    svg
      .attr('viewBox', `0 0 ${ncol * CELL_SIZE} ${nrow * CELL_SIZE}`)
      .selectAll('*')
      .remove();
    for (let r = 0; r < nrow; r++) {
      const row = svg.append('g').attr('role', 'row');
      for (let c = 0; c < ncol; c++) {
        const s = r * ncol + c;
        const cell = row
          .append('g')
          .attr('role', 'gridcell')
          .attr('data-state', s)
          .attr('class', 'pair-cell')
          .attr('transform', placeAt(...cellOrigin(ncol, s)));
        setAttrs(cell.append('rect'), {
          class: 'pair-tile',
          x: TILE_GAP / 2,
          y: TILE_GAP / 2,
          width: CELL_SIZE - TILE_GAP,
          height: CELL_SIZE - TILE_GAP,
          rx: 8,
        });
        for (const a of ACTIONS)
          setAttrs(cell.append('path'), {
            class: 'pair-wedge',
            'data-action': a,
            d: WEDGES[a]!,
            stroke: TILE_COLORS.board,
            'stroke-width': 1.5,
          });
        setAttrs(cell.append('rect'), {
          class: 'pair-mark',
          x: TILE_GAP,
          y: TILE_GAP,
          width: CELL_SIZE - 2 * TILE_GAP,
          height: CELL_SIZE - 2 * TILE_GAP,
          rx: 8,
          fill: 'none',
          'stroke-width': 6,
        });
      }
    }
    keyboard.refresh();
  };

  return {
    element: svg.node()!,
    update(data) {
      const key = data.desc.join(',');
      if (key !== mapKey) {
        mapKey = key;
        build(data.desc);
      }
      svg.selectAll<SVGGElement, unknown>('g.pair-cell').each(function () {
        const s = Number(this.getAttribute('data-state'));
        const tile = tileLetter(data.desc, ncol, s);
        const ends = tile === 'H' || tile === 'G';
        const picked = data.selected === s;
        const cell = select(this)
          .attr('aria-label', data.name(s))
          .attr('aria-selected', picked ? 'true' : 'false');
        cell
          .select('.pair-tile')
          .attr('fill', tile === 'H' ? TILE_COLORS.waterDark : TILE_COLORS.goalDark)
          .attr('display', ends ? null : 'none');
        cell
          .selectAll<SVGPathElement, unknown>('.pair-wedge')
          .attr('display', ends ? 'none' : null)
          .each(function () {
            const a = Number(this.getAttribute('data-action'));
            const on = picked && data.selectedAction === a;
            select(this)
              .attr('fill', ends ? null : data.scale(data.values[s * 4 + a] ?? NaN))
              .attr('stroke', on ? INK_COLORS.agent : TILE_COLORS.board)
              .attr('stroke-width', on ? 5 : 1.5);
          });
        cell.select('.pair-mark').attr('stroke', picked ? INK_COLORS.agent : null);
      });
    },
    destroy() {
      keyboard.destroy();
      svg.remove();
    },
  };
}
