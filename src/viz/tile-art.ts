/**
 * The static look of the tiles: ice with a sheen, dark water with ripples, a gift on the goal, and
 * letter badges. Drawn once per cell when a map is first shown; nothing here changes per frame.
 *
 * Every shape is in cell-local units (a cell is CELL_SIZE = 100 square, the tile inset by half
 * the gap), so one set of definitions serves every cell and every map size.
 */
import type { BaseType, Selection } from 'd3-selection';
import type { TileLetter } from './describe';
import { FONT_UNITS, TILE_GAP, TILE_RADIUS, CELL_SIZE } from './geometry';
import { placeAt, setAttrs } from './svg';
import { TILE_COLORS } from './theme';

/** Tile inset from the cell edge. */
export const TILE_INSET = TILE_GAP / 2;
/** Tile side. */
export const TILE_SIDE = CELL_SIZE - TILE_GAP;

/** The ids of the shared paint definitions of one grid (unique per grid on a page). */
export interface TilePaint {
  /** Clip path of a tile (cell-local, rounded). */
  clip: string;
  /** Diagonal white sheen. */
  sheen: string;
  /** Radial water gradient. */
  water: string;
  /** Vertical goal gradient. */
  goal: string;
  /** Soft drop shadow. */
  shadow: string;
}

/** What a tile needs to be drawn. */
export interface TileArtDatum {
  tile: TileLetter;
  terminal: boolean;
}

/** The tile rectangle's geometry, inset by `shrink` on every side. */
function tileRect(shrink = 0) {
  return {
    x: TILE_INSET + shrink,
    y: TILE_INSET + shrink,
    width: TILE_SIDE - 2 * shrink,
    height: TILE_SIDE - 2 * shrink,
    rx: TILE_RADIUS - shrink,
  };
}

/** Appends the shared gradients, clip and shadow to `defs`; ids are prefixed with `uid`. */
export function appendTileDefs(
  defs: Selection<SVGDefsElement, unknown, null, undefined>,
  uid: string,
): TilePaint {
  const ids: TilePaint = {
    clip: `${uid}-tile`,
    sheen: `${uid}-sheen`,
    water: `${uid}-water`,
    goal: `${uid}-goal`,
    shadow: `${uid}-shadow`,
  };
  setAttrs(defs.append('clipPath').attr('id', ids.clip).append('rect'), tileRect());

  const sheen = setAttrs(defs.append('linearGradient'), {
    id: ids.sheen,
    x1: 0,
    y1: 0,
    x2: 1,
    y2: 1,
  });
  for (const [offset, opacity] of [
    [0, 0.6],
    [0.3, 0.18],
    [0.31, 0],
    [1, 0],
  ] as const)
    setAttrs(sheen.append('stop'), {
      offset,
      'stop-color': '#ffffff',
      'stop-opacity': opacity,
    });

  const water = setAttrs(defs.append('radialGradient'), {
    id: ids.water,
    cx: 0.45,
    cy: 0.4,
    r: 0.75,
  });
  setAttrs(water.append('stop'), { offset: 0, 'stop-color': TILE_COLORS.waterLight });
  setAttrs(water.append('stop'), { offset: 1, 'stop-color': TILE_COLORS.waterDark });

  const goal = setAttrs(defs.append('linearGradient'), {
    id: ids.goal,
    x1: 0,
    y1: 0,
    x2: 0,
    y2: 1,
  });
  setAttrs(goal.append('stop'), { offset: 0, 'stop-color': TILE_COLORS.goalLight });
  setAttrs(goal.append('stop'), { offset: 1, 'stop-color': TILE_COLORS.goalDark });

  setAttrs(
    setAttrs(defs.append('filter'), {
      id: ids.shadow,
      x: -0.5,
      y: -0.5,
      width: 2,
      height: 2,
    }).append('feDropShadow'),
    { dx: 0, dy: 2, stdDeviation: 2.5, 'flood-color': TILE_COLORS.waterDark, 'flood-opacity': 0.4 },
  );
  return ids;
}

