/**
 * Pure geometry of the Q-grid: the board layout, the four action triangles of a cell, greedy
 * arrows, label placement and fitting (a trajectory's shapes are in `path-geometry.ts`).
 *
 * Everything is in viewBox units. A cell is `CELL_SIZE` units square whatever the map size, so
 * the SVG scales with its viewBox and fonts are fixed fractions of a cell; whether a label is
 * readable depends only on how many screen pixels a cell gets (`labelFit`).
 *
 * Directions follow SVG, y grows downward. Actions in Gymnasium's order: Left 0, Down 1, Right 2,
 * Up 3; state s sits at row ⌊s / ncol⌋, column s mod ncol.
 */
import type { GridView } from '../shared/grid-view';

/** Side of one cell in viewBox units. */
export const CELL_SIZE = 100;

/** Gap between neighbouring tiles (half of it on each side of a tile). */
export const TILE_GAP = 6;

/** Corner radius of a tile. */
export const TILE_RADIUS = 12;

/** Margin around the board inside the viewBox. */
export const BOARD_PADDING = 10;

/** Board width in CSS pixels assumed before the host has been measured (jsdom, first paint). */
export const NOMINAL_BOARD_PX = 640;

/** An (x, y) pair. */
export type Point = readonly [number, number];

/** Size and placement of a board. */
export interface GridLayout {
  nrow: number;
  ncol: number;
  /** Number of states, nrow · ncol. */
  nS: number;
  /** viewBox width: ncol · CELL_SIZE + 2 · BOARD_PADDING. */
  width: number;
  /** viewBox height: nrow · CELL_SIZE + 2 · BOARD_PADDING. */
  height: number;
}

/** The layout of an nrow × ncol board. */
export function gridLayout(nrow: number, ncol: number): GridLayout {
  return {
    nrow,
    ncol,
    nS: nrow * ncol,
    width: ncol * CELL_SIZE + 2 * BOARD_PADDING,
    height: nrow * CELL_SIZE + 2 * BOARD_PADDING,
  };
}

/** Top-left corner of state s in board coordinates (the board group is already inset by the padding). */
export function cellOrigin(ncol: number, s: number): Point {
  return [(s % ncol) * CELL_SIZE, Math.floor(s / ncol) * CELL_SIZE];
}

/** Centre of state s in board coordinates. */
export function cellCentre(ncol: number, s: number): Point {
  const [x, y] = cellOrigin(ncol, s);
  return [x + CELL_SIZE / 2, y + CELL_SIZE / 2];
}

/** Unit vector of each action in SVG coordinates: Left (−1, 0), Down (0, 1), Right (1, 0), Up (0, −1). */
export const ACTION_VECTORS: readonly Point[] = [
  [-1, 0],
  [0, 1],
  [1, 0],
  [0, -1],
];

function vectorOf(action: number): Point {
  return ACTION_VECTORS[((action % 4) + 4) % 4]!;
}

/** Rounds to 2 decimals, so attribute strings stay short and stable. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Points as an SVG `points` attribute: "x1,y1 x2,y2 …". */
export function pointsAttr(points: readonly Point[]): string {
  return points.map(([x, y]) => `${round2(x)},${round2(y)}`).join(' ');
}

