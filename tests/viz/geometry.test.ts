// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import {
  ACTION_VECTORS,
  BOARD_PADDING,
  CELL_SIZE,
  FONT_UNITS,
  LABEL_SIDE_OFFSET,
  NOMINAL_BOARD_PX,
  TILE_GAP,
  arrowPolygon,
  cellCentre,
  cellOrigin,
  cellPixels,
  estimateTextWidth,
  greedyArrowShape,
  gridLayout,
  labelFit,
  moveArrowShape,
  MOVE_ARROW_SHAPE,
  pointsAttr,
  triangleLabelPosition,
  trianglePoints,
  type Point,
} from '../../src/viz/geometry';
import {
  dotsPath,
  pathGeometry,
  pathPoints,
  starPoints,
  visitOffset,
} from '../../src/viz/path-geometry';

/** Twice the signed area of a triangle. */
function cross(a: Point, b: Point, c: Point): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

function inTriangle(p: Point, [a, b, c]: Point[]): boolean {
  const d1 = cross(a!, b!, p);
  const d2 = cross(b!, c!, p);
  const d3 = cross(c!, a!, p);
  const neg = d1 < 0 || d2 < 0 || d3 < 0;
  const pos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
}

describe('layout', () => {
  test('a 4x4 board is 4 cells plus padding on each side', () => {
    const l = gridLayout(4, 4);
    expect(l).toMatchObject({ nS: 16, width: 4 * CELL_SIZE + 2 * BOARD_PADDING });
    expect(gridLayout(2, 8)).toMatchObject({ width: 820, height: 220 });
  });

  test('state s = row · ncol + col sits at (col, row) cells from the corner', () => {
    expect(cellOrigin(4, 5)).toEqual([100, 100]);
    expect(cellCentre(4, 5)).toEqual([150, 150]);
    expect(cellCentre(8, 63)).toEqual([750, 750]);
  });

  test('cellPixels = CELL_SIZE · min(width / vbWidth, height / vbHeight)', () => {
    const l = gridLayout(4, 4);
    expect(cellPixels(l, 420)).toBeCloseTo(100, 9);
    expect(cellPixels(l, 840, 420)).toBeCloseTo(100, 9);
  });
});

describe('triangles', () => {
  test('each triangle has the centre and two corners on its action’s edge', () => {
    for (const a of [0, 1, 2, 3]) {
      const pts = trianglePoints(a);
      expect(pts[2]).toEqual([50, 50]);
      const [dx, dy] = ACTION_VECTORS[a]!;
      // Both edge corners are half a tile from the centre along the action's direction.
      for (const p of pts.slice(0, 2))
        expect((p[0] - 50) * dx + (p[1] - 50) * dy).toBe(50 - TILE_GAP / 2);
    }
  });

  test('the four triangles tile the square exactly', () => {
    const side = CELL_SIZE - TILE_GAP;
    const area = [0, 1, 2, 3]
      .map((a) => {
        const [p, q, r] = trianglePoints(a);
        return Math.abs(cross(p!, q!, r!)) / 2;
      })
      .reduce((x, y) => x + y, 0);
    expect(area).toBeCloseTo(side * side, 9);
  });

  test('each value label sits inside its own triangle', () => {
    for (const a of [0, 1, 2, 3]) {
      expect(inTriangle(triangleLabelPosition(a), trianglePoints(a))).toBe(true);
      for (const b of [0, 1, 2, 3])
        if (b !== a) expect(inTriangle(triangleLabelPosition(a), trianglePoints(b))).toBe(false);
    }
  });

  test('pointsAttr writes rounded "x,y" pairs', () => {
    expect(
      pointsAttr([
        [1.234, 5],
        [0, 0.005],
      ]),
    ).toBe('1.23,5 0,0.01');
  });
});

