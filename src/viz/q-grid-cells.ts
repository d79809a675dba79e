/**
 * The Q-grid's cells as data and skeleton: per-cell data of a frame, the colour scale of a view,
 * what a cell looks like (to redraw only the cells that change), and the enter functions that
 * build a cell, its overlay and its per-action nodes. Used by `q-grid.ts`.
 */
import { select, type EnterElement, type Selection } from 'd3-selection';
import { isTerminalTile, layerSentence, tileLetter, type TileLetter } from './describe';
import { formatCount, formatValue } from './format';
import {
  FONT_UNITS,
  VALUE_LABEL_ANCHOR,
  pointsAttr,
  triangleLabelPosition,
  trianglePoints,
  type GridLayout,
  type LabelFit,
} from './geometry';
import type { GridView } from '../shared/grid-view';
import type { GridFrame } from './q-grid-types';
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
import { setAttrs } from './svg';
import { INK_COLORS } from './theme';
import {
  TILE_INSET,
  TILE_SIDE,
  appendTileBadge,
  appendTileBase,
  appendTileDecor,
  type TilePaint,
} from './tile-art';

/** Per-cell data of one frame. */
export interface CellDatum {
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
export interface ActionDatum {
  action: number;
  value: number;
  fill: string;
}

/** A greedy arrow: drawn when `on` (bit a of the mask), thin when the greedy actions `tie`. */
export interface ArrowDatum {
  action: number;
  on: boolean;
  tie: boolean;
}

/** Entering cells. */
export type CellEnter = Selection<EnterElement, CellDatum, SVGGElement, unknown>;
/** Entering per-action nodes of a cell. */
export type ActionEnter<D> = Selection<EnterElement, D, SVGGElement, CellDatum>;

/** The four actions, in Gymnasium's order. */
export const ACTIONS = [0, 1, 2, 3] as const;
/** Key of a per-action datum. */
export const byAction = (d: { action: number }) => String(d.action);
/** Key of a cell datum. */
export const byKey = (d: CellDatum) => d.key;
/** The corner count N(s) in the 'n' view is this much smaller than V's label, clear of the Up label. */
export const COUNT_LABEL_SCALE = 0.65;
/** An empty array, for a layer the frame does not carry. */
export const NO_VALUES: ArrayLike<number> = [];
/** Opacity of tied greedy arrows (a single greedy action is opaque). */
export const TIE_OPACITY = 0.5;
/** Width of the knock-out stroke around numbers, in the colour under them. */
export const LABEL_HALO = 4;

/** The data of each map row, in order. */
export function rowsOf(data: readonly CellDatum[], ncol: number): CellDatum[][] {
  const rows: CellDatum[][] = [];
  for (let i = 0; i < data.length; i += ncol) rows.push(data.slice(i, i + ncol));
  return rows;
}

/** The four per-action entries of state s in a flat table. */
function at4(a: ArrayLike<number>, s: number): [number, number, number, number] {
  const b = s * 4;
  return [a[b] ?? NaN, a[b + 1] ?? NaN, a[b + 2] ?? NaN, a[b + 3] ?? NaN];
}

/** Number of set bits among the four action bits. */
export function popcount(mask: number): number {
  let n = 0;
  for (let m = mask & 15; m; m &= m - 1) n++;
  return n;
}

/** What a cell's skeleton is built from. */
export interface CellEnterContext {
  /** The tile art's shared definitions. */
  paint: TilePaint;
  /** The transform that puts a cell in its place on the board. */
  placeCell: (d: CellDatum) => string;
  /** Cells are ARIA gridcells (tabindex −1 until one holds the tab stop). */
  accessibleGrid: boolean;
}

/** The enter functions of a grid's cells and their overlays. */
export function cellEnters({ paint, placeCell, accessibleGrid }: CellEnterContext) {
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

  return { enterCells, enterOverlays };
}

/** A per-action triangle of the Q, A, N and |δ| views. */
export function enterTriangles(enter: ActionEnter<ActionDatum>) {
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

/** A per-action number, haloed in its triangle's colour. */
export function enterTriangleLabels(enter: ActionEnter<ActionDatum>) {
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

/** A greedy arrow (its outline is set per frame). */
export function enterArrows(enter: ActionEnter<ArrowDatum>) {
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

/** The cells of a frame, keyed by the map's generation (a new map makes new cells). */
export function cellData(f: GridFrame, l: GridLayout, generation: number): CellDatum[] {
  const out: CellDatum[] = [];
  for (let s = 0; s < l.nS; s++) {
    const tile = tileLetter(f.desc, l.ncol, s);
    out.push({
      key: `${generation}:${s}`,
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
export function viewScale(
  f: GridFrame,
  l: GridLayout,
  view: GridView,
  palette: Palette,
): ColorScale {
  const pinned = f.domains?.[view];
  const live = (s: number) => !isTerminalTile(tileLetter(f.desc, l.ncol, s));
  const liveEntry = (i: number) => live(Math.floor(i / 4));
  if (view === 'v')
    return pinned ? sequentialScale(pinned, palette) : valueScale(f.v, palette, live);
  if (view === 'q')
    return pinned ? sequentialScale(pinned, palette) : qScale(f.q, palette, liveEntry);
  if (view === 'n') return visitScale(f.visits ?? NO_VALUES, palette, liveEntry);
  if (view === 'td') return magnitudeScale(f.tdErrors ?? NO_VALUES, palette, liveEntry);
  return pinned ? divergingScale(pinned, palette) : advantageScale(f.advantage, palette, liveEntry);
}

/** How a cell looks in the current view: its colours and printed numbers, as one string. */
export function cellLook(d: CellDatum, view: GridView, scale: ColorScale): string {
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
 * What each cell shows now (its colours, printed numbers, tooltip and greedy set), so a frame
 * touches only the cells whose picture changes: a number moving in its third decimal, or a
 * colour domain moving by a hair, rewrites nothing. Any change of `style` (view, palette, label
 * fit, map) redraws every cell; the arrows are redrawn only where the greedy set changes.
 */
export function createLookTracker() {
  let drawnStyle = '';
  let drawnLooks: string[] = [];
  let drawnMask = new Int16Array(0);
  return {
    /** Marks the cells and arrows to redraw for `data`, and records what they show now. */
    dirty(
      data: readonly CellDatum[],
      nS: number,
      style: string,
      look: (d: CellDatum) => string,
    ): { cells: Uint8Array; arrows: Uint8Array } {
      const full = style !== drawnStyle || drawnLooks.length !== nS;
      if (full) {
        drawnStyle = style;
        drawnLooks = new Array<string>(nS).fill('');
        drawnMask = new Int16Array(nS);
      }
      const cells = new Uint8Array(nS);
      const arrows = new Uint8Array(nS);
      for (const d of data) {
        const s = d.state;
        const now = look(d);
        cells[s] = full || now !== drawnLooks[s] ? 1 : 0;
        arrows[s] = full || d.mask !== drawnMask[s] ? 1 : 0;
        drawnLooks[s] = now;
        drawnMask[s] = d.mask;
      }
      return { cells, arrows };
    },
  };
}

/**
 * Fills and numbers of the dirty cells in `view`: V's colour and its number in the corner; or
 * per action Q(s, a), A(s, a) = Q(s, a) − V(s), N(s, a) or |δ(s, a)| coloured by the view's scale,
 * with their numbers where they fit, and N(s) = Σ_a N(s, a) in the corner of the 'n' view.
 */
export function drawCellValues(
  cells: Selection<SVGGElement, CellDatum, SVGGElement, unknown>,
  overlays: Selection<SVGGElement, CellDatum, SVGGElement, unknown>,
  view: GridView,
  scale: ColorScale,
  fit: LabelFit,
): void {
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
}
