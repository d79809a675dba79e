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
import { select } from 'd3-selection';
import type { GridView } from '../shared/grid-view';
import { createAgentLayers } from './agent-layer';
import { loadMotion } from './motion';
import { cellName, createGridKeyboard } from './grid-a11y';
import { VIEW_LABELS, cellTitle, gridLabel, layerSentence } from './describe';
import {
  BOARD_PADDING,
  CELL_SIZE,
  NOMINAL_BOARD_PX,
  arrowPath,
  cellOrigin,
  cellPixels,
  greedyArrowShape,
  gridLayout,
  labelFit,
  type GridLayout,
  type LabelFit,
  type Point,
} from './geometry';
import type { LegendSpec } from './legend';
import type { GridFrame, QGrid, QGridOptions } from './q-grid-types';
import {
  ACTIONS,
  TIE_OPACITY,
  byAction,
  byKey,
  cellData,
  cellEnters,
  cellLook,
  createLookTracker,
  drawCellValues,
  enterArrows,
  popcount,
  rowsOf,
  viewScale,
  type ArrowDatum,
  type CellDatum,
} from './q-grid-cells';
import { sequentialScale, type ColorScale, type Palette } from './scales';
import { placeAt, setAttrIfChanged, setAttrs } from './svg';
import { FONT_FAMILY, TILE_COLORS } from './theme';
import { createTrajectoryLayer } from './trajectory-layer';
import { createTracesSlot } from './traces-slot';
import { appendTileDefs } from './tile-art';

export type { GridStep } from './agent-layer';
export type { Outcome } from './describe';
export type { GridPath } from './trajectory-layer';

export type { GridFrame, QGrid, QGridOptions } from './q-grid-types';

const CENTRE: Point = [CELL_SIZE / 2, CELL_SIZE / 2];

let gridCount = 0;

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
  const looks = createLookTracker();
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
  const traces = createTracesSlot(board);

  const trajectory = createTrajectoryLayer(board);
  const agentLayers = createAgentLayers(board, paint.shadow);
  // The slide and the fades need d3-transition; the first draw does not wait for it.
  void loadMotion();
  // Numbers, arrows and badges over the path, the step marks and the effects; only the step's tag
  // (placed clear of the badge) and the ball are above them, the ball in the middle of a cell,
  // clear of the number in the corner.
  const overlayLayer = board
    .insert('g', 'g.qgrid-step-tag')
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

  const { enterCells, enterOverlays } = cellEnters({
    paint,
    placeCell: (d) => {
      const [x, y] = cellOrigin(layout!.ncol, d.state);
      return placeAt(x, y);
    },
    accessibleGrid,
  });

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

  function currentFit(l: GridLayout): LabelFit {
    if (measured && measured.width > 0)
      return labelFit(cellPixels(l, measured.width, measured.height));
    return labelFit(cellPixels(l, hostWidth > 0 ? hostWidth : NOMINAL_BOARD_PX));
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
    scale = viewScale(f, l, view, palette);
    trajectory.setQuiet(view !== 'v');
    setAttrIfChanged(svg, 'aria-label', gridLabel(l.nrow, l.ncol, view, title));
    setAttrIfChanged(svg, 'data-view', view);

    const data = cellData(f, l, mapGeneration);
    const style = [view, palette, fit.values, fit.actionValues, fit.letters, mapGeneration];
    const dirty = looks.dirty(data, l.nS, style.join('|'), (d) => cellLook(d, view, scale));
    const isDirty = (d: CellDatum) => dirty.cells[d.state] === 1;
    // One group per map row (an ARIA row), the row's cells inside it.
    const rows = cellLayer
      .selectAll<SVGGElement, CellDatum[]>('g.qgrid-row')
      .data(rowsOf(data, l.ncol), (r) => r[0]!.key)
      .join((enter) => enter.append('g').attr('class', 'qgrid-row'));
    if (accessibleGrid) setAttrIfChanged(rows, 'role', 'row');
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

    drawCellValues(cells, overlays, view, scale, fit);

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
      fadeEnded: fadeEnded && !frame.held,
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
      if (layout) trajectory.draw(next.path, next.desc, layout.ncol, fadeEnded && !next.held);
      traces.draw(layout ? next.traces : undefined, layout?.ncol ?? 1);
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
        ...traces.note(view === 'a' ? '0 = greedy action' : view === 'n' ? 'log scale' : undefined),
      };
    },
    destroy(): void {
      if (destroyed) return;
      destroyed = true;
      agentLayers.interrupt();
      traces.destroy();
      keyboard?.destroy();
      observer?.disconnect();
      observer = null;
      svg.remove();
    },
  };
  return handle;
}
