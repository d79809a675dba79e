/**
 * A small, cheap picture of a learner for galleries: each cell filled by V(s) (holes dark, the
 * goal green), the greedy action as a short tick, and a trajectory as a line. Built once per map;
 * `update` only changes fills, ticks and the path.
 */
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { sequentialScale, type Palette } from './scales';
import { setAttrs } from './svg';
import { INK_COLORS, TILE_COLORS } from './theme';

/** What a mini grid shows. */
export interface MiniGridData {
  desc: readonly string[];
  /** V(s) per state. */
  v: ArrayLike<number>;
  /** Bit a set when a is greedy at s. */
  greedyMask: ArrayLike<number>;
  /** States visited, in order (`length + 1` of them), or null. */
  path: { states: ArrayLike<number>; length: number } | null;
  /** Colour domain of V, e.g. [0, max V*]. */
  domain: readonly [number, number];
  /** The state where a marker shows the agent (optional; none when absent or null). */
  agent?: number | null;
  /** Fill of a frozen cell's value; default: the palette's sequential scale over `domain`. */
  fill?: (value: number) => string;
  /** Text per state, shown as the cell's tooltip (`<title>`); none when absent. */
  titles?: readonly string[];
}

/** A mounted mini grid. */
export interface MiniGrid {
  readonly element: SVGSVGElement;
  update(data: MiniGridData): void;
  destroy(): void;
}

const CELL = 20;
/** Tick from the centre toward an edge for Left, Down, Right, Up. */
const TICKS: readonly (readonly [number, number])[] = [
  [-1, 0],
  [0, 1],
  [1, 0],
  [0, -1],
];

/** Mounts a mini grid in `host`; `label` is its accessible name (null: decorative, hidden). */
export function createMiniGrid(
  host: HTMLElement,
  label: string | null,
  palette: Palette = 'default',
): MiniGrid {
  const svg = select(host)
    .append('svg')
    .attr('class', 'mini-grid')
    .attr('role', label === null ? null : 'img')
    .attr('aria-label', label)
    .attr('aria-hidden', label === null ? 'true' : null);
  const cells = svg.append('g');
  const ticks = svg.append('g').attr('stroke', '#1b2a3a').attr('stroke-width', 1.6);
  const path = setAttrs(svg.append('path'), {
    fill: 'none',
    stroke: '#5b3fd0',
    'stroke-width': 1.8,
    'stroke-opacity': 0.85,
    'stroke-linejoin': 'round',
  });
  const agent = setAttrs(svg.append('circle'), {
    class: 'mini-grid-agent',
    r: CELL * 0.28,
    fill: INK_COLORS.agent,
    stroke: INK_COLORS.halo,
    'stroke-width': 1.5,
    // Hidden until an update places it: an empty grid shows no stray marker in its corner.
    display: 'none',
  });
  let mapKey = '';
  let ncol = 1;

  const centre = (s: number): [number, number] => [
    (s % ncol) * CELL + CELL / 2,
    Math.floor(s / ncol) * CELL + CELL / 2,
  ];

  return {
    element: svg.node()!,
    update(data) {
      const { desc } = data;
      const tiles = desc.join('');
      ncol = desc[0]!.length;
      const mapChanged = tiles !== mapKey;
      if (mapChanged) {
        mapKey = tiles;
        svg.attr('viewBox', `0 0 ${ncol * CELL} ${desc.length * CELL}`);
      }
      const scale = data.fill ?? sequentialScale(data.domain, palette);
      const titles = data.titles;
      const rects = cells
        .selectAll<SVGRectElement, number>('rect')
        .data(Array.from({ length: tiles.length }, (_, s) => s))
        .join('rect');
      // Geometry only when the map changes: an update rewrites fills, not every rect's layout.
      if (mapChanged)
        rects
          .attr('data-state', (s) => s)
          .attr('x', (s) => (s % ncol) * CELL + 0.5)
          .attr('y', (s) => Math.floor(s / ncol) * CELL + 0.5)
          .attr('width', CELL - 1)
          .attr('height', CELL - 1)
          .attr('rx', 2);
      rects
        .attr('fill', (s) =>
          tiles[s] === 'H'
            ? TILE_COLORS.waterDark
            : tiles[s] === 'G'
              ? TILE_COLORS.goalDark
              : scale(data.v[s] ?? 0),
        )
        .selectAll<SVGTitleElement, string>('title')
        .data((s) => (titles ? [titles[s] ?? ''] : []))
        .join('title')
        .each(function (t) {
          if (this.textContent !== t) this.textContent = t;
        });
      const marks: { s: number; a: number }[] = [];
      for (let s = 0; s < tiles.length; s++) {
        if (tiles[s] === 'H' || tiles[s] === 'G') continue;
        const mask = data.greedyMask[s] ?? 0;
        // Only a single greedy action gets a tick; ties (no preference yet) stay blank.
        if (mask && (mask & (mask - 1)) === 0) marks.push({ s, a: Math.log2(mask) });
      }
      ticks
        .selectAll<SVGLineElement, { s: number; a: number }>('line')
        .data(marks)
        .join('line')
        .attr('x1', (d) => centre(d.s)[0])
        .attr('y1', (d) => centre(d.s)[1])
        .attr('x2', (d) => centre(d.s)[0] + TICKS[d.a]![0] * CELL * 0.38)
        .attr('y2', (d) => centre(d.s)[1] + TICKS[d.a]![1] * CELL * 0.38);
      const p = data.path;
      const points: [number, number][] = [];
      if (p) for (let i = 0; i <= p.length; i++) points.push(centre(p.states[i] ?? 0));
      path.attr('d', points.length > 1 ? line()(points) : null);
      const at = data.agent ?? null;
      agent
        .attr('display', at === null ? 'none' : null)
        .attr('cx', at === null ? 0 : centre(at)[0])
        .attr('cy', at === null ? 0 : centre(at)[1]);
    },
    destroy() {
      svg.remove();
    },
  };
}