describe('arrows', () => {
  const shape = { from: 10, to: 40, shaftWidth: 6, headWidth: 20, headLength: 12 };

  test('the tip is at origin + to · d for every action', () => {
    for (const a of [0, 1, 2, 3]) {
      const pts = arrowPolygon(a, shape, [50, 50]);
      const [dx, dy] = ACTION_VECTORS[a]!;
      expect(pts).toHaveLength(7);
      expect(pts[3]![0]).toBeCloseTo(50 + 40 * dx, 9);
      expect(pts[3]![1]).toBeCloseTo(50 + 40 * dy, 9);
    }
  });

  test('the outline is mirror-symmetric about the action axis', () => {
    const pts = arrowPolygon(2, shape, [0, 0]);
    for (let i = 0; i < 3; i++) {
      expect(pts[i]![0]).toBeCloseTo(pts[6 - i]![0], 9);
      expect(pts[i]![1]).toBeCloseTo(-pts[6 - i]![1], 9);
    }
  });

  test('a head longer than the arrow leaves a plain triangle', () => {
    expect(arrowPolygon(1, { ...shape, from: 0, to: 10, headLength: 12 }, [0, 0])).toHaveLength(3);
  });

  test('a tie arrow is thinner than a single greedy arrow, in every view', () => {
    for (const view of ['v', 'q', 'a'] as const)
      for (const labels of [true, false]) {
        const best = greedyArrowShape(view, labels, false);
        const tie = greedyArrowShape(view, labels, true);
        expect(tie.headWidth).toBeLessThan(best.headWidth);
        expect(tie.shaftWidth).toBeLessThanOrEqual(best.shaftWidth);
      }
  });

  test('greedy arrows stay inside the tile', () => {
    for (const view of ['v', 'q', 'a'] as const)
      for (const labels of [true, false])
        for (const tie of [true, false])
          for (const a of [0, 1, 2, 3])
            for (const [x, y] of arrowPolygon(a, greedyArrowShape(view, labels, tie), [50, 50])) {
              expect(x).toBeGreaterThanOrEqual(TILE_GAP / 2);
              expect(x).toBeLessThanOrEqual(CELL_SIZE - TILE_GAP / 2);
              expect(y).toBeGreaterThanOrEqual(TILE_GAP / 2);
              expect(y).toBeLessThanOrEqual(CELL_SIZE - TILE_GAP / 2);
            }
  });

  test('in the Q/A views the centre arrows end before the Left/Right labels begin', () => {
    const halfLabel = estimateTextWidth('−0.00', FONT_UNITS.actionValue) * 0.45;
    const labelInnerEdge = CELL_SIZE / 2 - (LABEL_SIDE_OFFSET + halfLabel);
    expect(greedyArrowShape('q', true, false).to).toBeLessThan(labelInnerEdge);
  });

  test('in the V view the arrows start clear of the printed value', () => {
    // "0.00" is about 2.1 em wide (digits 0.6 em, the point 0.3 em) and 1 em high.
    const halfWidth = (2.1 * FONT_UNITS.value) / 2;
    for (const tie of [true, false]) {
      const from = greedyArrowShape('v', true, tie).from;
      expect(from).toBeGreaterThan(FONT_UNITS.value / 2);
      expect(from).toBeGreaterThanOrEqual(halfWidth);
    }
  });
});

describe('move arrows', () => {
  test('into a neighbour the arrow leaves the cell', () => {
    expect(moveArrowShape(4, 4, 5, 0)).toBe(MOVE_ARROW_SHAPE);
    expect(MOVE_ARROW_SHAPE.to).toBeGreaterThan(CELL_SIZE / 2);
  });

  test('into the border (the agent stays put) it stops at the tile edge, inside the board', () => {
    for (const [s, dir] of [
      [0, 0],
      [0, 3],
      [15, 1],
      [15, 2],
    ] as const) {
      const shape = moveArrowShape(4, 4, s, dir);
      expect(shape.to).toBeLessThanOrEqual(CELL_SIZE / 2);
      for (const [x, y] of arrowPolygon(dir, shape, [
        (s % 4) * CELL_SIZE + 50,
        Math.floor(s / 4) * CELL_SIZE + 50,
      ])) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(4 * CELL_SIZE);
        expect(y).toBeLessThanOrEqual(4 * CELL_SIZE);
      }
    }
  });
});

