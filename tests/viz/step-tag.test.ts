// @vitest-environment jsdom
import { afterEach, describe, expect, test } from 'vitest';
import { stepTagDirection } from '../../src/viz/agent-layer';
import { CELL_SIZE, FONT_UNITS, estimateTextWidth } from '../../src/viz/geometry';
import { createQGrid, type QGrid } from '../../src/viz/q-grid';
import { TILE_INSET } from '../../src/viz/tile-art';
import { QUIET_PATH_OPACITY } from '../../src/viz/trajectory-layer';
import { MAP_4X4, frameFor, makeHost, trajectory } from './fixtures';

let grid: QGrid | null = null;
afterEach(() => {
  grid?.destroy();
  grid = null;
  document.body.innerHTML = '';
});

describe('the step tag ("random (ε)", "slipped!")', () => {
  test('goes opposite the intended move, except after Down: then to the side the ice did not push', () => {
    expect(stepTagDirection(3, 3)).toEqual([0, 1]); // Up: below
    expect(stepTagDirection(0, 1)).toEqual([1, 0]); // Left: right
    expect(stepTagDirection(2, 2)).toEqual([-1, 0]); // Right: left
    expect(stepTagDirection(1, 1)).toEqual([1, 0]); // Down, no slip: right
    expect(stepTagDirection(1, 0)).toEqual([1, 0]); // Down, slipped Left: right
    expect(stepTagDirection(1, 2)).toEqual([-1, 0]); // Down, slipped Right: left
  });

  test("after the first Step (Down at random from the start) it covers neither the S badge nor the cell's number", () => {
    const host = makeHost();
    grid = createQGrid(host);
    const step = { from: 0, to: 4, intended: 1, actual: 1, explored: true, outcome: null };
    grid.update(frameFor(MAP_4X4, undefined, { step, agentState: 4 }));
    const tag = host.querySelector<SVGGElement>('.qgrid-step-label')!;
    const words = tag.querySelector('text')!.textContent!;
    expect(words).toBe('random (ε)');
    const [x, y] = tag
      .getAttribute('transform')!
      .match(/-?[\d.]+/g)!
      .map(Number) as [number, number];
    const w = estimateTextWidth(words, FONT_UNITS.stepLabel) + 16;
    const h = FONT_UNITS.stepLabel + 10;
    // The tag's box, in board units, against cell 0's top band (badge at the left, number at the right).
    const box = { left: x - w / 2, right: x + w / 2, top: y - h / 2, bottom: y + h / 2 };
    const badgeBottom = TILE_INSET + 5 + 20;
    expect(box.top).toBeGreaterThanOrEqual(badgeBottom);
    expect(box.bottom).toBeLessThanOrEqual(CELL_SIZE);
  });

  test('is drawn above the numbers, under only the ball, so its words read', () => {
    const host = makeHost();
    grid = createQGrid(host);
    const step = { from: 5, to: 6, intended: 3, actual: 2, explored: false, outcome: null };
    grid.update(frameFor(MAP_4X4, undefined, { step }));
    const board = host.querySelector('.qgrid-step-tag')!.parentElement!;
    const layers = [...board.children].map((c) => c.getAttribute('class'));
    expect(layers.slice(-3)).toEqual(['qgrid-overlays', 'qgrid-step-tag', 'qgrid-agent']);
  });
});

describe("the episode's path in the views that write four numbers per cell", () => {
  test('steps back (lower opacity) in Q, A, N and |δ|, and is drawn in full in V', () => {
    const host = makeHost();
    grid = createQGrid(host);
    const path = trajectory([0, 4, 0, 4, 8], [1, 3, 1, 1], [1, 3, 1, 1]);
    grid.update(frameFor(MAP_4X4, undefined, { path }));
    const line = () => host.querySelector('.qgrid-path-intended')!;
    expect(line().getAttribute('opacity')).toBeNull();
    for (const view of ['q', 'a', 'n', 'td'] as const) {
      grid.setView(view);
      expect(Number(line().getAttribute('opacity'))).toBe(QUIET_PATH_OPACITY);
    }
    grid.setView('v');
    expect(line().getAttribute('opacity')).toBeNull();
  });
});