/** The base tile: ice, water or goal paint under everything else of the cell. */
export function appendTileBase<D extends TileArtDatum, P extends BaseType, PD>(
  cell: Selection<SVGGElement, D, P, PD>,
  paint: TilePaint,
): void {
  setAttrs(cell.append('rect').attr('class', 'qgrid-tile'), {
    ...tileRect(),
    fill: (d) =>
      d.tile === 'H'
        ? `url(#${paint.water})`
        : d.tile === 'G'
          ? `url(#${paint.goal})`
          : TILE_COLORS.ice,
  });
}

/**
 * The decorations drawn over a tile's value colour: ice gets a sheen and a bright rim (so it reads
 * as ice whatever the value colour), a hole ripples, the goal gets a gift.
 */
export function appendTileDecor<D extends TileArtDatum, P extends BaseType, PD>(
  cell: Selection<SVGGElement, D, P, PD>,
  paint: TilePaint,
): void {
  setAttrs(cell.filter((d) => !d.terminal).append('rect'), {
    class: 'qgrid-sheen',
    ...tileRect(1),
    fill: `url(#${paint.sheen})`,
    stroke: TILE_COLORS.iceRim,
    'stroke-opacity': 0.7,
    'stroke-width': 2,
  });

  const hole = cell
    .filter((d) => d.tile === 'H')
    .append('g')
    .attr('class', 'qgrid-hole-art')
    .attr('fill', 'none')
    .attr('stroke', TILE_COLORS.ripple)
    .attr('stroke-width', 2.5)
    .attr('stroke-linecap', 'round');
  setAttrs(hole.append('ellipse'), { cx: 50, cy: 58, rx: 30, ry: 10, 'stroke-opacity': 0.45 });
  setAttrs(hole.append('ellipse'), { cx: 50, cy: 58, rx: 15, ry: 5, 'stroke-opacity': 0.7 });
  setAttrs(hole.append('path'), { d: 'M26,36 q8,-5 16,0 t16,0', 'stroke-opacity': 0.35 });

  const gift = cell
    .filter((d) => d.tile === 'G')
    .append('g')
    .attr('class', 'qgrid-goal-art')
    .attr('stroke-linejoin', 'round');
  const box = {
    fill: TILE_COLORS.giftBox,
    stroke: TILE_COLORS.giftEdge,
    'stroke-width': 2.5,
    rx: 3,
  };
  setAttrs(gift.append('rect'), { x: 31, y: 47, width: 38, height: 30, ...box });
  setAttrs(gift.append('rect'), { x: 27, y: 38, width: 46, height: 11, ...box });
  setAttrs(gift.append('rect'), {
    x: 46,
    y: 38,
    width: 8,
    height: 39,
    fill: TILE_COLORS.giftRibbon,
  });
  setAttrs(gift.append('path'), {
    d: 'M50,38 C40,24 30,30 38,37 Z M50,38 C60,24 70,30 62,37 Z',
    fill: TILE_COLORS.giftRibbon,
    stroke: TILE_COLORS.giftRibbon,
    'stroke-width': 2,
  });

  setAttrs(cell.filter((d) => d.terminal).append('rect'), {
    class: 'qgrid-rim',
    ...tileRect(1),
    fill: 'none',
    stroke: '#ffffff',
    'stroke-opacity': 0.3,
    'stroke-width': 2,
  });
}

/** Letter badges in the top-left corner of S, H and G tiles (a frozen tile needs none). */
export function appendTileBadge<D extends TileArtDatum, P extends BaseType, PD>(
  cell: Selection<SVGGElement, D, P, PD>,
): void {
  const badge = cell
    .filter((d) => d.tile !== 'F')
    .append('g')
    .attr('class', 'qgrid-badge')
    .attr('transform', placeAt(TILE_INSET + 5, TILE_INSET + 5));
  setAttrs(badge.append('rect'), {
    width: 22,
    height: 20,
    rx: 6,
    fill: (d) =>
      d.tile === 'S'
        ? TILE_COLORS.badgeStart
        : d.tile === 'H'
          ? TILE_COLORS.badgeHole
          : TILE_COLORS.badgeGoal,
    stroke: '#ffffff',
    'stroke-width': 1.5,
  });
  setAttrs(badge.append('text'), {
    x: 11,
    y: 10,
    dy: '0.35em',
    'text-anchor': 'middle',
    'font-size': FONT_UNITS.letter,
    'font-weight': 700,
    fill: TILE_COLORS.badgeText,
  }).text((d) => d.tile);
}