/** Points as a closed SVG path: "Mx1,y1Lx2,y2…Z". */
export function closedPath(points: readonly Point[]): string {
  return (
    points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${round2(x)},${round2(y)}`).join('') + 'Z'
  );
}

/**
 * The triangle of `action` in a cell-local box [inset, size − inset]²: two corners on the edge the
 * action points to, and the centre. Left uses the left edge, Down the bottom, Right the right, Up
 * the top; together the four tile the box exactly.
 */
export function trianglePoints(action: number, inset = TILE_GAP / 2, size = CELL_SIZE): Point[] {
  const a = inset;
  const b = size - inset;
  const c = size / 2;
  const centre: Point = [c, c];
  switch (((action % 4) + 4) % 4) {
    case 0:
      return [[a, a], [a, b], centre];
    case 1:
      return [[a, b], [b, b], centre];
    case 2:
      return [[b, b], [b, a], centre];
    default:
      return [[b, a], [a, a], centre];
  }
}

/** Distance of Left/Right value labels from the cell edge. */
export const LABEL_SIDE_OFFSET = 18;
/** Distance of Up/Down value labels from the cell edge. */
export const LABEL_END_OFFSET = 17;

/**
 * Where a value label sits in the triangle of `action` (cell-local): on the axis of the action,
 * `LABEL_SIDE_OFFSET` from the edge for Left/Right (where the triangle is tall but narrow) and
 * `LABEL_END_OFFSET` for Up/Down (where it is wide but short).
 */
export function triangleLabelPosition(action: number, size = CELL_SIZE): Point {
  const c = size / 2;
  const side = (LABEL_SIDE_OFFSET / CELL_SIZE) * size;
  const end = (LABEL_END_OFFSET / CELL_SIZE) * size;
  switch (((action % 4) + 4) % 4) {
    case 0:
      return [side, c];
    case 1:
      return [c, size - end];
    case 2:
      return [size - side, c];
    default:
      return [c, end];
  }
}

/** An arrow along an action's axis, measured from an origin (all in viewBox units). */
export interface ArrowShape {
  /** Distance of the tail from the origin. */
  from: number;
  /** Distance of the tip from the origin. */
  to: number;
  /** Shaft thickness. */
  shaftWidth: number;
  /** Width of the head at its base. */
  headWidth: number;
  /** Length of the head, tip to base. */
  headLength: number;
}

/**
 * The outline of an arrow pointing in the direction of `action` from `origin`: a point at
 * (along, across) is origin + along·d + across·p, with d the action's unit vector and p = (−d_y, d_x)
 * its normal. The shaft runs from `from` to `to − headLength`; a head longer than the arrow
 * leaves just the head.
 */
export function arrowPolygon(action: number, shape: ArrowShape, origin: Point): Point[] {
  const [dx, dy] = vectorOf(action);
  const [px, py] = [-dy, dx];
  const at = (along: number, across: number): Point => [
    origin[0] + along * dx + across * px,
    origin[1] + along * dy + across * py,
  ];
  const neck = Math.max(shape.from, shape.to - shape.headLength);
  const hs = shape.shaftWidth / 2;
  const hh = shape.headWidth / 2;
  if (neck <= shape.from) return [at(shape.from, -hh), at(shape.to, 0), at(shape.from, hh)];
  return [
    at(shape.from, -hs),
    at(neck, -hs),
    at(neck, -hh),
    at(shape.to, 0),
    at(neck, hh),
    at(neck, hs),
    at(shape.from, hs),
  ];
}

/** `arrowPolygon` as a closed SVG path. */
export function arrowPath(action: number, shape: ArrowShape, origin: Point): string {
  return closedPath(arrowPolygon(action, shape, origin));
}

/**
 * The greedy-arrow shape for a view. In the V view arrows sit near the cell edges, leaving the
 * centre to the value; in the Q and A views they are short heads at the centre, clear of the four
 * triangle labels. Without labels they grow. A tie (several greedy actions) is thinner.
 */
export function greedyArrowShape(view: GridView, labelsShown: boolean, tie: boolean): ArrowShape {
  if (view === 'v') {
    const from = labelsShown ? 27 : 10;
    return tie
      ? { from: from + 2, to: 44, shaftWidth: 4, headWidth: 13, headLength: 9 }
      : { from, to: 46, shaftWidth: 8, headWidth: 21, headLength: 11 };
  }
  if (labelsShown)
    return tie
      ? { from: 1, to: 10, shaftWidth: 0, headWidth: 9, headLength: 9 }
      : { from: 0, to: 12, shaftWidth: 0, headWidth: 14, headLength: 12 };
  return tie
    ? { from: 6, to: 36, shaftWidth: 4, headWidth: 13, headLength: 10 }
    : { from: 4, to: 40, shaftWidth: 8, headWidth: 21, headLength: 13 };
}

/** Shape of the intended / actual move arrows of the last step: out of the cell into the neighbour. */
export const MOVE_ARROW_SHAPE: ArrowShape = {
  from: 16,
  to: 64,
  shaftWidth: 9,
  headWidth: 24,
  headLength: 17,
};

/**
 * The move arrow from state s in `direction`: into the neighbour, or, when that direction is the
 * border (the agent stays put), stopping at the cell's own edge so it never leaves the board.
 */
export function moveArrowShape(
  nrow: number,
  ncol: number,
  s: number,
  direction: number,
): ArrowShape {
  const row = Math.floor(s / ncol);
  const col = s % ncol;
  const d = ((direction % 4) + 4) % 4;
  const blocked =
    (d === 0 && col === 0) ||
    (d === 1 && row === nrow - 1) ||
    (d === 2 && col === ncol - 1) ||
    (d === 3 && row === 0);
  return blocked ? { ...MOVE_ARROW_SHAPE, to: CELL_SIZE / 2 - TILE_GAP / 2 } : MOVE_ARROW_SHAPE;
}

/** Which labels are readable at a cell size. */
export interface LabelFit {
  /** Screen pixels per cell the decision was made for. */
  cellPx: number;
  /** V(s) printed in the centre of each cell (V view). */
  values: boolean;
  /** Q(s, a) / A(s, a) printed in each triangle (Q and A views). */
  actionValues: boolean;
  /** Tile letters (badges) and the step labels. */
  letters: boolean;
}

/** Font sizes in viewBox units (a cell is 100). */
export const FONT_UNITS = {
  value: 17,
  actionValue: 11,
  letter: 13,
  stepLabel: 13,
} as const;

/**
 * Where a cell's own number (V(s), or N(s) in the visit view) sits: right-aligned on this point,
 * its baseline here, in the top-right corner. The middle belongs to the agent's ball and the tile
 * letter's badge to the top-left corner, so neither the agent nor a badge ever covers it; the
 * baseline sits below the Up arrow's head (which ends 15 units from the top edge), so the label
 * meets only the arrow's thin shaft's side, never its head.
 */
export const VALUE_LABEL_ANCHOR: Point = [CELL_SIZE - TILE_GAP / 2 - 2, 28];

/** Radius of the agent's ball, in viewBox units (its outline adds half its stroke). */
export const AGENT_RADIUS = 18;

/** Smallest on-screen font size, in CSS pixels, that stays readable from the back of a room. */
export const MIN_FONT_PX = 9.5;

/**
 * Decides which labels fit: a label is shown when its font, scaled to the screen
 * (units · cellPx / CELL_SIZE), is at least `MIN_FONT_PX` pixels.
 */
export function labelFit(cellPx: number): LabelFit {
  const px = (units: number) => (units * cellPx) / CELL_SIZE;
  const ok = (units: number) => Number.isFinite(cellPx) && px(units) >= MIN_FONT_PX;
  return {
    cellPx,
    values: ok(FONT_UNITS.value),
    actionValues: ok(FONT_UNITS.actionValue),
    letters: ok(FONT_UNITS.letter),
  };
}

/**
 * Screen pixels per cell when the board is drawn into width × height CSS pixels with
 * `preserveAspectRatio="xMidYMid meet"`: CELL_SIZE · min(width / vbWidth, height / vbHeight).
 * A missing (0) height means the height follows the width.
 */
export function cellPixels(layout: GridLayout, width: number, height = 0): number {
  const sx = width / layout.width;
  const sy = height > 0 ? height / layout.height : sx;
  return CELL_SIZE * Math.min(sx, sy);
}

/** Rough width of a label in viewBox units (jsdom has no text metrics): 0.6 em per character. */
export function estimateTextWidth(text: string, fontSize: number): number {
  return text.length * 0.6 * fontSize;
}
