/**
 * Dynamic programming's grid: V_k(s) in each cell on the lab's value colours, the greedy (or
 * evaluated) action as an arrow, a ring on the states whose action the latest improvement changed,
 * and an outline on the selected cell. An ARIA grid like the main board (`grid-a11y`): one tab
 * stop, the arrow keys move it, Enter, Space or a click select a cell. Built once per map;
 * `update` rewrites fills, texts, arrows and names only.
 */
import { select } from 'd3-selection';
import { ACTION_NAMES } from '../rl/env';
import { tileLetter, TILE_NAMES } from './describe';
import { vAt } from './dp-format';
import { formatSigned } from './format';
import { arrowPath, CELL_SIZE, cellCentre, cellOrigin, gridLayout, TILE_GAP } from './geometry';
import { createGridKeyboard } from './grid-a11y';
import { contrastingText, sequentialScale, type Palette } from './scales';
import { setAttrs } from './svg';
import { INK_COLORS, TILE_COLORS } from './theme';

/** What the grid shows. */
export interface DpGridData {
  desc: readonly string[];
  /** V_k(s). */
  v: ArrayLike<number>;
  /** The action drawn per state (greedy in Q_k, or the policy under evaluation). */
  policy: ArrayLike<number>;
  /** What the arrow means in a cell's name: "greedy" or "policy". */
  policyWord: string;
  /** Sweeps taken (k), for the names: "V₃ 0.1234". */
  sweeps: number;
  /** States to ring: their action changed at the latest improvement. */
  changed: readonly number[];
  /** The selected state, or null. */
  selected: number | null;
}

/** A mounted grid. */
export interface DpGrid {
  readonly element: SVGSVGElement;
  update(data: DpGridData): void;
  destroy(): void;
}

/** The arrow, centred under the value: from 8 units behind the arrow's origin to 18 ahead. */
const ARROW = { from: -8, to: 18, shaftWidth: 7, headWidth: 20, headLength: 12 };
/** Where the arrow's origin sits below a cell's centre, clear of the value above it. */
const ARROW_DROP = 16;

/** The arrow's origin in a cell: below its centre. */
const below = ([x, y]: readonly [number, number]): [number, number] => [x, y + ARROW_DROP];

/**
 * A cell's accessible name: "state 4, V₃ 0.1234, greedy Left, changed"; it holds the value as
 * the cell writes it (4 decimals), so what is heard matches what is seen.
 */
export function dpCellName(data: DpGridData, s: number): string {
  const ncol = data.desc[0]!.length;
  const tile = tileLetter(data.desc, ncol, s);
  const parts = [`state ${s}`];
  if (tile !== 'F') parts.push(TILE_NAMES[tile]);
  if (tile === 'H' || tile === 'G') parts.push('the episode ends here');
  else {
    parts.push(`${vAt(data.sweeps)} ${formatSigned(data.v[s]!, 4)}`);
    parts.push(`${data.policyWord} ${ACTION_NAMES[data.policy[s]!]}`);
    if (data.changed.includes(s)) parts.push('changed');
  }
  return parts.join(', ');
}

/** Mounts the grid in `host`; `onSelect` hears a chosen state. */
export function createDpGrid(
  host: HTMLElement,
  onSelect: (state: number) => void,
  palette: Palette = 'default',
): DpGrid {
  const svg = select(host)
    .append('svg')
    .attr('class', 'dp-grid')
    .attr('role', 'grid')
    .style('font-variant-numeric', 'tabular-nums');
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
    const layout = gridLayout(desc.length, desc[0]!.length);
    ({ nrow, ncol } = layout);
    svg
      .attr('viewBox', `0 0 ${ncol * CELL_SIZE} ${nrow * CELL_SIZE}`)
      .selectAll('*')
      .remove();
    for (let r = 0; r < nrow; r++) {
      const row = svg.append('g').attr('role', 'row');
      for (let c = 0; c < ncol; c++) {
        const s = r * ncol + c;
        const [x, y] = cellOrigin(ncol, s);
        const cell = row
          .append('g')
          .attr('role', 'gridcell')
          .attr('data-state', s)
          .attr('class', 'dp-cell');
        setAttrs(cell.append('rect'), {
          class: 'dp-tile',
          x: x + TILE_GAP / 2,
          y: y + TILE_GAP / 2,
          width: CELL_SIZE - TILE_GAP,
          height: CELL_SIZE - TILE_GAP,
          rx: 10,
        });
        cell.append('path').attr('class', 'dp-arrow').attr('fill', INK_COLORS.arrow);
        setAttrs(cell.append('text'), {
          class: 'dp-value',
          x: x + CELL_SIZE / 2,
          y: y + 34,
          'text-anchor': 'middle',
          'font-size': 17,
          'aria-hidden': 'true',
        });
        setAttrs(cell.append('rect'), {
          class: 'dp-mark',
          x: x + TILE_GAP,
          y: y + TILE_GAP,
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
        svg.attr('aria-label', `Value iteration grid, ${nrow} by ${ncol}`);
      }
      let top = 0;
      for (let s = 0; s < data.v.length; s++) top = Math.max(top, data.v[s]!);
      const scale = sequentialScale([0, top], palette);
      svg.selectAll<SVGGElement, unknown>('g.dp-cell').each(function () {
        const s = Number(this.getAttribute('data-state'));
        const tile = tileLetter(data.desc, ncol, s);
        const ends = tile === 'H' || tile === 'G';
        const fill =
          tile === 'H'
            ? TILE_COLORS.waterDark
            : tile === 'G'
              ? TILE_COLORS.goalDark
              : scale(data.v[s]!);
        const cell = select(this)
          .attr('aria-label', dpCellName(data, s))
          .attr('aria-selected', data.selected === s ? 'true' : 'false');
        cell.select('.dp-tile').attr('fill', fill);
        cell
          .select('.dp-value')
          .attr('fill', contrastingText(fill))
          .text(ends ? tile : formatSigned(data.v[s]!, 4));
        cell
          .select('.dp-arrow')
          .attr('d', ends ? null : arrowPath(data.policy[s]!, ARROW, below(cellCentre(ncol, s))))
          .attr('fill', contrastingText(fill));
        const ringed = data.selected === s || data.changed.includes(s);
        cell
          .select('.dp-mark')
          .attr(
            'stroke',
            data.selected === s ? INK_COLORS.agent : ringed ? INK_COLORS.burstEdge : null,
          )
          .attr('stroke-dasharray', data.selected !== s && ringed ? '10 6' : null);
      });
    },
    destroy() {
      keyboard.destroy();
      svg.remove();
    },
  };
}