describe('labelFit', () => {
  test('a 4x4 board at the nominal width shows every label', () => {
    const fit = labelFit(cellPixels(gridLayout(4, 4), NOMINAL_BOARD_PX));
    expect(fit).toMatchObject({ values: true, actionValues: true, letters: true });
  });

  test('a 32x32 board at the nominal width hides them all', () => {
    const fit = labelFit(cellPixels(gridLayout(32, 32), NOMINAL_BOARD_PX));
    expect(fit).toMatchObject({ values: false, actionValues: false, letters: false });
  });

  test('action values need bigger cells than state values; unmeasured (NaN) shows nothing', () => {
    const fit = labelFit(60);
    expect(fit.values).toBe(true);
    expect(fit.actionValues).toBe(false);
    expect(labelFit(NaN)).toMatchObject({ values: false, actionValues: false, letters: false });
  });
});

describe('trajectory geometry', () => {
  test('the first visit is at the centre, later ones spiral out within the cap', () => {
    expect(visitOffset(0)).toEqual([0, 0]);
    const seen = new Set<string>();
    for (let k = 1; k < 50; k++) {
      const [x, y] = visitOffset(k, 6, 30);
      expect(Math.hypot(x, y)).toBeLessThanOrEqual(30 + 1e-9);
      seen.add(`${x.toFixed(3)},${y.toFixed(3)}`);
    }
    expect(seen.size).toBe(49);
  });

  test('pathPoints gives length + 1 points, distinct when a state repeats', () => {
    const pts = pathPoints([0, 0, 4, 0], 3, 4);
    expect(pts).toHaveLength(4);
    expect(pts[0]).toEqual([50, 50]);
    expect(pts[1]).not.toEqual(pts[0]);
    expect(pts[3]).not.toEqual(pts[0]);
    expect(pts[3]).not.toEqual(pts[1]);
  });

  test('pathPoints never reads past the states array', () => {
    expect(pathPoints([0, 1], 10, 4)).toHaveLength(2);
    expect(pathPoints([], 0, 4)).toHaveLength(0);
  });

  test('pathGeometry splits intended runs from slipped steps', () => {
    // Actions Right, Right, Down, Right; the ice moved Right every time, so step 2 slipped.
    const pts: Point[] = [
      [0, 0],
      [10, 0],
      [20, 0],
      [30, 0],
      [40, 0],
    ];
    const g = pathGeometry(pts, [2, 2, 1, 2], [2, 2, 2, 2]);
    expect(g.all.match(/[ML]/g)).toHaveLength(5);
    // Steps 0 and 1 form one run; step 3 starts a second one after the slip at step 2.
    expect(g.intended).toBe('M0,0L10,0L20,0M30,0L40,0');
    expect(g.slipped).toBe('M20,0L30,0');
    expect(g.slipPoints).toEqual([[25, 0]]);
  });

  test('dotsPath draws each dot as two arcs', () => {
    expect(
      dotsPath(
        [
          [5, 5],
          [9, 9],
        ],
        2,
      ).match(/a/g),
    ).toHaveLength(4);
    expect(dotsPath([], 2)).toBe('');
  });

  test('starPoints alternates outer and inner radius, first point straight up', () => {
    const pts = starPoints(0, 0, 10, 4, 5);
    expect(pts).toHaveLength(10);
    expect(pts[0]![0]).toBeCloseTo(0, 9);
    expect(pts[0]![1]).toBeCloseTo(-10, 9);
    expect(Math.hypot(...pts[1]!)).toBeCloseTo(4, 9);
  });
});
