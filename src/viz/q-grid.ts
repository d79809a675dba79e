/**
 * The Q-grid: the Ice Maze board painted with what the learner knows.
 *
 *   view 'v'  each tile filled by V(s) = max_a Q(s, a), the value printed in the middle
 *   view 'q'  each tile cut into four triangles (Left, Down, Right, Up toward its edges), filled by Q(s, a)
 *   view 'a'  the same triangles filled by A(s, a) = Q(s, a) − V(s) ≤ 0, neutral at the greedy actions
 *   view 'n'  the triangles filled by the visit counts N(s, a) (log scale), N(s) = Σ_a N(s, a) in
 *             the middle; no greedy arrows (the middle belongs to the count)
 *   view 'td' the triangles filled by |δ(s, a)|, the size of the latest TD error of each pair
 *
 * Over it: the current trajectory, greedy-policy arrows (every tied action; ties thin and dim),
 * the agent, and its last step (intended vs actual move, splash in a hole, burst at the goal).
 *
 * Layers, bottom to top: cells (tile, value colour, art; carry the titles), the trajectory, the
 * step, effects, the cell overlays (numbers, arrows, badges: drawn over the path and the step's
 * marks so those never cover a value), the agent. Each state's number sits in its top-right
 * corner, clear of the agent's ball in the middle. Only the cells take pointer events.
 *
 * Built once, updated often: `createQGrid` builds the skeleton; `update` joins plain frame data to
 * the existing nodes by key and sets attributes. Cells are made again only when the map changes;
 * per-action nodes are entered by the first frame that needs them. No React, no store.
 */
import { select, type EnterElement, type Selection } from 'd3-selection';
import type { GridView } from '../shared/grid-view';
import { createAgentLayers, type GridStep } from './agent-layer';
import { cellName, createGridKeyboard } from './grid-a11y';
import {
  VIEW_LABELS,
  cellTitle,
  gridLabel,
  isTerminalTile,
  layerSentence,
  tileLetter,
  type TileLetter,
} from './describe';
import { formatCount, formatValue } from './format';
import {
  BOARD_PADDING,
  CELL_SIZE,
  FONT_UNITS,
  NOMINAL_BOARD_PX,
  VALUE_LABEL_ANCHOR,
  arrowPath,
  cellOrigin,
  cellPixels,
  greedyArrowShape,
  gridLayout,
  labelFit,
  pointsAttr,
  triangleLabelPosition,
  trianglePoints,
  type GridLayout,
  type LabelFit,
  type Point,
} from './geometry';
import type { LegendSpec } from './legend';
import {
  advantageScale,
  contrastingText,
  divergingScale,
  magnitudeScale,
  qScale,
  sequentialScale,
  valueScale,
  visitScale,
  type ColorScale,
  type Palette,
} from './scales';
import { placeAt, setAttrs } from './svg';
import { FONT_FAMILY, INK_COLORS, TILE_COLORS } from './theme';
import { createTrajectoryLayer, type GridPath } from './trajectory-layer';
import {
  TILE_INSET,
  TILE_SIDE,
  appendTileBadge,
  appendTileBase,
  appendTileDecor,
  appendTileDefs,
} from './tile-art';

export type { GridStep } from './agent-layer';
export type { Outcome } from './describe';
export type { GridPath } from './trajectory-layer';

/** One picture of the learner, as plain data. Arrays are read during `update`, never kept or changed. */
export interface GridFrame {
  /** Map rows of S, F, H, G. */
  desc: readonly string[];
  /** Q(s, a) = q[s · 4 + a]. */
  q: ArrayLike<number>;
  /** V(s) = max_a Q(s, a). */
  v: ArrayLike<number>;
  /** A(s, a) = Q(s, a) − V(s), flat like q. */
  advantage: ArrayLike<number>;
  /** Bit a of greedyMask[s] set when a is a greedy action of s (all four when Q(s, ·) ties). */
  greedyMask: ArrayLike<number>;
  /** N(s, a), updates of each pair, flat like q (view 'n'; absent: drawn as unknown). */
  visits?: ArrayLike<number>;
  /** The latest TD error δ(s, a) of each pair, flat like q (view 'td' draws |δ|; absent: unknown). */
  tdErrors?: ArrayLike<number>;
  /** Where the agent is when there is no `step` (−1 hides it). */
  agentState: number;
  /** The trajectory to draw (e.g. the current episode), or `null` for none. */
  path: GridPath | null;
  /** The step just taken: the agent moves from `from` to `to` and stays on `to`. */
  step?: GridStep | null;
  /** Animate the step (false: everything jumps to its final place and no transition runs). */
  animate: boolean;
  /** Length of the move animation. */
  durationMs: number;
  /**
   * Fixed colour domains per view (e.g. [0, max V*] to compare colours across a run). Without
   * one a view spans [min(0, min x), max(0, max x)] over the non-terminal states.
   */
  domains?: Partial<Record<GridView, readonly [number, number]>>;
}

