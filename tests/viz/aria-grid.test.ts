// @vitest-environment jsdom
/** The main grid as an ARIA grid: rows of named cells, one tab stop, arrow keys, Enter to select. */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createQGrid, type QGrid } from '../../src/viz/q-grid';
import { MAP_4X4, frameFor, makeHost } from './fixtures';

let grid: QGrid | null = null;
afterEach(() => {
  grid?.destroy();
  grid = null;
  document.body.replaceChildren();
});

function mount(onSelect = vi.fn()) {
  const host = makeHost();
  grid = createQGrid(host, { accessibleGrid: true, onSelect });
  // V(4) = Q(4, Left) = 0.56: Left alone is greedy in state 4.
  const q = new Float64Array(64);
  q[4 * 4 + 0] = 0.56;
  grid.update(frameFor(MAP_4X4, q, { agentState: 4 }));
  return { host, onSelect };
}

const gridcells = (host: Element) =>
  Array.from(host.querySelectorAll<SVGGElement>('[role="gridcell"]'));
const cellOf = (host: Element, s: number) =>
  host.querySelector<SVGGElement>(`[role="gridcell"][data-state="${s}"]`)!;
const press = (key: string) =>
  (document.activeElement as Element).dispatchEvent(
    new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }),
  );

describe('the grid as an ARIA grid', () => {
  test('role grid, named; one row per map row, one gridcell per state keeping data-state and data-tile', () => {
    const { host } = mount();
    const svg = host.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('grid');
    expect(svg.getAttribute('aria-label')).toBe('Ice Maze 4 by 4, view: state values V');
    const rows = Array.from(svg.querySelectorAll('[role="row"]'));
    expect(rows).toHaveLength(4);
    for (const [r, row] of rows.entries()) {
      const cells = Array.from(row.querySelectorAll('[role="gridcell"]'));
      expect(cells.map((c) => Number(c.getAttribute('data-state')))).toEqual(
        [0, 1, 2, 3].map((c) => r * 4 + c),
      );
      expect(cells.map((c) => c.getAttribute('data-tile')).join('')).toBe(MAP_4X4[r]);
    }
  });

  test('each cell is named by its state, V, greedy action and whether the agent is there', () => {
    const { host } = mount();
    expect(cellOf(host, 4).getAttribute('aria-label')).toBe(
      'state 4, V 0.56, greedy Left, agent here',
    );
    expect(cellOf(host, 0).getAttribute('aria-label')).toBe(
      'state 0, start, V 0.00, greedy Left, Down, Right, Up (tie)',
    );
    expect(cellOf(host, 5).getAttribute('aria-label')).toBe('state 5, hole, the episode ends here');
    // The agent moves: the names follow.
    grid!.update(frameFor(MAP_4X4, undefined, { agentState: 8 }));
    expect(cellOf(host, 4).getAttribute('aria-label')).not.toMatch(/agent here/);
    expect(cellOf(host, 8).getAttribute('aria-label')).toMatch(/, agent here$/);
  });

  test('one tab stop; the arrow keys move it within the board; Enter and a click select a cell', () => {
    const { host, onSelect } = mount();
    const stops = gridcells(host).filter((c) => c.getAttribute('tabindex') === '0');
    expect(stops).toHaveLength(1);
    stops[0]!.focus();
    expect(document.activeElement).toBe(cellOf(host, 0));
    press('ArrowRight');
    expect(document.activeElement).toBe(cellOf(host, 1));
    press('ArrowDown');
    expect(document.activeElement).toBe(cellOf(host, 5));
    press('ArrowLeft');
    press('ArrowLeft');
    expect(document.activeElement).toBe(cellOf(host, 4));
    press('ArrowUp');
    press('ArrowUp');
    expect(document.activeElement).toBe(cellOf(host, 0));
    press('End');
    expect(document.activeElement).toBe(cellOf(host, 3));
    expect(gridcells(host).filter((c) => c.getAttribute('tabindex') === '0')).toEqual([
      cellOf(host, 3),
    ]);
    press('Enter');
    expect(onSelect).toHaveBeenLastCalledWith(3);
    cellOf(host, 9).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onSelect).toHaveBeenLastCalledWith(9);
  });

  test('without the option the grid stays one named image (the frames gallery)', () => {
    const host = makeHost();
    grid = createQGrid(host);
    grid.update(frameFor(MAP_4X4));
    expect(host.querySelector('svg')!.getAttribute('role')).toBe('img');
    expect(host.querySelectorAll('[role="gridcell"], [tabindex]')).toHaveLength(0);
  });
});