/** Options of `createQGrid`. */
export interface QGridOptions {
  /** Initial view; default `'v'`. */
  view?: GridView;
  /** Colour palette; default `'default'`. */
  palette?: Palette;
  /** Name used in the accessible label; default "Ice Maze". */
  title?: string;
  /** Watch the host's size with a ResizeObserver (where one exists); default true. */
  observeResize?: boolean;
  /**
   * Fade a finished episode's path and last step out within a second, so they never hide the
   * numbers for long; default true (a frame of the gallery keeps its path: false).
   */
  fadeEnded?: boolean;
  /**
   * Make the board an ARIA grid (`grid-a11y.ts`): rows of named gridcells, one tab stop moved by
   * the arrow keys. Default false: the board is one named image (a frame in the gallery).
   */
  accessibleGrid?: boolean;
  /** Called when a cell is clicked, or chosen with Enter or Space (an ARIA grid only). */
  onSelect?: (state: number) => void;
}

/** A mounted Q-grid. */
export interface QGrid {
  /** The SVG element (e.g. to export a picture). */
  readonly element: SVGSVGElement;
  /** Draws a frame; interrupts any running animation first. */
  update(frame: GridFrame): void;
  /** Switches between V, Q, A, N and |δ| (redraws the last frame's cells, no animation). */
  setView(view: GridView): void;
  /** Switches the colour palette. */
  setPalette(palette: Palette): void;
  /** Tells the grid its size in CSS pixels, so labels show only where they are readable. */
  resize(size: { width: number; height: number }): void;
  /** The scale of the current view, for a legend; `null` before the first frame. */
  legendSpec(): LegendSpec | null;
  /** Stops animations, disconnects the observer and removes the SVG from the host. */
  destroy(): void;
}

/** Per-cell data of one frame. */
interface CellDatum {
  key: string;
  state: number;
  tile: TileLetter;
  terminal: boolean;
  v: number;
  q: readonly [number, number, number, number];
  adv: readonly [number, number, number, number];
  /** N(s, a) per action. */
  visits: readonly [number, number, number, number];
  /** |δ(s, a)| per action. */
  td: readonly [number, number, number, number];
  mask: number;
}

/** Per-action data of one cell: Q(s, a) or A(s, a) and its colour. */
interface ActionDatum {
  action: number;
  value: number;
  fill: string;
}

/** A greedy arrow: drawn when `on` (bit a of the mask), thin when the greedy actions `tie`. */
interface ArrowDatum {
  action: number;
  on: boolean;
  tie: boolean;
}

type CellEnter = Selection<EnterElement, CellDatum, SVGGElement, unknown>;
type ActionEnter<D> = Selection<EnterElement, D, SVGGElement, CellDatum>;

const ACTIONS = [0, 1, 2, 3] as const;
const byAction = (d: { action: number }) => String(d.action);
const byKey = (d: CellDatum) => d.key;
const CENTRE: Point = [CELL_SIZE / 2, CELL_SIZE / 2];
/** The corner count N(s) in the 'n' view is this much smaller than V's label, clear of the Up label. */
const COUNT_LABEL_SCALE = 0.65;
const NO_VALUES: ArrayLike<number> = [];
/** Opacity of tied greedy arrows (a single greedy action is opaque). */
const TIE_OPACITY = 0.5;
/** Width of the knock-out stroke around numbers, in the colour under them. */
const LABEL_HALO = 4;

let gridCount = 0;

/** The data of each map row, in order. */
function rowsOf(data: readonly CellDatum[], ncol: number): CellDatum[][] {
  const rows: CellDatum[][] = [];
  for (let i = 0; i < data.length; i += ncol) rows.push(data.slice(i, i + ncol));
  return rows;
}

function at4(a: ArrayLike<number>, s: number): [number, number, number, number] {
  const b = s * 4;
  return [a[b] ?? NaN, a[b + 1] ?? NaN, a[b + 2] ?? NaN, a[b + 3] ?? NaN];
}

/** Number of set bits among the four action bits. */
function popcount(mask: number): number {
  let n = 0;
  for (let m = mask & 15; m; m &= m - 1) n++;
  return n;
}

/**
 * Mounts a Q-grid into `host`. The SVG fills the host's width and keeps the board's aspect ratio
 * (viewBox), for any map from 1×1 to 32×32.
 */
export function createQGrid(host: HTMLElement, options: QGridOptions = {}): QGrid {
  const uid = `qgrid${++gridCount}`;
  const title = options.title ?? 'Ice Maze';
  let view: GridView = options.view ?? 'v';
  let palette: Palette = options.palette ?? 'default';
  const fadeEnded = options.fadeEnded ?? true;
  const accessibleGrid = options.accessibleGrid ?? false;
  /** The cell node of each state, and the state the agent's name is written on. */
  let cellNodes: SVGGElement[] = [];
  let namedAgent = -1;
  let nodesGeneration = -1;
  let frame: GridFrame | null = null;
  let layout: GridLayout | null = null;
  let mapKey: string | null = null;
  let mapGeneration = 0;
  let measured: { width: number; height: number } | null = null;
  /** Host width read once per map (reading it every frame would force a layout). */
  let hostWidth = 0;
  // What each cell shows now (its colours, printed numbers, tooltip and greedy set), so a frame
  // touches only the cells whose picture changes: a number moving in its third decimal, or a
  // colour domain moving by a hair, rewrites nothing. Any change of view, palette or label fit
  // (the `drawnStyle` key) redraws every cell.
  let drawnStyle = '';
  let drawnLooks: string[] = [];
  /** The greedy set each cell's arrows show, apart: arrows are redrawn only when it changes. */
  let drawnMask = new Int16Array(0);
  let fit: LabelFit = labelFit(NaN);
  let scale: ColorScale = sequentialScale([0, 0], palette);
  let destroyed = false;

  const svg = select(host)
    .append('svg')
    .attr('class', 'qgrid')
    .attr('role', accessibleGrid ? 'grid' : 'img')
    .attr('preserveAspectRatio', 'xMidYMid meet')
    .attr('font-family', FONT_FAMILY)
    .style('display', 'block')
    .style('width', '100%')
    .style('height', 'auto')
    .style('max-height', '100%')
    .style('font-variant-numeric', 'tabular-nums')
    .style('user-select', 'none');
  const paint = appendTileDefs(svg.append('defs'), uid);

  const board = svg.append('g').attr('class', 'qgrid-board');
  const boardBg = setAttrs(board.append('rect'), {
    class: 'qgrid-board-bg',
    fill: TILE_COLORS.board,
    stroke: TILE_COLORS.boardStroke,
    'stroke-width': 2,
    rx: 18,
  });
  const cellLayer = board.append('g').attr('class', 'qgrid-cells');

  const trajectory = createTrajectoryLayer(board);
  const agentLayers = createAgentLayers(board, paint.shadow);
  // Numbers, arrows and badges over the path, the step marks and the effects; only the ball is
  // above them, and it stays in the middle of a cell, clear of the number in the corner.
  const overlayLayer = board
    .insert('g', 'g.qgrid-agent')
    .attr('class', 'qgrid-overlays')
    .attr('pointer-events', 'none');
  // In an ARIA grid only the rows and cells speak: the pictures over them are hidden from it.
  if (accessibleGrid)
    board
      .selectChildren()
      .filter((_, i, nodes) => nodes[i] !== cellLayer.node())
      .attr('aria-hidden', 'true');
  const keyboard = accessibleGrid
    ? createGridKeyboard(
        svg.node()!,
        (s) => cellNodes[s],
        () => layout,
        options.onSelect,
      )
    : null;

  const placeCell = (d: CellDatum) => {
    const [x, y] = cellOrigin(layout!.ncol, d.state);
    return placeAt(x, y);
  };

  /** A cell: tile, value colour (a rect, or triangles entered later), decorations, title. */
  function enterCells(enter: CellEnter) {
    const g = enter
      .append('g')
      .attr('class', 'qgrid-cell')
      .attr('data-state', (d) => d.state)
      .attr('data-tile', (d) => d.tile)
      .attr('transform', placeCell);
    if (accessibleGrid) g.attr('role', 'gridcell').attr('tabindex', -1);
    g.append('title');
    appendTileBase(g, paint);
    const fill = g.append('g').attr('class', 'qgrid-fill').attr('clip-path', `url(#${paint.clip})`);
    setAttrs(fill.append('rect'), {
      class: 'qgrid-value-fill',
      x: TILE_INSET,
      y: TILE_INSET,
      width: TILE_SIDE,
      height: TILE_SIDE,
    });
    fill.append('g').attr('class', 'qgrid-triangles');
    appendTileDecor(g, paint);
    return g;
  }

  /** A cell's overlay: badge, value label, triangle labels and arrows (entered later). */
  function enterOverlays(enter: CellEnter) {
    const g = enter
      .append('g')
      .attr('class', 'qgrid-cell-overlay')
      .attr('data-overlay-state', (d) => d.state)
      .attr('transform', placeCell);
    appendTileBadge(g);
    setAttrs(g.append('text'), {
      class: 'qgrid-value-label',
      x: VALUE_LABEL_ANCHOR[0],
      y: VALUE_LABEL_ANCHOR[1],
      'text-anchor': 'end',
      'font-size': FONT_UNITS.value,
      'font-weight': 650,
      'stroke-width': LABEL_HALO,
      'stroke-linejoin': 'round',
      'paint-order': 'stroke',
    });
    g.append('g').attr('class', 'qgrid-tri-labels');
    g.append('g').attr('class', 'qgrid-arrows');
    return g;
  }

  function enterTriangles(enter: ActionEnter<ActionDatum>) {
    return setAttrs(enter.append('polygon'), {
      class: 'qgrid-tri',
      'data-action': (d) => d.action,
      points: (d) => pointsAttr(trianglePoints(d.action)),
      stroke: '#ffffff',
      'stroke-width': 1.5,
      'stroke-opacity': 0.85,
      'stroke-linejoin': 'round',
    });
  }

  function enterTriangleLabels(enter: ActionEnter<ActionDatum>) {
    return setAttrs(enter.append('text'), {
      class: 'qgrid-tri-label',
      'data-action': (d) => d.action,
      x: (d) => triangleLabelPosition(d.action)[0],
      y: (d) => triangleLabelPosition(d.action)[1],
      dy: '0.35em',
      'text-anchor': 'middle',
      'font-size': FONT_UNITS.actionValue,
      'font-weight': 550,
      'stroke-width': LABEL_HALO - 1,
      'stroke-linejoin': 'round',
      'paint-order': 'stroke',
    });
  }

  function enterArrows(enter: ActionEnter<ArrowDatum>) {
    return setAttrs(enter.append('path'), {
      class: 'qgrid-arrow',
      'data-action': (d) => d.action,
      fill: INK_COLORS.arrow,
      stroke: INK_COLORS.halo,
      'stroke-width': 3,
      'stroke-linejoin': 'round',
      'paint-order': 'stroke',
    });
  }

  /** Arrow outlines depend only on (view, labels shown, tie, action): each is computed once. */
  const arrowCache = new Map<string, string>();
  function greedyArrow(action: number, tie: boolean, labelsShown: boolean): string {
    const key = `${view}${labelsShown ? 1 : 0}${tie ? 1 : 0}${action}`;
    let d = arrowCache.get(key);
    if (d === undefined) {
      d = arrowPath(action, greedyArrowShape(view, labelsShown, tie), CENTRE);
      arrowCache.set(key, d);
    }
    return d;
  }

  function cellData(f: GridFrame, l: GridLayout): CellDatum[] {
    const out: CellDatum[] = [];
    for (let s = 0; s < l.nS; s++) {
      const tile = tileLetter(f.desc, l.ncol, s);
      out.push({
        key: `${mapGeneration}:${s}`,
        state: s,
        tile,
        terminal: isTerminalTile(tile),
        v: f.v[s] ?? NaN,
        q: at4(f.q, s),
        adv: at4(f.advantage, s),
        visits: at4(f.visits ?? NO_VALUES, s),
        td: at4(f.tdErrors ?? NO_VALUES, s).map(Math.abs) as [number, number, number, number],
        mask: f.greedyMask[s] ?? 0,
      });
    }
    return out;
  }

  /** The colour scale of the current view over the non-terminal states (or the pinned domain). */
  function viewScale(f: GridFrame, l: GridLayout): ColorScale {
    const pinned = f.domains?.[view];
    const live = (s: number) => !isTerminalTile(tileLetter(f.desc, l.ncol, s));
    const liveEntry = (i: number) => live(Math.floor(i / 4));
    if (view === 'v')
      return pinned ? sequentialScale(pinned, palette) : valueScale(f.v, palette, live);
    if (view === 'q')
      return pinned ? sequentialScale(pinned, palette) : qScale(f.q, palette, liveEntry);
    if (view === 'n') return visitScale(f.visits ?? NO_VALUES, palette, liveEntry);
    if (view === 'td') return magnitudeScale(f.tdErrors ?? NO_VALUES, palette, liveEntry);
    return pinned
      ? divergingScale(pinned, palette)
      : advantageScale(f.advantage, palette, liveEntry);
  }

  function currentFit(l: GridLayout): LabelFit {
    if (measured && measured.width > 0)
      return labelFit(cellPixels(l, measured.width, measured.height));
    return labelFit(cellPixels(l, hostWidth > 0 ? hostWidth : NOMINAL_BOARD_PX));
  }

  /** How a cell looks in the current view: its colours and printed numbers, as one string. */
  function cellLook(d: CellDatum): string {
    const head = `${formatValue(d.v)}|${d.mask}`;
    if (d.terminal) return head;
    if (view === 'v') return `${head}|${scale(d.v)}`;
    const values = view === 'q' ? d.q : view === 'a' ? d.adv : view === 'n' ? d.visits : d.td;
    const format = view === 'n' ? formatCount : formatValue;
    let look = head;
    for (const a of ACTIONS) look += `|${scale(values[a])}|${format(values[a])}`;
    // The tooltip names the layer's numbers too.
    if (view === 'n' || view === 'td') look += `|${layerSentence(view, d.tile, values)}`;
    return look;
  }

  /**
   * Marks the cells whose picture changes (all of them after a change of style) and the cells
   * whose greedy arrows change, and records what they show now.
   */
  function dirtyCells(
    data: readonly CellDatum[],
    l: GridLayout,
  ): { cells: Uint8Array; arrows: Uint8Array } {
    const style = [view, palette, fit.values, fit.actionValues, fit.letters, mapGeneration].join(
      '|',
    );
    const full = style !== drawnStyle || drawnLooks.length !== l.nS;
    if (full) {
      drawnStyle = style;
      drawnLooks = new Array<string>(l.nS).fill('');
      drawnMask = new Int16Array(l.nS);
    }
    const cells = new Uint8Array(l.nS);
    const arrows = new Uint8Array(l.nS);
    for (const d of data) {
      const s = d.state;
      const look = cellLook(d);
      cells[s] = full || look !== drawnLooks[s] ? 1 : 0;
      arrows[s] = full || d.mask !== drawnMask[s] ? 1 : 0;
      drawnLooks[s] = look;
      drawnMask[s] = d.mask;
    }
    return { cells, arrows };
  }

  function applyLayout(l: GridLayout) {
    svg.attr('viewBox', `0 0 ${l.width} ${l.height}`);
    hostWidth = host.clientWidth;
    board.attr('transform', placeAt(BOARD_PADDING, BOARD_PADDING));
    setAttrs(boardBg, {
      x: 1 - BOARD_PADDING,
      y: 1 - BOARD_PADDING,
      width: l.width - 2,
      height: l.height - 2,
    });
  }

  /** Cells and overlays: fills, numbers, titles and arrows for the current view. */
  function renderCells() {
    if (!frame || !layout) return;
    const f = frame;
    const l = layout;
    fit = currentFit(l);
    scale = viewScale(f, l);
    svg.attr('aria-label', gridLabel(l.nrow, l.ncol, view, title)).attr('data-view', view);

    const data = cellData(f, l);
    const dirty = dirtyCells(data, l);
    const isDirty = (d: CellDatum) => dirty.cells[d.state] === 1;
    // One group per map row (an ARIA row), the row's cells inside it.
    const rows = cellLayer
      .selectAll<SVGGElement, CellDatum[]>('g.qgrid-row')
      .data(rowsOf(data, l.ncol), (r) => r[0]!.key)
      .join((enter) => enter.append('g').attr('class', 'qgrid-row'));
    if (accessibleGrid) rows.attr('role', 'row');
    const allCells = rows
      .selectAll<SVGGElement, CellDatum>('g.qgrid-cell')
      .data((r) => r, byKey)
      .join(
        enterCells,
        (update) => update,
        (exit) => exit.remove(),
      );
    if (nodesGeneration !== mapGeneration) {
      nodesGeneration = mapGeneration;
      cellNodes = allCells.nodes();
      namedAgent = -1;
      keyboard?.refresh();
    }
    const cells = allCells.filter(isDirty);
    if (accessibleGrid) cells.attr('aria-label', (d) => nameOf(d));
    const allOverlays = overlayLayer
      .selectAll<SVGGElement, CellDatum>('g.qgrid-cell-overlay')
      .data(data, byKey)
      .join(
        enterOverlays,
        (update) => update,
        (exit) => exit.remove(),
      );
    const overlays = allOverlays.filter(isDirty);

    cells.select('title').text(
      (d) =>
        cellTitle({
          state: d.state,
          ncol: l.ncol,
          tile: d.tile,
          value: d.v,
          greedyMask: d.mask,
        }) + layerSentence(view, d.tile, view === 'n' ? d.visits : d.td),
    );
    cells.select('g.qgrid-fill').attr('display', (d) => (d.terminal ? 'none' : null));

    const valueFill = cells.select<SVGRectElement>('rect.qgrid-value-fill');
    const triangles = cells.select<SVGGElement>('g.qgrid-triangles');
    const valueLabel = overlays.select<SVGTextElement>('text.qgrid-value-label');
    const triLabels = overlays.select<SVGGElement>('g.qgrid-tri-labels');
    const showValues = view === 'v' && fit.values;
    const showActionValues = view !== 'v' && fit.actionValues;
    // N(s) = Σ_a N(s, a) in the middle of the 'n' view, where the action labels fit.
    const showCount = view === 'n' && fit.actionValues;
    const formatLabel = view === 'n' ? formatCount : formatValue;

    if (view === 'v') {
      valueFill.attr('display', null).attr('fill', (d) => scale(d.v));
      triangles.attr('display', 'none');
      triLabels.attr('display', 'none');
    } else {
      valueFill.attr('display', 'none');
      triangles.attr('display', null);
      // Q(s, a), A(s, a) = Q(s, a) − V(s), N(s, a) or |δ(s, a)| per action, coloured by the view's scale.
      const perAction = { q: 'q', a: 'adv', n: 'visits', td: 'td' } as const;
      const actionData = (d: CellDatum): ActionDatum[] => {
        if (d.terminal) return [];
        const values = d[perAction[view as keyof typeof perAction]];
        return ACTIONS.map((a) => ({ action: a, value: values[a], fill: scale(values[a]) }));
      };
      triangles
        .selectAll<SVGPolygonElement, ActionDatum>('polygon.qgrid-tri')
        .data(actionData, byAction)
        .join(enterTriangles)
        .attr('fill', (a) => a.fill);
      triLabels.attr('display', showActionValues ? null : 'none');
      if (showActionValues)
        triLabels
          .selectAll<SVGTextElement, ActionDatum>('text.qgrid-tri-label')
          .data(actionData, byAction)
          .join(enterTriangleLabels)
          .attr('fill', (a) => contrastingText(a.fill))
          .attr('stroke', (a) => a.fill)
          .text((a) => formatLabel(a.value));
    }
    valueLabel.attr('display', (d) => ((showValues || showCount) && !d.terminal ? null : 'none'));
    valueLabel.attr(
      'font-size',
      view === 'n' ? FONT_UNITS.value * COUNT_LABEL_SCALE : FONT_UNITS.value,
    );
    if (showCount)
      valueLabel
        .filter((d) => !d.terminal)
        .attr('fill', INK_COLORS.arrow)
        .attr('stroke', INK_COLORS.halo)
        .text((d) => formatCount(d.visits[0] + d.visits[1] + d.visits[2] + d.visits[3]));
    if (showValues)
      valueLabel
        .filter((d) => !d.terminal)
        .each(function (d) {
          const fill = scale(d.v);
          select(this)
            .attr('fill', contrastingText(fill))
            .attr('stroke', fill)
            .text(formatValue(d.v));
        });

    overlays.select('g.qgrid-badge').attr('display', fit.letters ? null : 'none');

    // Greedy arrows: one per set bit of the mask; a single greedy action bold, tied ones thin and dim.
    const labelsShown = view === 'v' ? fit.values : fit.actionValues;
    allOverlays
      .filter((d) => dirty.arrows[d.state] === 1)
      .select<SVGGElement>('g.qgrid-arrows')
      .selectAll<SVGPathElement, ArrowDatum>('path.qgrid-arrow')
      .data((d): ArrowDatum[] => {
        if (d.terminal || view === 'n') return [];
        const tie = popcount(d.mask) > 1;
        return ACTIONS.map((a) => ({ action: a, on: (d.mask & (1 << a)) !== 0, tie }));
      }, byAction)
      .join(enterArrows)
      .attr('display', (a) => (a.on ? null : 'none'))
      .attr('data-greedy', (a) => (a.on ? (a.tie ? 'tie' : 'best') : null))
      .attr('opacity', (a) => (a.tie ? TIE_OPACITY : 1))
      .attr('d', (a) => (a.on ? greedyArrow(a.action, a.tie, labelsShown) : null));
  }

  /** A cell's accessible name, with "agent here" on the cell the agent stands on. */
  function nameOf(d: CellDatum): string {
    return cellName({
      state: d.state,
      tile: d.tile,
      value: d.v,
      greedyMask: d.mask,
      agentHere: d.state === namedAgent,
    });
  }

  /** Moves "agent here" from the cell that had it to `s`'s (−1: none). */
  function nameAgent(s: number) {
    if (!accessibleGrid || s === namedAgent) return;
    const before = namedAgent;
    namedAgent = s;
    for (const t of [before, s]) {
      const node = cellNodes[t];
      if (node) select<SVGGElement, CellDatum>(node).attr('aria-label', nameOf);
    }
  }

  /** The agent and its last step (a step off the board is ignored). */
  function renderAgent() {
    if (!frame || !layout) return;
    const l = layout;
    const onBoard = (s: number) => Number.isInteger(s) && s >= 0 && s < l.nS;
    const step =
      frame.step && onBoard(frame.step.from) && onBoard(frame.step.to) ? frame.step : null;
    const at = step ? step.to : frame.agentState;
    nameAgent(onBoard(at) ? at : -1);
    agentLayers.draw({
      layout: l,
      step,
      agentState: frame.agentState,
      animate: frame.animate,
      durationMs: frame.durationMs,
      showTag: fit.letters,
      fadeEnded,
    });
  }

  let observer: ResizeObserver | null = null;
  if ((options.observeResize ?? true) && typeof ResizeObserver !== 'undefined') {
    observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box) handle.resize({ width: box.width, height: box.height });
    });
    observer.observe(host);
  }

  const handle: QGrid = {
    element: svg.node()!,
    update(next: GridFrame): void {
      if (destroyed) return;
      const nrow = next.desc.length;
      const ncol = next.desc[0]?.length ?? 0;
      const key = next.desc.join('/');
      if (key !== mapKey) {
        mapKey = key;
        mapGeneration++;
        layout = nrow > 0 && ncol > 0 ? gridLayout(nrow, ncol) : null;
        if (layout) applyLayout(layout);
        else {
          cellNodes = [];
          cellLayer.selectAll('*').remove();
          overlayLayer.selectAll('*').remove();
        }
      }
      frame = next;
      renderCells();
      if (layout) trajectory.draw(next.path, next.desc, layout.ncol, fadeEnded);
      renderAgent();
    },
    setView(next: GridView): void {
      if (destroyed || next === view) return;
      view = next;
      renderCells();
    },
    setPalette(next: Palette): void {
      if (destroyed || next === palette) return;
      palette = next;
      renderCells();
    },
    resize(size: { width: number; height: number }): void {
      if (destroyed) return;
      measured = { width: size.width, height: size.height };
      if (!layout) return;
      const next = currentFit(layout);
      if (
        next.values !== fit.values ||
        next.actionValues !== fit.actionValues ||
        next.letters !== fit.letters
      )
        renderCells();
      else fit = next;
    },
    legendSpec(): LegendSpec | null {
      if (!frame || !layout) return null;
      return {
        kind: scale.kind,
        domain: scale.domain,
        label: VIEW_LABELS[view],
        palette,
        ...(view === 'a' ? { note: '0 = greedy action' } : {}),
        ...(view === 'n' ? { note: 'log scale' } : {}),
      };
    },
    destroy(): void {
      if (destroyed) return;
      destroyed = true;
      agentLayers.interrupt();
      keyboard?.destroy();
      observer?.disconnect();
      observer = null;
      svg.remove();
    },
  };
  return handle;
}
